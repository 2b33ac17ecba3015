import type { FamilyManifest } from '../core/manifest.ts';
import { findFamilyModule } from '../families/lookup.ts';
import type { Target } from '../target/target.ts';
import { fetchProblem, PROBE_MS } from './probes.ts';

/** A credentials check's finding: the target refused them, or the login request itself got no answer. */
export interface CredentialProblem {
  code: 'CONFORM_ERR_CREDENTIALS' | 'CONFORM_ERR_UNREACHABLE';
  message: string;
}

/** Never echo a secret: a server's error text could quote what it was sent. */
function scrub(text: string, secrets: string[]): string {
  let out = text.slice(0, 200);
  for (const s of secrets.filter((x) => x.length >= 3)) out = out.split(s).join('***');
  return out;
}

/** POST a JSON login over HTTP with the probe's deadline: the status and parsed body, or the transport problem. */
async function postLogin(url: string, body: Record<string, string>): Promise<{ status: number; json: any; text: string } | { problem: string }> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(PROBE_MS) });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  } catch (error) {
    return { problem: fetchProblem(error, PROBE_MS) };
  }
}

const join = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

/** The value at a path of a parsed JSON answer (undefined when any step is missing). */
function at(json: unknown, path: readonly string[]): unknown {
  let value: unknown = json;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

type AdminLogin = Extract<NonNullable<FamilyManifest['credentialsCheck']>, { kind: 'admin-login' }>;

/** The admin logs in as the suite's fixtures do before every test (the family's manifest says how). */
async function adminLogin(target: Target, manifest: FamilyManifest, check: AdminLogin): Promise<CredentialProblem | undefined> {
  const field = manifest.adminLoginField as string;
  const admin = target.auth.admin as Record<string, string>;
  const [login, password] = [admin[field] as string, admin.password as string];
  const url = join(target.http as string, check.path);
  const answer = await postLogin(url, { [field]: login, password });
  const account = `the ${manifest.title} account "${login}"`;
  if ('problem' in answer) return { code: 'CONFORM_ERR_UNREACHABLE', message: `POST ${url} (the login of ${account}): ${answer.problem}` };
  if (check.statuses.includes(answer.status) && typeof at(answer.json, check.token) === 'string') return undefined;
  const why = check.reason.map((path) => at(answer.json, path)).find((v) => v !== undefined && v !== null) ?? answer.text;
  return { code: 'CONFORM_ERR_CREDENTIALS', message: `${account} cannot log in: POST ${url} answered ${answer.status}${why ? ` (${scrub(String(why), [password])})` : ''}` };
}

/**
 * Users that carry tokens, not passwords. Each must be a JWT whose payload has an integer `sub` (the suite reads the
 * user's id from it) and, when it has `exp`, must not expire within the next minute. Whether the server accepts it
 * is not asked: such a family's only authenticated request may be one that writes, and refuse a bad token with
 * the same answer as an empty body, so no request is both harmless and conclusive. The suite's auth tests show a
 * token the server refuses.
 */
function userTokens(target: Target, manifest: FamilyManifest, list: string, now = Date.now()): CredentialProblem | undefined {
  const users = ((target.auth as Record<string, unknown>)[list] ?? []) as Array<{ token: string; email: string }>;
  const who = (email: string) => `the token of the ${manifest.title} user ${email}`;
  for (const { token, email } of users) {
    const parts = token.replace(/"/g, '').split('.');
    let claims: { sub?: unknown; exp?: unknown } | undefined;
    try {
      claims = parts.length === 3 ? (JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as typeof claims) : undefined;
    } catch {
      claims = undefined;
    }
    if (!claims || typeof claims !== 'object') return { code: 'CONFORM_ERR_CREDENTIALS', message: `${who(email)} is not a JWT (three base64url parts, a JSON payload)` };
    if (!Number.isInteger(claims.sub) && !(typeof claims.sub === 'string' && /^\d+$/.test(claims.sub))) return { code: 'CONFORM_ERR_CREDENTIALS', message: `${who(email)} has no integer "sub" claim (the user's id)` };
    if (typeof claims.exp === 'number' && claims.exp * 1000 < now + 60_000) return { code: 'CONFORM_ERR_CREDENTIALS', message: `${who(email)} expired${claims.exp * 1000 < now ? '' : ' within the next minute'} (exp ${new Date(claims.exp * 1000).toISOString()})` };
  }
  return undefined;
}

/** Tries the target's credentials the way its family's fixtures use them; undefined when they work. */
export async function checkCredentials(target: Target): Promise<CredentialProblem | undefined> {
  const manifest = findFamilyModule(target.api)?.manifest;
  const check = manifest?.credentialsCheck;
  if (!manifest || !check) return undefined;
  if (check.kind === 'user-tokens') return userTokens(target, manifest, check.list);
  // The suites create their fixtures over HTTP: without an HTTP endpoint there is no login to try here.
  if (!target.http) return undefined;
  return adminLogin(target, manifest, check);
}
