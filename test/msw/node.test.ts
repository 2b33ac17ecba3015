// conform/msw under msw/node: the mock's own behaviour answers fetch and WebSocket inside the test process.
// Runs with --experimental-websocket (npm run test:unit): Node 20 has no global WebSocket otherwise.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { createHandlers } from '../../mocks/msw/index.ts';

const kuzzle = createHandlers({ api: 'kuzzle', baseUrl: 'http://kuzzle.test:7512' });
const devicehive = createHandlers({ api: 'devicehive', baseUrl: 'http://dh.test:8080' });
const userapi = createHandlers({ api: 'userapi', baseUrl: 'http://users.test:8000' });
const server = setupServer(...kuzzle, ...devicehive, ...userapi);

before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  kuzzle.reset();
  devicehive.reset();
  userapi.reset();
});
after(() => server.close());

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function wsRequest(url: string, messages: object[]): Promise<Array<Record<string, any>>> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const answers: Array<Record<string, any>> = [];
    const timer = setTimeout(() => reject(new Error(`no answer from ${url} within 5 s`)), 5000);
    socket.addEventListener('open', () => socket.send(JSON.stringify(messages[0])));
    socket.addEventListener('message', (event) => {
      answers.push(JSON.parse(String(event.data)));
      if (answers.length === messages.length) {
        clearTimeout(timer);
        socket.close();
        resolve(answers);
      } else socket.send(JSON.stringify(messages[answers.length]));
    });
    socket.addEventListener('error', () => reject(new Error(`WebSocket ${url} failed`)));
  });
}

test('kuzzle over fetch: login, updateSelf, getCurrentUser; a forbidden profileIds gets Kuzzle’s error', async () => {
  const login = await (await fetch('http://kuzzle.test:7512/_login/local', json({ username: 'admin', password: 'admin-password' }))).json();
  const auth = { authorization: `Bearer ${login.result.jwt}`, 'content-type': 'application/json' };
  const updated = await fetch('http://kuzzle.test:7512/_me', { method: 'PUT', headers: auth, body: JSON.stringify({ fullname: 'Walter Smith' }) });
  assert.equal(updated.status, 200);
  assert.equal((await updated.json()).result._source.fullname, 'Walter Smith');
  const me = await (await fetch('http://kuzzle.test:7512/_me', { headers: auth })).json();
  assert.equal(me.result._source.fullname, 'Walter Smith');
  const forbidden = await fetch('http://kuzzle.test:7512/_me', { method: 'PUT', headers: auth, body: JSON.stringify({ profileIds: ['admin'] }) });
  assert.equal(forbidden.status, 400);
  assert.equal((await forbidden.json()).error.id, 'api.assert.forbidden_argument');
});

test('kuzzle over WebSocket: login and updateSelf answered with room; a request without a token is refused', async () => {
  const [login] = await wsRequest('ws://kuzzle.test:7512', [{ controller: 'auth', action: 'login', strategy: 'local', requestId: 'l1', body: { username: 'admin', password: 'admin-password' } }]);
  assert.equal(login?.room, 'l1');
  const [updated, anonymous] = await wsRequest('ws://kuzzle.test:7512', [
    { controller: 'auth', action: 'updateSelf', requestId: 'u1', jwt: login?.result.jwt, body: { fullname: 'Over WS' } },
    { controller: 'auth', action: 'updateSelf', requestId: 'u2', body: { fullname: 'Nobody' } },
  ]);
  assert.equal(updated?.result._source.fullname, 'Over WS');
  assert.equal(anonymous?.status, 401);
  assert.equal(anonymous?.error.id, 'security.rights.unauthorized');
});

test('devicehive over fetch and WebSocket: PUT /user/current then user/getCurrent; a client cannot change its role', async () => {
  const tokens = await (await fetch('http://dh.test:8080/api/rest/token', json({ login: 'dhadmin', password: 'dhadmin_#911' }))).json();
  const put = await fetch('http://dh.test:8080/api/rest/user/current', { method: 'PUT', headers: { authorization: `Bearer ${tokens.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ data: { theme: 'dark' } }) });
  assert.equal(put.status, 204);
  const answers = await wsRequest('ws://dh.test:8080/api/websocket', [
    { action: 'authenticate', requestId: 'a', token: tokens.accessToken },
    { action: 'user/getCurrent', requestId: 'g' },
  ]);
  assert.deepEqual(answers[1]?.current.data, { theme: 'dark' });
  const admin = { authorization: `Bearer ${tokens.accessToken}`, 'content-type': 'application/json' };
  const created = await (await fetch('http://dh.test:8080/api/rest/user', { method: 'POST', headers: admin, body: JSON.stringify({ login: 'client-one', password: 'client-pass-1', role: 1 }) })).json();
  assert.ok(created.id);
  const client = await (await fetch('http://dh.test:8080/api/rest/token', json({ login: 'client-one', password: 'client-pass-1' }))).json();
  const escalate = await fetch('http://dh.test:8080/api/rest/user/current', { method: 'PUT', headers: { authorization: `Bearer ${client.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ role: 0 }) });
  assert.equal(escalate.status, 403);
  assert.deepEqual(await escalate.json(), { error: 403, message: 'Admin permissions required for this action' });
});

test('userapi over fetch: the documented form update, then a duplicate email refused', async () => {
  const token = await (await fetch('http://users.test:8000/api/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(JSON.stringify({ email: 'alice@example.com', password: 'alice-password' }))}` })).json();
  const update = (fields: object) => fetch('http://users.test:8000/api/user/update', { method: 'PUT', headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(JSON.stringify(fields))}` });
  const ok = await update({ name: 'John', surname: 'Doe', email: 'john@example.com', description: 'Senior developer' });
  assert.equal(ok.status, 200);
  assert.deepEqual((await ok.json()).changes, { name: 'John', surname: 'Doe', email: 'john@example.com', description: 'Senior developer' });
  const duplicate = await update({ name: 'John', surname: 'Doe', email: 'bob@example.com' });
  assert.equal(duplicate.status, 400);
  assert.match((await duplicate.json()).message, /already been taken/);
});

test('handlers of a profile or with a deviation behave like the standalone mock does', async () => {
  const laravel = createHandlers({ api: 'userapi', baseUrl: 'http://laravel.test', profile: 'userapi-laravel' });
  server.use(...laravel);
  const token = await (await fetch('http://laravel.test/api/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(JSON.stringify({ email: 'alice@example.com', password: 'alice-password' }))}` })).json();
  const bearer = await fetch('http://laravel.test/api/user/update', { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'json=%7B%7D' });
  assert.equal(bearer.status, 400, 'the reference code does not accept the Bearer scheme');
  assert.throws(() => createHandlers({ api: 'userapi', deviate: ['userapi.nothing'] }), /unknown deviation userapi\.nothing/);
});
