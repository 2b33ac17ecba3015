import { ACTION } from './actions.ts';
import { isFailure, type Failure } from './failure.ts';
import { isJsonObject, own, type JsonObject } from './json.ts';
import { MESSAGES } from './messages.ts';
import { authorize } from './principal.ts';
import { createTokens } from './token-create.ts';
import { loginWithPassword, refreshAccessToken } from './token-service.ts';
import { wsError, wsFailure, wsSuccess, type Answer } from './ws-answer.ts';
import { gsonText, MALFORMED } from './ws-fields.ts';
import type { DeviceHiveSession } from './ws-session.ts';

/** The auth service's REST errors come back as {code, error}; one without a body is the reference's bare 401. */
function serviceFailure(session: DeviceHiveSession, request: JsonObject, failure: Failure): Answer {
  return failure.body === 'none' ? wsError(session.ctx, request, 401, MESSAGES.UNAUTHORIZED) : wsFailure(session.ctx, request, failure);
}

/** authenticate {token} (CommonHandlers.java:86-111): 401 "Unauthorized" without a token, else the filter's verdict. */
export async function authenticateAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const token = gsonText(own(request, 'token'));
  if (token === MALFORMED) return wsError(session.ctx, request, 400, MESSAGES.MALFORMED_JSON);
  // devicehive.all.auth.ws-authenticate-errors: the deviation answers these refusals with code 400.
  const code = session.ctx.behaviour.deviates('devicehive.all.auth.ws-authenticate-errors') ? 400 : 401;
  if (token === null || token === '') return wsError(session.ctx, request, code, MESSAGES.UNAUTHORIZED);
  const failure = await session.authenticate(token);
  if (!failure) return wsSuccess(session.ctx, request);
  return wsError(session.ctx, request, code, failure.message === MESSAGES.TOKEN_EXPIRED ? MESSAGES.TOKEN_EXPIRED : MESSAGES.INVALID_CREDENTIALS);
}

/** token {login, password}: POST /token of the auth service, answered {accessToken, refreshToken}. */
export async function tokenAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const login = gsonText(own(request, 'login'));
  const password = gsonText(own(request, 'password'));
  if (login === MALFORMED || password === MALFORMED) return wsError(session.ctx, request, 400, MESSAGES.MALFORMED_JSON);
  const pair = await loginWithPassword(session.ctx, login, password);
  if (isFailure(pair)) return serviceFailure(session, request, pair);
  return wsSuccess(session.ctx, request, { accessToken: pair.accessToken, refreshToken: pair.refreshToken });
}

/** token/refresh {refreshToken}: POST /token/refresh, answered {accessToken}. */
export async function tokenRefreshAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const token = gsonText(own(request, 'refreshToken'));
  if (token === MALFORMED) return wsError(session.ctx, request, 400, MESSAGES.MALFORMED_JSON);
  if (token === null) return wsError(session.ctx, request, 400, MESSAGES.PAYLOAD_NOT_FOUND);
  const refreshed = await refreshAccessToken(session.ctx, token);
  if (isFailure(refreshed)) return serviceFailure(session, request, refreshed);
  return wsSuccess(session.ctx, request, { accessToken: refreshed.accessToken });
}

/** token/create {payload: {userId, actions, ...}} (ManageToken): POST /token/create with the session's token. */
export async function tokenCreateAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const caller = authorize(session.ctx, session.principal, ACTION.MANAGE_TOKEN);
  if (isFailure(caller)) return wsFailure(session.ctx, request, caller);
  const payload = own(request, 'payload');
  if (payload === undefined || payload === null) return wsError(session.ctx, request, 400, MESSAGES.PAYLOAD_NOT_FOUND);
  if (!isJsonObject(payload)) return wsError(session.ctx, request, 400, MESSAGES.MALFORMED_JSON);
  const pair = await createTokens(session.ctx, payload);
  if (isFailure(pair)) return serviceFailure(session, request, pair);
  return wsSuccess(session.ctx, request, { accessToken: pair.accessToken, refreshToken: pair.refreshToken });
}
