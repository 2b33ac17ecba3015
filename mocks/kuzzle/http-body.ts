import { kerror, KuzzleError } from './errors.ts';
import { parseJson } from '../../src/core/json.ts';
import { InflatedTooLarge, inflateWithin } from '../../src/core/bounded-inflate.ts';
import { MAX_BODY_BYTES } from '../../src/core/limits.ts';
import { parseForm, parseMultipart } from './http-forms.ts';

const ALLOWED_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'];
const MAX_ENCODING_LAYERS = 3;
/** Node's Buffer#toString(): invalid UTF-8 becomes U+FFFD rather than an error. */
const utf8 = new TextDecoder('utf-8');

export type BodyResult = { ok: true; content: unknown } | { ok: false; error: KuzzleError };

/**
 * The checks httpwsProtocol makes before routing (httpwsProtocol.js:486-600): the media type must be one Kuzzle
 * parses (compared as sent, case included), the charset utf-8. A failure is answered as a bare error object.
 */
export function checkContentType(headers: Record<string, string>): KuzzleError | undefined {
  const header = headers['content-type'];
  if (header) {
    const type = header.split(';')[0]!.trim();
    if (!ALLOWED_TYPES.includes(type)) return kerror('network.http.unsupported_content', type);
  }
  const charset = /charset=([\w-]+)/i.exec(header ?? '');
  if (charset && charset[1]!.toLowerCase() !== 'utf-8') return kerror('network.http.unsupported_charset', charset[1]!.toLowerCase());
  return undefined;
}

/**
 * httpUncompress: Content-Encoding layers, undone in reverse order; identity, gzip and deflate only. Each layer's
 * output is held to the request size limit (maxRequestSize applies to the request Kuzzle handles, not to its wire
 * form): a bomb is refused with Kuzzle's 413 before it is inflated.
 */
async function uncompress(bytes: Uint8Array, header: string | undefined): Promise<Uint8Array> {
  if (!header) return bytes;
  const encodings = header.split(',').map((e) => e.trim().toLowerCase());
  if (encodings.length > MAX_ENCODING_LAYERS) throw kerror('network.http.too_many_encodings');
  let data = bytes;
  for (const encoding of encodings.reverse()) {
    if (encoding === 'identity') continue;
    if (encoding !== 'gzip' && encoding !== 'deflate') throw kerror('network.http.unsupported_compression', encoding);
    try {
      data = await inflateWithin(data, encoding, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof InflatedTooLarge) throw kerror('network.http.request_too_large');
      throw kerror('network.http.unexpected_error', (error as Error).message);
    }
  }
  return data;
}

/**
 * httpReadData + httpParseContent: an empty body is no body; forms are parsed as forms, anything else as JSON
 * (body_parse_failed quotes the first 50 characters). HttpMessage keeps a falsy or empty value as no body.
 */
export async function readBody(body: Uint8Array | null, headers: Record<string, string>): Promise<BodyResult> {
  if (body === null || body.byteLength === 0) return { ok: true, content: null };
  try {
    const bytes = await uncompress(body, headers['content-encoding']);
    const type = headers['content-type'] ?? '';
    const text = utf8.decode(bytes);
    let content: unknown;
    if (type.includes('multipart/form-data')) content = parseMultipart(bytes, type);
    else if (type.includes('application/x-www-form-urlencoded')) content = parseForm(text);
    else {
      const parsed = parseJson(text);
      if (!parsed.ok) return { ok: false, error: kerror('network.http.body_parse_failed', text.slice(0, 50)) };
      content = parsed.value;
    }
    const empty = !content || (content as { length?: unknown }).length === 0;
    return { ok: true, content: empty ? null : content };
  } catch (error) {
    return { ok: false, error: error instanceof KuzzleError ? error : kerror('network.http.unexpected_error', String(error)) };
  }
}
