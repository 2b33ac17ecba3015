// conform/msw goes through the same exchange pipeline as `conform mock`: traffic recorded without secrets, injected
// faults answered in the family's own envelope, dropped connections seen by fetch as network errors.
// Runs with --experimental-websocket (npm run test:unit): Node 20 has no global WebSocket otherwise.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { createHandlers } from '../../mocks/msw/index.ts';

const recorded = createHandlers({ api: 'kuzzle', baseUrl: 'http://recorded.test:7512' });
const failing = createHandlers({ api: 'kuzzle', baseUrl: 'http://failing.test:7512', faults: { errorRate: 1 } });
const failingRest = createHandlers({ api: 'devicehive', baseUrl: 'http://failing-rest.test:8080', faults: { errorRate: 1 } });
const dropping = createHandlers({ api: 'userapi', baseUrl: 'http://dropping.test:8000', faults: { dropRate: 1 } });
const server = setupServer(...recorded, ...failing, ...failingRest, ...dropping);

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

const login = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-password' }) };

test('HTTP traffic through the MSW handlers is recorded, in and out, without the password or the token', async () => {
  const answer = await (await fetch('http://recorded.test:7512/_login/local', login)).json();
  assert.equal(typeof answer.result.jwt, 'string');
  const entries = recorded.traffic.list({ transport: 'http' });
  assert.deepEqual(entries.map((e) => [e.direction, e.summary, e.status]), [
    ['in', 'POST /_login/local', undefined],
    ['out', 'POST /_login/local', 200],
  ]);
  const text = JSON.stringify(entries);
  assert.ok(!text.includes('admin-password'), 'the password is redacted');
  assert.ok(!text.includes(answer.result.jwt), 'the token is redacted');
});

test('WebSocket messages through the MSW handler are recorded with their answers', async () => {
  const socket = new WebSocket('ws://recorded.test:7512');
  const answer = await new Promise<Record<string, any>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5000);
    socket.addEventListener('open', () => socket.send(JSON.stringify({ controller: 'server', action: 'now', requestId: 'n1' })));
    socket.addEventListener('message', (event) => {
      clearTimeout(timer);
      resolve(JSON.parse(String(event.data)));
    });
  });
  socket.close();
  assert.equal(answer.room, 'n1');
  const entries = recorded.traffic.list({ transport: 'ws' });
  assert.deepEqual(entries.map((e) => e.direction), ['in', 'out']);
  assert.equal(JSON.parse(entries[1]!.body!).requestId, 'n1');
});

test('an injected error is answered in the family’s own fault envelope under MSW, and recorded', async () => {
  const kuzzle = await fetch('http://failing.test:7512/_login/local', login);
  assert.equal(kuzzle.status, 503);
  const body = await kuzzle.json();
  assert.equal(body.error.id, 'api.process.overloaded');
  assert.equal(body.status, 503);
  assert.deepEqual(failing.traffic.list().map((e) => [e.direction, e.status]), [['in', undefined], ['out', 503]]);
  const rest = await fetch('http://failing-rest.test:8080/api/rest/info');
  assert.equal(rest.status, 500);
  assert.deepEqual(await rest.json(), { error: 500, message: 'Internal Server Error' });
});

test('a dropped connection under MSW is a network error for fetch, and nothing was answered', async () => {
  await assert.rejects(fetch('http://dropping.test:8000/api/login', login), TypeError);
  assert.deepEqual(dropping.traffic.list().map((e) => e.direction), ['in']);
});
