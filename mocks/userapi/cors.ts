import type { HttpResponse } from '../../src/core/http-exchange.ts';

/**
 * The course's public/index.php sets these headers before Laravel runs, so every answer carries them, errors
 * included, and it ends an OPTIONS request there with an empty 200: a browser app on another origin can call the API.
 * Observed on the real app: `Access-Control-Allow-Origin: *` on all 26 answers and the preflight's empty 200
 * (userapi-observed.json); the other three lines are the course's index.php, which the recording does not keep.
 */
const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'Authorization, X-API-KEY, Origin, X-Requested-With, Content-Type, Accept, Access-Control-Allow-Request-Method',
  'access-control-allow-methods': 'GET, POST, OPTIONS, PUT, DELETE',
  allow: 'GET, POST, OPTIONS, PUT, DELETE',
};

export function withCors(response: HttpResponse): HttpResponse {
  return { ...response, headers: { ...CORS_HEADERS, ...response.headers } };
}

/** index.php's `if ($method == "OPTIONS") die();`: PHP's default content type, no body, whatever the path. */
export function preflightResponse(): HttpResponse {
  return withCors({ status: 200, headers: { 'content-type': 'text/html; charset=UTF-8' }, body: null });
}
