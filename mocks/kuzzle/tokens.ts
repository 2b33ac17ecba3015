import type { Behaviour } from '../../src/core/behaviour.ts';
import { decodeJwt } from 'jose';
import { signJwt, verifyJwt } from '../../src/core/jwt.ts';
import { ANONYMOUS_ID } from './builtins.ts';
import { kerror } from './errors.ts';
import type { KuzzleState } from './state.ts';

/** Kuzzle prefixes its session tokens (tokenRepository.ts:201-290; Token.AUTH_PREFIX). */
const AUTH_PREFIX = 'kauth-';
const APIKEY_PREFIX = 'kapikey-';

export interface TokenContext {
  state: KuzzleState;
  secret: Uint8Array;
  now: () => number;
  behaviour: Behaviour;
}

/** A verified token; the anonymous token has no jwt and expiresAt null (lib/model/security/token.ts). */
export interface VerifiedToken {
  userId: string;
  jwt: string | null;
  expiresAt: number | null;
}

export const ANONYMOUS_TOKEN: VerifiedToken = { userId: ANONYMOUS_ID, jwt: null, expiresAt: null };

/** The login result: {_id, expiresAt, jwt, ttl}; ttl and expiresAt are -1 for a token that never expires. */
export interface IssuedToken {
  _id: string;
  expiresAt: number;
  jwt: string;
  ttl: number;
}

/**
 * Signs {_id} with HS256 and keeps the token, as Kuzzle keeps it in Redis (a deleted token is invalid from then on).
 * kuzzle.all.auth.login-jwt: the deviation issues an opaque token instead, which kuzzle-sdk cannot decode.
 */
export async function issueToken(ctx: TokenContext, userId: string, ttl: number): Promise<IssuedToken> {
  const now = ctx.now();
  const opaque = ctx.behaviour.deviates('kuzzle.all.auth.login-jwt');
  const expiresInSeconds = ttl === -1 ? -1 : Math.floor(ttl / 1000);
  const signed = opaque ? globalThis.crypto.randomUUID() : await signJwt({ _id: userId }, ctx.secret, { expiresInSeconds, header: { typ: 'JWT' }, now });
  const jwt = AUTH_PREFIX + signed;
  const expiresAt = ttl === -1 ? -1 : now + ttl;
  // kuzzle.updateSelf.auth.expired-token-refused: the deviation keeps expired tokens, since it never refuses them.
  if (!ctx.behaviour.deviates('kuzzle.updateSelf.auth.expired-token-refused')) pruneExpired(ctx.state, now);
  ctx.state.tokens.put(jwt, { userId, expiresAt, ttl }, { waitForRefresh: true });
  return { _id: userId, expiresAt, jwt, ttl };
}

/**
 * Redis drops a token when its TTL runs out; the mock drops the ones due at each login (soonest first, from the
 * expiry index), so the store never grows unbounded and a login costs no scan of every session.
 */
function pruneExpired(state: KuzzleState, now: number): void {
  for (const id of state.tokens.expiry.due(now)) state.tokens.delete(id);
}

function stripPrefix(token: string): string {
  if (token.startsWith(AUTH_PREFIX)) return token.slice(AUTH_PREFIX.length);
  if (token.startsWith(APIKEY_PREFIX)) return token.slice(APIKEY_PREFIX.length);
  return token;
}

/**
 * tokenRepository.verifyToken: null is the anonymous token; otherwise the JWT must verify and still be known (not
 * logged out). Every failure, an expired token included, is security.token.invalid ("Invalid token."): the code's
 * security.token.expired branch is never reached, since jsonwebtoken's TokenExpiredError is a JsonWebTokenError,
 * which is tested first; the real 2.56.0 answers so (kuzzle-observed-2.json #46, #145), and kuzzle-sdk fires its
 * tokenExpired event only on that id.
 */
export async function verifyToken(ctx: TokenContext, token: string | null): Promise<VerifiedToken> {
  if (token === null) return ANONYMOUS_TOKEN;
  const stored = ctx.state.tokens.get(token)?.source;
  // kuzzle.updateSelf.auth.expired-token-refused: the deviation checks the signature but not the expiry (the JWT is
  // verified at the time it was issued, and the stored token's lifetime is not looked at).
  const ignoresExpiry = ctx.behaviour.deviates('kuzzle.updateSelf.auth.expired-token-refused');
  const now = ctx.now();
  if (!(ctx.behaviour.deviates('kuzzle.all.auth.login-jwt') && stored)) {
    const verified = await verifyJwt(stripPrefix(token), ctx.secret, ignoresExpiry ? issuedAt(token, now) : now);
    if (!verified.ok) throw kerror(verified.reason === 'expired' ? expiredTokenError(ctx) : 'security.token.invalid');
    if (typeof verified.claims._id !== 'string' || verified.claims._id === '') throw kerror('security.token.invalid');
    if (!stored || stored.userId !== verified.claims._id) throw kerror('security.token.invalid');
  }
  if (!stored || (!ignoresExpiry && stored.expiresAt !== -1 && stored.expiresAt <= now)) {
    // The cache entry's TTL ran out: Kuzzle no longer finds the token.
    ctx.state.tokens.delete(token);
    throw kerror(stored ? expiredTokenError(ctx) : 'security.token.invalid');
  }
  return { userId: stored.userId, jwt: token, expiresAt: stored.expiresAt };
}

/** When a JWT was issued (its iat, in ms), or `fallback` when it says nothing readable. */
function issuedAt(token: string, fallback: number): number {
  try {
    const iat = decodeJwt(stripPrefix(token)).iat;
    return typeof iat === 'number' ? iat * 1000 : fallback;
  } catch {
    return fallback;
  }
}

/** kuzzle.all.auth.expired-token: the id a reading of the code suggests, which kuzzle-sdk does not react to. */
function expiredTokenError(ctx: TokenContext): 'security.token.invalid' | 'security.token.expired' {
  return ctx.behaviour.deviates('kuzzle.all.auth.expired-token') ? 'security.token.expired' : 'security.token.invalid';
}

/** Deletes one token (auth:logout) or every token of a user (logout global, user deletion). */
export function revokeTokens(state: KuzzleState, match: { jwt?: string; userId?: string }): void {
  if (match.jwt !== undefined) state.tokens.delete(match.jwt);
  if (match.userId !== undefined) {
    for (const id of [...state.tokens.byUser.ids(match.userId)]) state.tokens.delete(id);
  }
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_557_600_000 };
const TIMESPAN = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i;

/** parseTimespan (tokenRepository.ts:535-553), with the `ms` package's grammar: 0 means invalid, -1 infinite. */
export function parseTimespan(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.length > 100) return 0;
  const match = TIMESPAN.exec(value);
  if (!match) return 0;
  const unit = (match[2] ?? 'ms').toLowerCase();
  const key = /^(ms|msec|mil)/.test(unit) ? 'ms' : unit.charAt(0);
  return Number.parseFloat(match[1] ?? '0') * (UNITS[key] ?? 1);
}
