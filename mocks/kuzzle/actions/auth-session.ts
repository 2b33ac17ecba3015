import { getBoolean, getBodyString, getString } from '../args.ts';
import type { ActionHandler } from '../context.ts';
import { kerror, KuzzleError } from '../errors.ts';
import { issueToken, parseTimespan, revokeTokens, verifyToken } from '../tokens.ts';
import { serializeUser, strategiesOf } from '../user-model.ts';

/** passport-local reads each field from the body, then from the query string (the request arguments). */
function credentialField(body: unknown, args: Record<string, unknown>, name: string): unknown {
  const fromBody = typeof body === 'object' && body !== null && Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
  return fromBody || args[name];
}

/**
 * auth:login (authController.ts:272-306) with the local strategy (kuzzle-plugin-auth-passport-local 6.4.1):
 * {_id, expiresAt, jwt, ttl}; wrong credentials → 401 plugin.strategy.missing_user. Login rate limits are not
 * enforced (the conformance suite logs in many times per second).
 */
export const login: ActionHandler = async ({ request, env }) => {
  const strategy = getString(request, 'strategy');
  if (strategy !== 'local') throw kerror('security.credentials.unknown_strategy', strategy);
  const username = credentialField(request.body, request.args, 'username');
  const password = credentialField(request.body, request.args, 'password');
  if (!username || !password) throw kerror('plugin.strategy.missing_user', 'Missing credentials');
  const stored = typeof username === 'string' ? env.state.credentials.get(username)?.source : undefined;
  if (!stored || stored.password !== password || !env.state.users.has(stored.kuid)) {
    throw kerror('plugin.strategy.missing_user', 'wrong username or password');
  }
  let ttl = env.tokenTtlMs;
  if (request.args.expiresIn) ttl = parseTimespan(request.args.expiresIn);
  if (ttl === 0) throw kerror('api.assert.invalid_argument', 'expiresIn', 'a number of milliseconds, or a parsable timespan string');
  // cookieAuth is read (and must be a boolean over WebSocket) but the mock always answers with the token in the body.
  getBoolean(request, 'cookieAuth');
  return issueToken(env.tokens, stored.kuid, ttl);
};

/** auth:logout: deletes the caller's token (every token of the user with global), so reusing it gives 401. */
export const logout: ActionHandler = async ({ request, caller, token, env }) => {
  if (caller._id !== '-1') {
    if (getBoolean(request, 'global')) revokeTokens(env.state, { userId: caller._id });
    else if (token.jwt !== null) revokeTokens(env.state, { jwt: token.jwt });
  }
  getBoolean(request, 'cookieAuth');
  return { acknowledged: true };
};

/**
 * auth:checkToken (authController.ts:472-498): never an error for a bad token, {valid: false, state} instead; no
 * token (the SDK sends {}) is the anonymous token, whose expiresAt is null.
 */
export const checkToken: ActionHandler = async ({ request, env }) => {
  const token = getBoolean(request, 'cookieAuth') ? request.jwt : getBodyString(request, 'token', '') || null;
  try {
    const verified = await verifyToken(env.tokens, token);
    return { expiresAt: verified.expiresAt, kuid: verified.userId, valid: true };
  } catch (error) {
    if (error instanceof KuzzleError && error.status === 401) return { state: error.message, valid: false };
    throw error;
  }
};

/** auth:getCurrentUser: the caller, with the strategies it has credentials for ([] for the anonymous user). */
export const getCurrentUser: ActionHandler = async ({ caller, env }) => ({
  ...serializeUser(caller._id, caller.source),
  strategies: caller._id === '-1' ? [] : strategiesOf(env.state, caller._id),
});
