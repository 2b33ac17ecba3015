import { SignJWT, jwtVerify, decodeProtectedHeader, errors } from 'jose';

/**
 * HS256 tokens for the mocks, signed and checked with jose. Verification never throws: every failure is a
 * reason a family maps to its own error envelope.
 */
export type JwtFailure = 'malformed' | 'alg-not-allowed' | 'bad-signature' | 'expired' | 'invalid';

export type JwtResult = { ok: true; claims: Record<string, unknown> } | { ok: false; reason: JwtFailure; detail: string };

export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs claims with HS256; `expiresInSeconds` < 0 means no expiry. */
export async function signJwt(
  claims: Record<string, unknown>,
  secret: Uint8Array,
  options: { expiresInSeconds: number; header?: Record<string, unknown>; now?: number },
): Promise<string> {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', ...options.header }).setIssuedAt(now);
  if (options.expiresInSeconds >= 0) jwt = jwt.setExpirationTime(now + options.expiresInSeconds);
  return jwt.sign(secret);
}

/**
 * What a secret has already verified. WebCrypto verifies asynchronously on a thread pool (about 200 µs a token on
 * this machine), so each secret keeps its imported key and the tokens it has verified, as the real servers keep
 * tokens in a cache (a real server may keep it in Redis). The key of an entry is the whole token, signature included: a token that
 * differs in one byte is verified afresh. An entry is used only while the token has not expired.
 */
interface SecretCache {
  key: Promise<CryptoKey>;
  verified: Map<string, Record<string, unknown>>;
}

const CACHE_LIMIT = 10_000;
const caches = new WeakMap<Uint8Array, SecretCache>();

function cacheOf(secret: Uint8Array): SecretCache {
  let cache = caches.get(secret);
  if (!cache) {
    const key = globalThis.crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    cache = { key, verified: new Map() };
    caches.set(secret, cache);
  }
  return cache;
}

function stillValid(claims: Record<string, unknown>, now: number): boolean {
  return typeof claims.exp !== 'number' || claims.exp * 1000 > now;
}

/**
 * Verifies an HS256 token. `alg: none` and every other algorithm are refused before any signature check,
 * so an unsigned token can never pass.
 */
export async function verifyJwt(token: string, secret: Uint8Array, now = Date.now()): Promise<JwtResult> {
  const cache = cacheOf(secret);
  const known = cache.verified.get(token);
  if (known && stillValid(known, now)) return { ok: true, claims: known };
  const result = await verifyUncached(token, await cache.key, now);
  if (result.ok) {
    if (cache.verified.size >= CACHE_LIMIT) cache.verified.delete(cache.verified.keys().next().value as string);
    cache.verified.set(token, result.claims);
  }
  return result;
}

async function verifyUncached(token: string, secret: CryptoKey, now: number): Promise<JwtResult> {
  if (typeof token !== 'string' || token.split('.').length !== 3) {
    return { ok: false, reason: 'malformed', detail: 'a JWT has three dot-separated parts' };
  }
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    return { ok: false, reason: 'malformed', detail: 'the JWT header is not base64url JSON' };
  }
  if (alg !== 'HS256') return { ok: false, reason: 'alg-not-allowed', detail: `algorithm ${String(alg)} is not accepted` };
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: new Date(now) });
    return { ok: true, claims: payload as Record<string, unknown> };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired', detail: 'the token has expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad-signature', detail: 'the signature does not match' };
    if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return { ok: false, reason: 'malformed', detail: (error as Error).message };
    return { ok: false, reason: 'invalid', detail: (error as Error).message };
  }
}
