import { decodeJwt } from 'jose';
import { signJwt, verifyJwt } from '../../src/core/jwt.ts';
import type { Behaviour } from '../../src/core/behaviour.ts';
import type { UserRow } from './users.ts';

/** The claims the reference code's JwtAuth puts in a token (userapi.md §1.2). */
export interface Claims {
  sub: number;
  email: string;
  name: string;
  surname: string | null;
  description: string | null;
  image: string | null;
  iat: number;
  exp: number;
}

export async function issueToken(user: UserRow, secret: Uint8Array, ttlSeconds: number, now: number): Promise<string> {
  const claims = { sub: user.id, email: user.email, name: user.name, surname: user.surname, description: user.description, image: user.image };
  return signJwt(claims, secret, { expiresInSeconds: ttlSeconds, now, header: { typ: 'JWT' } });
}

/**
 * The token of a request: the Authorization header as the document shows it ("Bearer <JWT>") or raw, as its
 * Request Example sends it; double quotes stripped, as JwtAuth::checkToken does for JSON-stringified tokens.
 */
export function tokenFrom(headers: Record<string, string>, behaviour: Behaviour): string | undefined {
  const raw = headers.authorization?.replace(/"/g, '').trim();
  if (!raw) return undefined;
  const bearer = /^bearer\s+(.+)$/i.exec(raw);
  if (bearer) {
    // userapi.update.auth.bearer-scheme: the reference decodes the header as it is, so "Bearer x" fails.
    return behaviour.deviates('userapi.update.auth.bearer-scheme') ? raw : bearer[1];
  }
  // userapi.update.auth.raw-token
  return behaviour.deviates('userapi.update.auth.raw-token') ? undefined : raw;
}

/** The claims of a valid token, or undefined: wrong signature, alg none, expired, malformed, or no sub. */
export async function checkToken(token: string, secret: Uint8Array, behaviour: Behaviour, now: number): Promise<Claims | undefined> {
  // userapi.update.auth.invalid-token: claims read without checking the signature or the expiry.
  if (behaviour.deviates('userapi.update.auth.invalid-token')) {
    try {
      const claims = decodeJwt(token) as unknown as Claims;
      return typeof claims.sub === 'number' ? claims : undefined;
    } catch {
      return undefined;
    }
  }
  const result = await verifyJwt(token, secret, now);
  if (!result.ok || typeof result.claims.sub !== 'number') return undefined;
  return result.claims as unknown as Claims;
}
