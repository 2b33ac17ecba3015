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
 * Verifies an HS256 token. `alg: none` and every other algorithm are refused before any signature check,
 * so an unsigned token can never pass.
 */
export async function verifyJwt(token: string, secret: Uint8Array, now = Date.now()): Promise<JwtResult> {
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
