/** The HTTP client of every suite: one fetch per exchange, each in the test's transcript, under one deadline. */
import { recordAnswer, recordTransportFailure } from '../../src/runner/circuit-breaker.ts';
import { redactor, type Transcript } from './transcript.ts';
import { HTTP_MS } from './wait.ts';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

/** fetch with a transcript entry per exchange and a per-request timeout that names what hung. */
export async function httpCall(transcript: Transcript, base: string, method: string, path: string, init: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<HttpAnswer> {
  const url = `${base.replace(/\/+$/, '')}${path}`;
  const request = { method, url, headers: init.headers ?? {}, body: init.body };
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { method, headers: init.headers, body: init.body, signal: AbortSignal.timeout(init.timeoutMs ?? HTTP_MS) });
    // The body is part of the answer: a server that stalls or resets mid-body fails here, within the same deadline.
    text = await res.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${init.timeoutMs ?? HTTP_MS} ms` : `${cause?.code ?? ''} ${cause?.message ?? (error as Error).message}`.trim();
    transcript.add({ transport: 'http', request, response: { error: reason } });
    const message = redactor.text(`${method} ${url}: ${reason}`);
    recordTransportFailure(message);
    throw new Error(message);
  }
  recordAnswer();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  transcript.add({ transport: 'http', request, response: { status: res.status, headers: Object.fromEntries(res.headers), body: json ?? text } });
  return { status: res.status, headers: res.headers, text, json };
}
