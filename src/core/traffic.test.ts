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
  log.record({ family: 'family-a', transport: 'http', direction: 'out', summary: 'y', status: 200, body: 'z '.repeat(2500) });
  const [a, b] = log.list();
  assert.equal(a?.body, '{"a":1}');
  assert.equal(a?.truncated, undefined);
  assert.match(b?.body ?? '', /… \(5000 bytes\)$/);
  assert.deepEqual(b?.truncated, { bytes: 5000 });
  assert.equal(b?.status, 200);
});

test('a long body keeps its first 4 KiB in UTF-8 bytes, never half a character, with its original byte length', () => {
  const log = new TrafficLog();
  const body = 'é'.repeat(3000); // 6,000 bytes: the cut at 4,096 falls on a character boundary only by luck, so check it.
  log.record({ family: 'family-a', transport: 'ws', direction: 'in', summary: 'c1', body });
  log.record({ family: 'family-a', transport: 'ws', direction: 'in', summary: 'c1', body: 'a' + 'é'.repeat(3000) });
  const [a, b] = log.list();
  assert.deepEqual(a?.truncated, { bytes: 6000 });
  assert.equal(a?.body, `${'é'.repeat(2048)}… (6000 bytes)`);
  assert.deepEqual(b?.truncated, { bytes: 6001 });
  assert.equal(b?.body, `a${'é'.repeat(2047)}… (6001 bytes)`);
  assert.ok(!b?.body?.includes('\uFFFD'));
});

test('the log is bounded in bytes: bodies of 1 MB keep 4 KiB each, and the overall budget evicts oldest first', () => {
  const log = new TrafficLog();
  const mb = new TextEncoder().encode('word '.repeat(1024 * 1024 / 4).slice(0, 1024 * 1024));
  for (let i = 0; i < 40; i++) log.record({ family: 'family-a', transport: 'http', direction: 'in', summary: `r${i}`, body: mb });
  assert.equal(log.list().length, 40);
  // Each kept body is 4 KiB of text (counted as UTF-16, 8 KiB) plus the entry: far from 40 MB.
  assert.ok(log.bytes < 40 * 10 * 1024, `${log.bytes} bytes counted`);
  for (const e of log.list()) {
    assert.deepEqual(e.truncated, { bytes: 1024 * 1024 });
    assert.ok((e.body?.length ?? 0) > 4000 && (e.body?.length ?? 0) < 4200);
  }

  const small = new TrafficLog({ entries: 1000, bytes: 20 * 1024 });
  for (let i = 0; i < 50; i++) small.record({ family: 'family-a', transport: 'mqtt', direction: 'in', summary: `t${i}`, body: 'x '.repeat(50_000) });
  const kept = small.list().map((e) => e.summary);
  assert.ok(small.bytes <= 20 * 1024, `${small.bytes} bytes counted`);
  assert.ok(kept.length >= 2 && kept.length < 50);
  assert.deepEqual(kept, Array.from({ length: kept.length }, (_, i) => `t${50 - kept.length + i}`));
  small.clear();
  assert.equal(small.bytes, 0);
});

test('the entry count still bounds the log, and a long summary (an MQTT topic) is cut too', () => {
  const log = new TrafficLog();
  for (let i = 0; i < 1500; i++) log.record({ family: 'family-a', transport: 'http', direction: 'in', summary: `r${i}` });
  const listed = log.list();
  assert.equal(listed.length, 1000);
  assert.equal(listed[0]?.summary, 'r500');
  log.record({ family: 'family-a', transport: 'mqtt', direction: 'in', summary: 't/'.repeat(30_000) });
  assert.ok((log.list().at(-1)?.summary.length ?? 0) <= 4100);
});

test('a long body is redacted before it is cut: a secret where the cut falls leaves no piece behind', () => {
  const log = new TrafficLog();
  log.addSecrets({ admin: { password: 'correct horse battery staple' } });
  const jwt = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"sub":"someone-with-a-long-id"}').toString('base64url')}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;
  for (let shift = 0; shift < 60; shift += 7) {
    const pad = 4096 - '{"padding":"","note":"'.length - shift;
    log.record({ family: 'family-a', transport: 'http', direction: 'in', summary: 'PUT /_me', body: JSON.stringify({ padding: 'p'.repeat(pad), note: 'correct horse battery staple' }) });
    log.record({ family: 'family-a', transport: 'http', direction: 'in', summary: 'PUT /_me', body: JSON.stringify({ padding: 'q'.repeat(pad), password: 'hunter two hunter', jwt }) });
    log.record({ family: 'family-a', transport: 'ws', direction: 'in', summary: 'c', body: `${'r'.repeat(pad)} Bearer ${jwt} and more` });
  }
  const listed = JSON.stringify(log.list());
  for (const secret of ['correct horse battery staple', 'hunter two hunter', jwt]) {
    for (let i = 0; i + 8 <= secret.length; i++) assert.ok(!listed.includes(secret.slice(i, i + 8)), `a piece of a secret at ${i}`);
  }
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
