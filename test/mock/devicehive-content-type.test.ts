// DeviceHive over a real socket: a body sent with a blank `Content-Type:` header used to be dropped before the family
// saw it (fastify refuses the media type) and answered 204 with nothing stored. Jersey cannot parse a blank media
// type: 400 in DeviceHive's error body, nothing changes. A missing header still defaults to JSON (ContentTypeFilter).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let mock: RunningMock;
let base: string;
let token: string;

function request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path: `/api/rest${path}`, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

before(async () => {
  mock = await startTestMock(['devicehive']);
  base = url(mock, 'devicehive').replace(/\/api\/rest$/, '');
  const { admin } = (await mock.credentials()).devicehive as { admin: { login: string; password: string } };
  const login = await request('POST', '/token', { 'content-type': 'application/json' }, JSON.stringify({ login: admin.login, password: admin.password }));
  token = (JSON.parse(login.text) as { accessToken: string }).accessToken;
});
after(() => mock.stop());

const currentData = async () => JSON.parse((await request('GET', '/user/current', { authorization: `Bearer ${token}` })).text).data;

test('PUT /user/current with a blank Content-Type: 400 "HTTP 400 Bad Request", the body is not applied', async () => {
  const before = await currentData();
  const reply = await request('PUT', '/user/current', { 'content-type': '', authorization: `Bearer ${token}` }, '{"data":{"blank":1}}');
  assert.deepEqual([reply.status, JSON.parse(reply.text)], [400, { error: 400, message: 'HTTP 400 Bad Request' }]);
  assert.deepEqual(await currentData(), before);
});

// Found by test/mock/bad-input-property.test.ts: a Content-Type of parameters only (";;;") reached the family as a
// missing one, with its body dropped, and was answered 204 with nothing stored.
test('PUT /user/current with a Content-Type of parameters only: 400, the body is not applied', async () => {
  const before = await currentData();
  for (const type of [';', ';;;', ' ; charset=utf-8']) {
    const reply = await request('PUT', '/user/current', { 'content-type': type, authorization: `Bearer ${token}` }, '{"data":{"parameters":1}}');
    assert.deepEqual([reply.status, JSON.parse(reply.text)], [400, { error: 400, message: 'HTTP 400 Bad Request' }], type);
  }
  assert.deepEqual(await currentData(), before);
});

test('PUT /user/current without Content-Type: the body is JSON, 204 and stored', async () => {
  const reply = await request('PUT', '/user/current', { authorization: `Bearer ${token}` }, '{"data":{"missing":1}}');
  assert.equal(reply.status, 204);
  assert.deepEqual(await currentData(), { missing: 1 });
});
