import type { HttpResponse } from '../../src/core/http-exchange.ts';
import { ACTION } from './actions.ts';
import { fail, isFailure, type Failure } from './failure.ts';
import { isJsonObject, own, type Json } from './json.ts';
import { MESSAGES } from './messages.ts';
import { authorize } from './principal.ts';
import { gsonString, readJsonBody } from './rest-body.ts';
import type { RestCall } from './rest-call.ts';
import { restJson } from './rest-respond.ts';
import { createTokens } from './token-create.ts';
import { loginWithPassword, refreshAccessToken } from './token-service.ts';

const invalidParameters = () => fail(400, MESSAGES.INVALID_REQUEST_PARAMETERS);

/** A request object's string property, as Gson binds it; a body that is not an object is a binding error. */
function stringProperty(body: Json | undefined, key: string): string | null | Failure {
  if (body === undefined || body === null) return null;
  return isJsonObject(body) ? gsonString(own(body, key)) : invalidParameters();
}

/** POST /token {login, password} → 201 {accessToken, refreshToken} (JwtTokenResourceImpl.login). */
export async function postToken(call: RestCall): Promise<HttpResponse | Failure> {
  const body = readJsonBody(call.request, invalidParameters);
  if (isFailure(body)) return body;
  const login = stringProperty(body.value, 'login');
  const password = stringProperty(body.value, 'password');
  if (isFailure(login)) return login;
  if (isFailure(password)) return password;
  const pair = await loginWithPassword(call.ctx, login, password);
  return isFailure(pair) ? pair : restJson(201, { accessToken: pair.accessToken, refreshToken: pair.refreshToken });
}

/** POST /token/refresh {refreshToken} → 201 {accessToken}. */
export async function postTokenRefresh(call: RestCall): Promise<HttpResponse | Failure> {
  const body = readJsonBody(call.request, invalidParameters);
  if (isFailure(body)) return body;
  const token = stringProperty(body.value, 'refreshToken');
  if (isFailure(token)) return token;
  const refreshed = await refreshAccessToken(call.ctx, token);
  return isFailure(refreshed) ? refreshed : restJson(201, { accessToken: refreshed.accessToken });
}

/** POST /token/create (ManageToken) → 201 {accessToken, refreshToken}. */
export async function postTokenCreate(call: RestCall): Promise<HttpResponse | Failure> {
  const body = readJsonBody(call.request, invalidParameters);
  if (isFailure(body)) return body;
  const caller = authorize(call.ctx, call.principal, ACTION.MANAGE_TOKEN);
  if (isFailure(caller)) return caller;
  const pair = await createTokens(call.ctx, body.value);
  return isFailure(pair) ? pair : restJson(201, { accessToken: pair.accessToken, refreshToken: pair.refreshToken });
}
