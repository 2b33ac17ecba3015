// One scripted scenario per family, run through msw/node and through the standalone mock over a real socket: the
// same responses, once generated ids, tokens and timestamps are set aside.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { createHandlers } from '../../mocks/msw/index.ts';
import { startTestMock, TEST_SECRET, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import type { Family } from '../../src/specs/families.ts';

type Step = { method: string; path: string; headers?: Record<string, string>; body?: string; tokenFrom?: (json: any) => string };
type Answer = { status: number; contentType: string | null; body: unknown };

const GENERATED = /^(requestId|jwt|accessToken|refreshToken|_kuzzle_info|createdAt|updatedAt|expiresAt|iat|exp|lastLogin|created_at|updated_at|now)$/;
/** Values a server generates (ids, tokens, clocks) differ between two runs by nature; everything else must not. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, GENERATED.test(k) ? '<generated>' : normalize(v)]));
  if (typeof value === 'string' && /^(kauth-)?eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(value)) return '<token>';
  return value;
}

/** Runs the steps against a base URL; a step's tokenFrom turns its answer into the token of the next steps. */
async function play(base: string, steps: Step[]): Promise<Answer[]> {
  let token = '';
  const answers: Answer[] = [];
  for (const step of steps) {
    const headers = Object.fromEntries(Object.entries(step.headers ?? {}).map(([k, v]) => [k, v.replace('$TOKEN', token)]));
    const res = await fetch(`${base}${step.path}`, { method: step.method, headers, body: step.body });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (step.tokenFrom) token = step.tokenFrom(json);
    answers.push({ status: res.status, contentType: res.headers.get('content-type'), body: normalize(json) });
  }
  return answers;
}

const J = { 'content-type': 'application/json' };
const SCENARIOS: Record<Family, Step[]> = {
  kuzzle: [
    { method: 'POST', path: '/_login/local', headers: J, body: JSON.stringify({ username: 'admin', password: 'admin-password' }), tokenFrom: (j) => j.result.jwt },
    { method: 'PUT', path: '/_me', headers: { ...J, authorization: 'Bearer $TOKEN' }, body: JSON.stringify({ fullname: 'Walter Smith' }) },
    { method: 'PUT', path: '/_updateSelf', headers: { ...J, authorization: 'Bearer $TOKEN' }, body: JSON.stringify({ profileIds: ['admin'] }) },
    { method: 'GET', path: '/_me', headers: { authorization: 'Bearer $TOKEN' } },
    { method: 'POST', path: '/profiles/equivalence/_create', headers: { ...J, authorization: 'Bearer $TOKEN' }, body: JSON.stringify({ policies: [{ roleId: 'default' }] }) },
    { method: 'PUT', path: '/profiles/equivalence/_update', headers: { ...J, authorization: 'Bearer $TOKEN' }, body: JSON.stringify({ rateLimit: 5 }) },
    { method: 'PUT', path: '/_me', headers: J, body: '{"fullname":' },
  ],
  devicehive: [
    { method: 'POST', path: '/api/rest/token', headers: J, body: JSON.stringify({ login: 'dhadmin', password: 'dhadmin_#911' }), tokenFrom: (j) => j.accessToken },
    { method: 'PUT', path: '/api/rest/user/current', headers: { ...J, authorization: 'Bearer $TOKEN' }, body: JSON.stringify({ data: { a: 1 } }) },
    { method: 'GET', path: '/api/rest/user/current', headers: { authorization: 'Bearer $TOKEN' } },
    { method: 'PUT', path: '/api/rest/user/current', headers: { ...J, authorization: 'Bearer $TOKEN' }, body: JSON.stringify({ password: '123' }) },
    { method: 'PUT', path: '/api/rest/user/999999', headers: { ...J, authorization: 'Bearer $TOKEN' }, body: '{}' },
    { method: 'PUT', path: '/api/rest/user/current', headers: J, body: '{}' },
  ],
  userapi: [
    { method: 'POST', path: '/api/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(JSON.stringify({ email: 'alice@example.com', password: 'alice-password' }))}`, tokenFrom: (j) => j },
    { method: 'PUT', path: '/api/user/update', headers: { authorization: '$TOKEN', 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(JSON.stringify({ name: 'John', surname: 'Doe', email: 'john@example.com' }))}` },
    { method: 'PUT', path: '/api/user/update', headers: { authorization: '$TOKEN', 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(JSON.stringify({ name: 'J0hn', surname: 'Doe', email: 'bob@example.com' }))}` },
    { method: 'GET', path: '/api/user/detail/1' },
    { method: 'PUT', path: '/api/user/update', body: 'json=%7B%7D' },
  ],
};

const MSW_BASE: Record<Family, string> = { kuzzle: 'http://kuzzle.msw', devicehive: 'http://dh.msw', userapi: 'http://users.msw' };
let real: RunningMock;
const server = setupServer(...(['kuzzle', 'devicehive', 'userapi'] as const).flatMap((api) => createHandlers({ api, baseUrl: MSW_BASE[api], jwtSecret: TEST_SECRET })));

before(async () => {
  real = await startTestMock(['kuzzle', 'devicehive', 'userapi']);
  server.listen({ onUnhandledRequest: 'bypass' });
});
after(async () => {
  server.close();
  await real.stop();
});

for (const family of ['kuzzle', 'devicehive', 'userapi'] as const) {
  test(`${family}: the same scenario gives the same answers through msw/node and through conform mock`, async () => {
    const realBase = url(real, family).replace(/\/api\/rest$/, '');
    const viaServer = await play(realBase, SCENARIOS[family]);
    const viaMsw = await play(MSW_BASE[family], SCENARIOS[family]);
    assert.deepEqual(viaMsw, viaServer);
    assert.ok(viaServer.some((a) => a.status >= 400) && viaServer.some((a) => a.status < 300), 'the scenario has successes and errors');
  });
}
