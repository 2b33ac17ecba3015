import { bodyText, mediaType, type HttpRequest, type HttpResponse } from '../../src/core/http-exchange.ts';
import { errorResponse, laravelJson } from './envelope.ts';
import type { Behaviour } from '../../src/core/behaviour.ts';
import { issueToken } from './tokens.ts';
import { findByEmail, type UserTable } from './users.ts';

/**
 * POST /api/login (supporting route, not in the document): json={"email","password"[,"getToken"]} as a form field
 * or a JSON body. The reference answers the bare token as a JSON string, or the claims with getToken.
 */
export async function login(request: HttpRequest, table: UserTable, behaviour: Behaviour, secret: Uint8Array, ttl: number, now: number): Promise<HttpResponse> {
  let credentials: Record<string, unknown> | undefined;
  try {
    const text = bodyText(request.body);
    const json = mediaType(request.headers) === 'application/json' ? JSON.parse(text).json : new URLSearchParams(text).get('json');
    const parsed: unknown = typeof json === 'string' ? JSON.parse(json) : json;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) credentials = parsed as Record<string, unknown>;
  } catch {
    credentials = undefined;
  }
  if (!credentials || typeof credentials.email !== 'string' || typeof credentials.password !== 'string') {
    return errorResponse(behaviour, 400, 'Send json={"email":…,"password":…} to log in.');
  }
  const user = findByEmail(table, credentials.email);
  // JwtAuth::signup's answer for unknown credentials, which the controller sends with status 200 and no code
  // (userapi-observed.json: "login, wrong password").
  if (!user || user.password !== credentials.password) return laravelJson(200, { status: 'error', message: 'Login incorrecto.' });
  const token = await issueToken(user, secret, ttl, now);
  if ('getToken' in credentials || 'gettoken' in credentials) {
    const [, payload] = token.split('.');
    return laravelJson(200, JSON.parse(new TextDecoder().decode(base64url(payload ?? ''))));
  }
  return laravelJson(200, token);
}

function base64url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}
