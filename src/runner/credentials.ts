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

/** Kuzzle: the admin logs in with the local strategy, as the suite's fixtures do before every test. */
async function kuzzle(target: Target): Promise<CredentialProblem | undefined> {
  const { username, password } = target.auth.admin as { username: string; password: string };
  const url = join(target.http as string, '/_login/local');
  const answer = await postLogin(url, { username, password });
  if ('problem' in answer) return { code: 'CONFORM_ERR_UNREACHABLE', message: `POST ${url} (the login of the Kuzzle account "${username}"): ${answer.problem}` };
  if (answer.status === 200 && typeof answer.json?.result?.jwt === 'string') return undefined;
  const why = answer.json?.error?.message ?? answer.text;
  return { code: 'CONFORM_ERR_CREDENTIALS', message: `the Kuzzle account "${username}" cannot log in: POST ${url} answered ${answer.status}${why ? ` (${scrub(String(why), [password])})` : ''}` };
}

/** DeviceHive: POST /token {login, password} must give an access token, as the suite's admin fixture needs. */
async function devicehive(target: Target): Promise<CredentialProblem | undefined> {
  const { login, password } = target.auth.admin as { login: string; password: string };
  const url = join(target.http as string, '/token');
  const answer = await postLogin(url, { login, password });
  if ('problem' in answer) return { code: 'CONFORM_ERR_UNREACHABLE', message: `POST ${url} (the login of the DeviceHive account "${login}"): ${answer.problem}` };
  if ((answer.status === 201 || answer.status === 200) && typeof answer.json?.accessToken === 'string') return undefined;
  const why = answer.json?.message ?? answer.json?.error ?? answer.text;
  return { code: 'CONFORM_ERR_CREDENTIALS', message: `the DeviceHive account "${login}" cannot log in: POST ${url} answered ${answer.status}${why ? ` (${scrub(String(why), [password])})` : ''}` };
}

/**
 * userapi: the target gives tokens, not a password. Each must be a JWT whose payload has an integer `sub` (the
 * suite reads the user's id from it) and, when it has `exp`, must not expire within the next minute. Whether the
 * server accepts it is not asked: the document's only authenticated request is PUT /api/user/update, which writes,
 * and its rejection (400 "not identified") is the same answer as an empty body's, so no request is both harmless and
 * conclusive. The auth tests show a token the server refuses.
 */
function userapi(target: Target, now = Date.now()): CredentialProblem | undefined {
  const users = (target.auth.users ?? []) as Array<{ token: string; email: string }>;
  for (const { token, email } of users) {
    const parts = token.replace(/"/g, '').split('.');
    let claims: { sub?: unknown; exp?: unknown } | undefined;
    try {
      claims = parts.length === 3 ? (JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as typeof claims) : undefined;
    } catch {
      claims = undefined;
    }
    if (!claims || typeof claims !== 'object') return { code: 'CONFORM_ERR_CREDENTIALS', message: `the token of the userapi user ${email} is not a JWT (three base64url parts, a JSON payload)` };
    if (!Number.isInteger(claims.sub) && !(typeof claims.sub === 'string' && /^\d+$/.test(claims.sub))) return { code: 'CONFORM_ERR_CREDENTIALS', message: `the token of the userapi user ${email} has no integer "sub" claim (the user's id)` };
    if (typeof claims.exp === 'number' && claims.exp * 1000 < now + 60_000) return { code: 'CONFORM_ERR_CREDENTIALS', message: `the token of the userapi user ${email} expired${claims.exp * 1000 < now ? '' : ' within the next minute'} (exp ${new Date(claims.exp * 1000).toISOString()})` };
  }
  return undefined;
}

/** Tries the target's credentials the way its family's fixtures use them; undefined when they work. */
export async function checkCredentials(target: Target): Promise<CredentialProblem | undefined> {
  if (target.api === 'userapi') return userapi(target);
  // Both suites create their fixtures over HTTP: without an HTTP endpoint there is no login to try here.
  if (!target.http) return undefined;
  return target.api === 'kuzzle' ? kuzzle(target) : devicehive(target);
}
