/**
 * One HTTP exchange, free of any server or socket: the standalone server (fastify) and the MSW handlers both
 * turn their requests into this and write back what a family returns.
 */
export interface HttpRequest {
  method: string;
  /** Path and query string as sent, e.g. "/_me?refresh=wait_for". */
  url: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The raw body, or null when the request had none. */
  body: Uint8Array | null;
  /** Set when the body went over the size limit and was not read: the family answers with its own 413. */
  bodyTooLarge?: boolean;
  remoteAddress?: string;
  /**
   * The path the listener took off before `url` (a tenant's /__tenant/<name>): a family that writes an absolute URL
   * of its own (an endpoint it advertises) puts it back, so the client stays where it was.
   */
  basePath?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Serialized body; null for an empty body (204, HEAD). */
  body: string | null;
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers, body: null };
}

/** Splits "/a/b?x=1" into its path and its raw query string ("x=1"), for a family that parses queries its own way. */
export function urlParts(url: string): { path: string; search: string } {
  const at = url.indexOf('?');
  return at === -1 ? { path: url, search: '' } : { path: url.slice(0, at), search: url.slice(at + 1) };
}

/** Splits "/a/b?x=1" into its path and its query parameters (the last value wins for repeated keys). */
export function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const { path, search } = urlParts(url);
  return { path, query: new URLSearchParams(search) };
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(headers: Record<string, string>): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The body as UTF-8 text; throws on bytes that are not UTF-8. */
export function bodyText(body: Uint8Array | null): string {
  return body === null ? '' : decoder.decode(body);
}
