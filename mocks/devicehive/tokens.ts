import type { Behaviour } from '../../src/core/behaviour.ts';
import { signJwt, verifyJwt } from '../../src/core/jwt.ts';
import { isJsonObject } from './json.ts';

/** Refresh tokens live 15 724 800 000 ms (~182 days), as jwt.refresh-token-max-age in application.properties. */
export const REFRESH_LIFETIME_MS = 15_724_800_000;
export const TOKEN_TYPE = { REFRESH: 0, ACCESS: 1 } as const;

/** The claim {"payload": {u, a, n, dt, e, t}} (COMMON/security/jwt/JwtUserPayload.java; devicehive.md §3). */
export interface DhPayload {
  u: number;
  a: number[] | null;
  n: string[] | null;
  dt: string[] | null;
  /** Expiry in epoch milliseconds, checked by the mock itself (jose's exp is in seconds and not used). */
  e: number;
  t: 0 | 1;
}

/** A readable token, and whether payload.e has passed: the callers check type and expiry in their own order. */
export type TokenReading = { ok: true; payload: DhPayload; expired: boolean } | { ok: false };

/** Header {"alg":"HS256"} and no exp claim: the expiry is payload.e, as the reference signs with jjwt. */
export function signPayload(payload: DhPayload, secret: Uint8Array, now: number): Promise<string> {
  return signJwt({ payload: { u: payload.u, a: payload.a, n: payload.n, dt: payload.dt, e: payload.e, t: payload.t } }, secret, { expiresInSeconds: -1, now });
}

function decodeClaims(token: string): Record<string, unknown> | undefined {
  try {
    const part = token.split('.')[1] ?? '';
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return isJsonObject(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

function integers(value: unknown): number[] | null | undefined {
  if (value === undefined || value === null) return null;
  return Array.isArray(value) && value.every((v) => Number.isInteger(v)) ? (value as number[]) : undefined;
}

function strings(value: unknown): string[] | null | undefined {
  if (value === undefined || value === null) return null;
  return Array.isArray(value) ? value.map((v) => String(v)) : undefined;
}

/** BaseJwtClientService.getUserPayload: u, t and e are required; anything else malformed is "invalid". */
function toPayload(claims: Record<string, unknown>): DhPayload | undefined {
  const p = claims.payload;
  if (!isJsonObject(p)) return undefined;
  const { u, t, e } = p;
  const a = integers(p.a);
  const n = strings(p.n);
  const dt = strings(p.dt);
  if (!Number.isSafeInteger(u) || (t !== 0 && t !== 1) || typeof e !== 'number' || a === undefined || n === undefined || dt === undefined) return undefined;
  return { u: u as number, a, n, dt, e, t };
}

/**
 * Reads a token of either type: signature and shape. alg:none and other algorithms are refused
 * by verifyJwt before any signature check.
 */
export async function readToken(token: string, secret: Uint8Array, now: number, behaviour: Behaviour): Promise<TokenReading> {
  const verified = await verifyJwt(token, secret, now);
  let claims: Record<string, unknown> | undefined = verified.ok ? verified.claims : undefined;
  // devicehive.all.auth.invalid-token: the deviation reads the claims without trusting the signature.
  if (!verified.ok && verified.reason === 'bad-signature' && behaviour.deviates('devicehive.all.auth.invalid-token')) claims = decodeClaims(token);
  const payload = claims ? toPayload(claims) : undefined;
  return payload ? { ok: true, payload, expired: payload.e < now } : { ok: false };
}
