// Methods fastify does not route by default (PROPFIND, SEARCH, PURGE…) reach the family over a real socket and get
// its real server's answer, never fastify's 404: Kuzzle's router refuses the verb (kuzzle.md §2.2, index.js:198-228),
// Jersey answers 405 on a known resource (devicehive.md), Laravel its MethodNotAllowedHttpException.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let mock: RunningMock;

before(async () => {
  mock = await startTestMock(['kuzzle', 'devicehive', 'userapi']);
});
after(() => mock.stop());

/** One request through node:http, which sends any method Node's parser knows as is. */
function request(base: string, method: string, path: string, body?: string): Promise<{ status: number; json: any }> {
  const { hostname, port } = new URL(base);
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const METHODS = ['PROPFIND', 'SEARCH', 'PURGE'];

for (const method of METHODS) {
  test(`Kuzzle: ${method} answers 400 network.http.unsupported_verb in the envelope`, async () => {
    for (const body of [undefined, '{"x":1}']) {
      const reply = await request(url(mock, 'kuzzle'), method, '/_me', body);
      assert.equal(reply.status, 400);
      assert.deepEqual(
        { id: reply.json.error.id, code: reply.json.error.code, message: reply.json.error.message, status: reply.json.status },
        { id: 'network.http.unsupported_verb', code: 50397190, message: `Unsupported HTTP verb "${method}".`, status: 400 },
      );
    }
  });

  test(`DeviceHive: ${method} on a known resource answers Jersey's 405 in DeviceHive's error body`, async () => {
    const reply = await request(url(mock, 'devicehive'), method, '/api/rest/user/current', '{"data":{}}');
    assert.deepEqual([reply.status, reply.json], [405, { error: 405, message: 'HTTP 405 Method Not Allowed' }]);
  });

  test(`userapi: ${method} on the update route answers Laravel's 405 in the userapi envelope`, async () => {
    const reply = await request(url(mock, 'userapi'), method, '/api/user/update');
    assert.equal(reply.status, 405);
    assert.deepEqual([reply.json.code, reply.json.status], [405, 'error']);
    assert.match(reply.json.message, new RegExp(`^The ${method} method is not supported for route api/user/update\\.`));
  });
}

test('the usual methods keep their routes', async () => {
  assert.equal((await request(url(mock, 'kuzzle'), 'GET', '/_me')).json.controller, 'auth');
  assert.equal((await request(url(mock, 'devicehive'), 'GET', '/api/rest/info')).status, 200);
});
