import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestMock, url } from '../helpers/start-mock.ts';

const json = { 'content-type': 'application/json' };
const form = (fields: object) => `json=${encodeURIComponent(JSON.stringify(fields))}`;

async function post(target: string, body: string, headers: Record<string, string> = json): Promise<any> {
  const res = await fetch(target, { method: 'POST', headers, body });
  return res.json();
}

test('GET /__conform/traffic shows no seeded password and no issued token, on any family', async () => {
  const mock = await startTestMock(['kuzzle', 'devicehive', 'userapi']);
  try {
    const secrets: string[] = [];
    const credentials = await mock.credentials();
    const kuzzle = url(mock, 'kuzzle');
    const devicehive = url(mock, 'devicehive');
    const userapi = url(mock, 'userapi');
    const kPassword = (credentials.kuzzle as any).admin.password as string;
    const dPassword = (credentials.devicehive as any).admin.password as string;
    const uUsers = (credentials.userapi as any).users as Array<{ email: string; password: string; token: string }>;
    secrets.push(kPassword, dPassword, ...uUsers.flatMap((u) => [u.password, u.token]));

    const kLogin = await post(`${kuzzle}/_login/local`, JSON.stringify({ username: 'admin', password: kPassword }));
    const kToken = kLogin.result.jwt as string;
    secrets.push(kToken);
    await fetch(`${kuzzle}/_me?jwt=${encodeURIComponent(kToken)}`);
    await fetch(`${kuzzle}/_checkToken`, { method: 'POST', headers: json, body: JSON.stringify({ token: kToken }) });
    // A body longer than what the log keeps, with a password where the cut falls.
    await fetch(`${kuzzle}/_me`, { method: 'PUT', headers: { ...json, authorization: `Bearer ${kToken}` }, body: JSON.stringify({ padding: 'p'.repeat(4070), note: kPassword }) });

    // And a token cut by the log's limit between its segments: what is left of it must not show either.
    const cutAt = 4096 - JSON.stringify({ padding: '', note: '' }).length + 2 - 40;
    await fetch(`${kuzzle}/_me`, { method: 'PUT', headers: { ...json, authorization: `Bearer ${kToken}` }, body: JSON.stringify({ padding: 'q'.repeat(cutAt), note: kToken }) });

    const dTokens = await post(`${devicehive}/token`, JSON.stringify({ login: 'dhadmin', password: dPassword }));
    secrets.push(dTokens.accessToken, dTokens.refreshToken);
    await post(`${devicehive}/token/refresh`, JSON.stringify({ refreshToken: dTokens.refreshToken }));

    for (const u of uUsers) {
      const token = (await post(`${userapi}/api/login`, form({ email: u.email, password: u.password }), { 'content-type': 'application/x-www-form-urlencoded' })) as string;
      secrets.push(token);
      await fetch(`${userapi}/api/user/update`, { method: 'PUT', headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' }, body: form({ name: 'N', email: u.email, password: u.password }) });
    }

    const traffic = await (await fetch(`${kuzzle}/__conform/traffic`)).text();
    assert.ok(traffic.length > 1000, 'the traffic was recorded');
    for (const secret of secrets) {
      assert.ok(secret.length >= 8);
      // Any 12-character piece of a secret: a truncated token is still a leak.
      const pieces = secret.length <= 12 ? [secret] : Array.from({ length: secret.length - 11 }, (_, i) => secret.slice(i, i + 12));
      const leaked = pieces.find((piece) => traffic.includes(piece));
      assert.equal(leaked, undefined, `a secret of ${secret.length} characters appears in the traffic`);
    }
  } finally {
    await mock.stop();
  }
});
