import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parse } from 'yaml';
import { deviations } from './deviations.ts';
import { notDeviable } from './index.ts';
import { adminToken, createClient, createTestMock, mint, rest, userById, wsAs } from './test-support.ts';

const root = new URL('../../', import.meta.url);
const catalogue = parse(fs.readFileSync(new URL('specs/catalogue/devicehive.yaml', root), 'utf8')) as { requirements: Array<{ id: string; level: string }> };
const profile = parse(fs.readFileSync(new URL('specs/profiles/devicehive-4.yaml', root), 'utf8')) as { deviations: Array<{ requirement: string }> };
const PROFILE_IDS = profile.deviations.map((d) => d.requirement);

test('every MUST requirement is either deviable or explained in notDeviable, never both', () => {
  for (const r of catalogue.requirements.filter((q) => q.level === 'MUST')) {
    assert.equal(Object.hasOwn(deviations, r.id) !== Object.hasOwn(notDeviable, r.id), true, r.id);
  }
});

test('every deviation names a requirement of the catalogue, and the devicehive-4 profile is fully implemented', () => {
  const ids = new Set(catalogue.requirements.map((r) => r.id));
  for (const id of [...Object.keys(deviations), ...Object.keys(notDeviable)]) assert.ok(ids.has(id), id);
  for (const id of PROFILE_IDS) assert.ok(Object.hasOwn(deviations, id), id);
});

test('the devicehive-4 profile behaves like the reference server', async () => {
  const { mock, clock } = createTestMock(PROFILE_IDS, { profile: 'devicehive-4' });
  const admin = await adminToken(mock);
  const c = await createClient(mock, { data: { keep: 1 } });
  const d = await createClient(mock);
  assert.deepEqual((await rest(mock, 'PUT', `/user/${c.id}`, { token: c.token, body: { data: { own: 1 } } })).body, { error: 403, message: 'Access is denied' });
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token, body: { introReviewed: true } })).status, 204);
  const afterIntro = await userById(mock, c.id);
  assert.deepEqual([afterIntro.introReviewed, afterIntro.data], [true, null], 'introReviewed is stored and the omitted data cleared');
  assert.deepEqual((await rest(mock, 'PUT', `/user/${c.id}`, { token: admin, body: { role: 5 } })).body, { error: 500, message: 'Index 5 out of bounds for length 2' });
  assert.deepEqual((await rest(mock, 'PUT', `/user/${c.id}`, { token: admin, body: { status: -1 } })).body, { error: 500, message: 'Index -1 out of bounds for length 3' });
  assert.equal((await userById(mock, c.id)).role, 1);
  const manager = await mint(mock, c.id, ['ManageUser']);
  assert.equal((await rest(mock, 'PUT', `/user/${d.id}`, { token: manager, body: { data: { evil: 1 }, password: 'taken123' } })).status, 204);
  assert.deepEqual((await rest(mock, 'PUT', `/user/${d.id}`, { token: manager, body: { role: 0 } })).body.message, 'Admin permissions required for this action');
  const spring = await rest(mock, 'PUT', '/user/current', { headers: { authorization: 'Bearer garbage' }, body: {} });
  assert.deepEqual(spring.body, { timestamp: new Date(clock.now).toISOString().replace('Z', '+00:00'), status: 401, error: 'Unauthorized', path: '/api/rest/user/current' });
  assert.deepEqual((await rest(mock, 'PUT', '/user/current', { body: {} })).body, { error: 401, message: 'Unauthorized' }, 'a missing header keeps the DeviceHive body');
  const ws = await wsAs(mock, c.token);
  await rest(mock, 'PUT', '/user/current', { token: c.token, body: { data: { again: 1 } } });
  assert.equal((await ws.send({ action: 'user/updateCurrent', requestId: 1, user: {} }))[0].status, 'success');
  assert.equal((await userById(mock, c.id)).data, null, 'user {} clears the data over the WebSocket too');
});
