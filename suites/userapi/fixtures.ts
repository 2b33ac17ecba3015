import { checksFor, httpCall, test as base, uniqueName, type BaseFixtures, type HttpAnswer, type Transcript } from '../harness.ts';
import { schemaProblem } from '../clients/schema.ts';

export interface Account {
  token: string;
  email: string;
  id: number;
  /** name, surname, email, description as they were before the test: restored afterwards. */
  original: Record<string, unknown>;
}

export interface UpdateOptions {
  /** Authorization header value; default the account's raw token. */
  authorization?: string | null;
  /** 'form' (the documented json=<JSON> field), 'json' ({"json": "<JSON>"}), 'raw' (body as given). */
  as?: 'form' | 'json' | 'raw';
  contentType?: string;
  query?: string;
}

export interface UserApi {
  a: Account;
  b: Account;
  update(account: Account, fields: unknown, options?: UpdateOptions): Promise<HttpAnswer>;
  detail(id: number): Promise<Record<string, any>>;
  /** Valid fields for an account: letters-only names, its own email. */
  valid(account: Account, extra?: Record<string, unknown>): Record<string, unknown>;
  freshEmail(): string;
  /** Asserts that a body is the documented response envelope (schemas/userapi/update.response.json). */
  envelopeProblem(body: unknown): string | undefined;
}

const letters = (s: string) => s.replace(/[^A-Za-z]/g, '').toLowerCase().replace(/^./, (c) => c.toUpperCase());

async function call(transcript: Transcript, base: string, account: Account, fields: unknown, options: UpdateOptions = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = {};
  const authorization = options.authorization === undefined ? account.token : options.authorization;
  if (authorization !== null) headers.authorization = authorization;
  let body: string;
  if (options.as === 'raw') body = String(fields);
  else if (options.as === 'json') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({ json: JSON.stringify(fields) });
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = `json=${encodeURIComponent(JSON.stringify(fields))}`;
  }
  if (options.contentType) headers['content-type'] = options.contentType;
  return httpCall(transcript, base, 'PUT', `/api/user/update${options.query ?? ''}`, { headers, body });
}

/** The two users of the target, each with its id (from a first, no-op update) and its state, restored at the end. */
export const test = base.extend<BaseFixtures & { api: UserApi }>({
  api: async ({ target, transcript }, use) => {
    const base = target.http as string;
    const users = (target.auth as { users: Array<{ token: string; email: string }> }).users;
    const detail = async (id: number) => (await httpCall(transcript, base, 'GET', `/api/user/detail/${id}`)).json?.user ?? {};
    const account = async (u: { token: string; email: string }): Promise<Account> => {
      const probe: Account = { ...u, id: 0, original: {} };
      // The token says whose it is: its claims (sub), as every answer's user echoes them.
      const [, payload] = u.token.replace(/"/g, '').split('.');
      let claims: { sub?: unknown };
      try {
        claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { sub?: unknown };
      } catch {
        throw new Error(`the target's token for ${u.email} is not a JWT ("sub integer User’s ID from the JWT token")`);
      }
      probe.id = Number(claims.sub);
      if (!Number.isInteger(probe.id)) throw new Error(`the target's token for ${u.email} has no integer sub claim`);
      const row = await detail(probe.id);
      probe.original = { name: row.name, surname: row.surname, email: row.email ?? u.email, description: row.description };
      return probe;
    };
    const a = await account(users[0] as { token: string; email: string });
    const b = await account(users[1] as { token: string; email: string });
    const api: UserApi = {
      a,
      b,
      update: (acc, fields, options) => call(transcript, base, acc, fields, options),
      detail,
      valid: (acc, extra = {}) => ({ name: letters(String(acc.original.name ?? 'Conform')) || 'Conform', surname: letters(String(acc.original.surname ?? 'Suite')) || 'Suite', email: acc.original.email, ...extra }),
      freshEmail: () => `${uniqueName('conform')}@example.com`,
      envelopeProblem: (body) => schemaProblem('userapi/update.response.json', body),
    };
    await use(api);
    // Leave the target as it was found.
    for (const acc of [a, b]) {
      const restore = Object.fromEntries(Object.entries(acc.original).filter(([, v]) => v !== undefined && v !== null));
      await call(transcript, base, acc, restore);
    }
  },
});

/** Declares the tests of userapi requirements (HTTP only): see suites/harness.ts. */
export const check = checksFor<BaseFixtures & { api: UserApi }>(test, 'userapi');
