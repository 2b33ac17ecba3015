import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TrafficLog } from './traffic.ts';

test('the traffic log keeps the last entries only, oldest first, and filters', () => {
  const log = new TrafficLog(3);
  for (let i = 1; i <= 5; i++) log.record({ family: i % 2 ? 'family-a' : 'family-b', transport: 'http', direction: 'in', summary: `r${i}` });
  assert.deepEqual(log.list().map((e) => e.summary), ['r3', 'r4', 'r5']);
  assert.deepEqual(log.list({ family: 'family-a' }).map((e) => e.summary), ['r3', 'r5']);
  log.clear();
  assert.deepEqual(log.list(), []);
});

test('bodies are decoded when listed, and long ones are cut with their length', () => {
  const log = new TrafficLog();
  log.record({ family: 'family-a', transport: 'http', direction: 'in', summary: 'x', body: new TextEncoder().encode('{"a":1}') });
  log.record({ family: 'family-a', transport: 'http', direction: 'out', summary: 'y', status: 200, body: 'z'.repeat(5000) });
  const [a, b] = log.list();
  assert.equal(a?.body, '{"a":1}');
  assert.match(b?.body ?? '', /… \(5000 characters\)$/);
  assert.equal(b?.status, 200);
});

test('listed entries hold no password or token: secret fields, JWTs and query-string tokens are redacted', () => {
  const log = new TrafficLog();
  const jwt = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"sub":1}').toString('base64url')}.c2ln`;
  log.record({ family: 'family-a', transport: 'http', direction: 'in', summary: 'POST /_login/local?jwt=abcd1234', body: '{"username":"admin","password":"admin-password"}' });
  log.record({ family: 'family-a', transport: 'http', direction: 'out', summary: 'POST /_login/local', status: 200, body: `{"result":{"jwt":"${jwt}","note":"token ${jwt}"}}` });
  const listed = JSON.stringify(log.list());
  for (const leak of ['admin-password', 'abcd1234', jwt]) assert.ok(!listed.includes(leak), leak);
  assert.match(listed, /"username\\":\\"admin/);
  assert.equal(log.list()[0]?.summary, 'POST /_login/local?jwt=[redacted]');
});
