import { promisify } from 'node:util';
import { deflate, gzip } from 'node:zlib';
import type { HttpResponse } from '../core/http-exchange.ts';

/** An answer as it goes on the wire: a compressed body is bytes. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | null;
}

const COMPRESS = { gzip: promisify(gzip), deflate: promisify(deflate) } as const;

/** The encoding an Accept-Encoding list asks for: gzip first, then deflate, as the real server that compresses picks them (research, its §2.2). */
function chosenEncoding(acceptEncoding: string | undefined): keyof typeof COMPRESS | undefined {
  const listed = (acceptEncoding ?? '').split(',').map((entry) => entry.split(';')[0]!.trim().toLowerCase());
  if (listed.includes('gzip')) return 'gzip';
  if (listed.includes('deflate')) return 'deflate';
  return undefined;
}

/**
 * The answer compressed as the client accepts it. Only an answer that says `Content-Encoding: identity` is one the
 * family lets the server compress (routed answers of a family that compresses); the others, and clients that accept neither, are kept.
 */
export async function compressed(response: HttpResponse, acceptEncoding: string | undefined): Promise<WireResponse> {
  const encoding = chosenEncoding(acceptEncoding);
  if (!encoding || response.body === null || response.headers['content-encoding'] !== 'identity') return response;
  const body = await COMPRESS[encoding](Buffer.from(response.body, 'utf8'));
  return { ...response, headers: { ...response.headers, 'content-encoding': encoding }, body };
}
