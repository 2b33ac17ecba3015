import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FamilyMock } from '../../src/core/family.ts';
import { deviations } from './deviations.ts';
import { adminToken, createClient, createTestMock, FakeBroker, mint, rest, userById, wsAs, wsSession } from './test-support.ts';

/** For each deviation: a scenario that answers true when the violation it names is observable. */
const VIOLATIONS: Record<string, (mock: FamilyMock) => Promise<boolean>> = {
  'devicehive.updateUser.route.put-user-id': async (m) => (await rest(m, 'PUT', `/user/${(await createClient(m)).id}`, { token: await adminToken(m), body: { data: {} } })).status === 404,
  'devicehive.updateCurrent.route.put-user-current': async (m) => (await rest(m, 'PUT', '/user/current', { token: (await createClient(m)).token, body: {} })).status === 404,
  'devicehive.updateCurrent.route.message-action': async (m) => (await (await wsAs(m, (await createClient(m)).token)).send({ action: 'user/updateCurrent', user: {} }))[0].error === 'Illegal argument: user/updateCurrent',
  'devicehive.updateUser.route.ws-action': async (m) => (await (await wsAs(m, await adminToken(m))).send({ action: 'user/update', userId: 1, user: {} }))[0].status === 'error',
  'devicehive.updateCurrent.transport.mqtt-request-topic': async (m) => (await mqttUpdate(m, 'a')).length === 0,
  'devicehive.updateCurrent.transport.mqtt-response-topic': async (m) => {
    const broker = await mqttAdmin(m, 'a');
    broker.subscribe('a', 'dh/response/user/updateCurrent');
    broker.subscribe('a', 'dh/response/user/updateCurrent@a');
    const answers = await broker.publish('a', 'dh/request', { action: 'user/updateCurrent', requestId: 1, user: {} });
    return answers.every((a) => a.topic !== 'dh/response/user/updateCurrent@a');
  },
  'devicehive.updateCurrent.transport.mqtt-response-only-owner': async (m) => {
    const broker = await mqttAdmin(m, 'a');
    await broker.connect('b', 'dhadmin', 'dhadmin_#911');
    broker.subscribe('b', 'dh/response/user/updateCurrent@a');
    broker.subscribe('a', 'dh/response/user/updateCurrent@a');
    await broker.publish('a', 'dh/request', { action: 'user/updateCurrent', user: {} });
    return broker.clients.get('b')!.received.length > 0;
  },
  'devicehive.updateCurrent.transport.mqtt-subscribe-requires-auth': async (m) => {
    const broker = new FakeBroker(m);
    await broker.connect('anon');
    return broker.subscribe('anon', 'dh/response/user/updateCurrent@anon') !== null;
  },
  'devicehive.updateCurrent.transport.mqtt-request-topic-forbidden': async (m) => (await mqttAdmin(m, 'a')).subscribe('a', 'dh/request') !== null,
  'devicehive.all.transport.ws-endpoint-info': async (m) => (await rest(m, 'GET', '/info')).body.webSocketServerUrl === undefined,
  'devicehive.all.envelope.http-empty-body': async (m) => (await rest(m, 'PUT', '/user/current', { token: (await createClient(m)).token, body: {} })).raw !== null,
  'devicehive.all.envelope.http-204': async (m) => (await rest(m, 'PUT', '/user/current', { token: (await createClient(m)).token, body: {} })).status === 200,
  'devicehive.all.envelope.http-error': async (m) => {
    const reply = await rest(m, 'PUT', '/user/current', { headers: { authorization: 'Bearer garbage' }, body: {} });
    return reply.status === 401 && reply.body.message === undefined && reply.body.error === 'Unauthorized';
  },
  'devicehive.updateCurrent.envelope.message-success': async (m) => (await wsUpdate(m, { requestId: 1, user: {} })).status === 'ok',
  'devicehive.updateCurrent.envelope.request-id-echo': async (m) => (await wsUpdate(m, { requestId: 42, user: {} })).requestId !== 42,
  'devicehive.updateCurrent.default.request-id-optional': async (m) => (await wsUpdate(m, { user: { data: { n: 1 } } })).status !== 'success',
  'devicehive.updateCurrent.envelope.message-error-status': async (m) => (await wsUpdate(m, { requestId: 'e1', user: { role: 0 } })).status !== 'error',
  'devicehive.updateCurrent.envelope.message-error-fields': async (m) => (await wsUpdate(m, { requestId: 'e1', user: { role: 0 } })).code === undefined,
  'devicehive.all.envelope.ws-malformed-json': async (m) => (await wsSession(m).raw('not json')).length === 0,
  'devicehive.all.auth.bearer-header': async (m) => (await rest(m, 'PUT', '/user/current', { headers: { authorization: (await createClient(m)).token }, body: {} })).status === 204,
  'devicehive.all.auth.jwt-required': async (m) => {
    await rest(m, 'PUT', '/user/current', { body: { data: { anonymous: true } } });
    return (await userById(m, 1)).data !== null;
  },
  'devicehive.all.auth.unauthorized-401': async (m) => (await rest(m, 'PUT', '/user/current', { body: {} })).status === 403,
  'devicehive.all.auth.invalid-token': async (m) => {
    const [h, p, s = ''] = (await createClient(m)).token.split('.');
    const flipped = `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
    return (await rest(m, 'PUT', '/user/current', { token: flipped, body: {} })).status === 204;
  },
  'devicehive.all.auth.inactive-user': async (m) => {
    const c = await createClient(m);
    await rest(m, 'PUT', `/user/${c.id}`, { token: await adminToken(m), body: { status: 1 } });
    return (await rest(m, 'PUT', '/user/current', { token: c.token, body: {} })).status === 204;
  },
  'devicehive.updateCurrent.auth.update-current-user-action': async (m) => {
    const c = await createClient(m);
    return (await rest(m, 'PUT', '/user/current', { token: await mint(m, c.id, ['GetCurrentUser']), body: { data: { x: 1 } } })).status === 204;
  },
  'devicehive.updateUser.auth.update-current-user-token': async (m) => {
    const c = await createClient(m);
    return (await rest(m, 'PUT', `/user/${c.id}`, { token: c.token, body: { data: { own: 1 } } })).status === 403;
  },
  'devicehive.all.auth.ws-authenticate': async (m) => (await (await wsAs(m, (await createClient(m)).token)).send({ action: 'user/updateCurrent', user: {} }))[0].code === 401,
  'devicehive.all.auth.ws-authenticate-errors': async (m) => (await wsSession(m).send({ action: 'authenticate', token: 'garbage' }))[0].code !== 401,
  'devicehive.updateCurrent.auth.mqtt-authenticate': async (m) => {
    const broker = new FakeBroker(m);
    await broker.connect('anon');
    await broker.publish('anon', 'dh/request', { action: 'authenticate', token: await adminToken(m) });
    return broker.subscribe('anon', 'dh/response/user/updateCurrent@anon') === null;
  },
  'devicehive.updateCurrent.auth.mqtt-connect-credentials': async (m) => (await mqttAdmin(m, 'a')).subscribe('a', 'dh/response/user/updateCurrent@a') === null,
  'devicehive.updateCurrent.auth.mqtt-connect-bad-credentials': async (m) => (await new FakeBroker(m).connect('x', 'dhadmin', 'wrongpass1')).ok,
  'devicehive.updateCurrent.role-restriction.client-password-data': async (m) => (await rest(m, 'PUT', '/user/current', { token: (await createClient(m)).token, body: { data: { k: 1 } } })).status === 403,
  'devicehive.updateCurrent.role-restriction.client-login-role-status': async (m) => {
    const c = await createClient(m);
    await rest(m, 'PUT', '/user/current', { token: c.token, body: { role: 0 } });
    return (await userById(m, c.id)).role === 0;
  },
  'devicehive.updateCurrent.role-restriction.client-rejected-403': async (m) => (await rest(m, 'PUT', '/user/current', { token: (await createClient(m)).token, body: { role: 0, data: {} } })).status !== 403,
  'devicehive.updateCurrent.role-restriction.client-introreviewed': async (m) => {
    const c = await createClient(m);
    await rest(m, 'PUT', '/user/current', { token: c.token, body: { introReviewed: true } });
    return (await userById(m, c.id)).introReviewed === true;
  },
  'devicehive.updateCurrent.role-restriction.admin-any-property': async (m) => (await rest(m, 'PUT', '/user/current', { token: await adminToken(m), body: { role: 0 } })).status === 403,
  'devicehive.updateUser.role-restriction.admin-any-property': async (m) => {
    const c = await createClient(m);
    await rest(m, 'PUT', `/user/${c.id}`, { token: await adminToken(m), body: { role: 0 } });
    return (await userById(m, c.id)).role !== 0;
  },
  'devicehive.updateUser.role-restriction.client-other-user': async (m) => {
    const [c, d] = [await createClient(m), await createClient(m)];
    await rest(m, 'PUT', `/user/${d.id}`, { token: await mint(m, c.id, ['ManageUser', 'UpdateCurrentUser']), body: { data: { evil: 1 } } });
    return (await userById(m, d.id)).data !== null;
  },
  'devicehive.updateCurrent.default.omitted-fields-unchanged': async (m) => {
    const c = await createClient(m, { data: { keep: 1 } });
    await rest(m, 'PUT', '/user/current', { token: c.token, body: { password: 'another123' } });
    return (await userById(m, c.id)).data === null;
  },
  'devicehive.updateCurrent.default.null-as-absent': async (m) => (await rest(m, 'PUT', '/user/current', { token: (await createClient(m)).token, body: { role: null, data: {} } })).status === 403,
  'devicehive.all.field-exclusion.id-not-updatable': async (m) => {
    const token = await adminToken(m);
    await rest(m, 'PUT', `/user/${(await createClient(m)).id}`, { token, body: { id: 777, lastLogin: '2001-01-01T00:00:00.000' } });
    return (await rest(m, 'GET', '/user/777', { token })).body.lastLogin === '2001-01-01T00:00:00.000';
  },
  'devicehive.updateCurrent.validation.user-required': async (m) => (await wsUpdate(m, { requestId: 'r3' })).status === 'success',
  'devicehive.all.validation.role-enum': async (m) => (await putAdmin(m, { role: 5 })).raw === '{"error":500,"message":"Index 5 out of bounds for length 2"}',
  'devicehive.all.validation.status-enum': async (m) => (await putAdmin(m, { status: 3 })).raw === '{"error":500,"message":"Index 3 out of bounds for length 3"}',
  'devicehive.updateCurrent.validation.types': async (m) => {
    const c = await createClient(m);
    await rest(m, 'PUT', '/user/current', { token: c.token, body: { data: 'text' } });
    return (await userById(m, c.id)).data === 'text';
  },
  'devicehive.updateCurrent.validation.types-400': async (m) => (await rest(m, 'PUT', '/user/current', { token: (await createClient(m)).token, body: '{"password":' })).status === 422,
  'devicehive.updateCurrent.validation.password-length': async (m) => (await rest(m, 'PUT', '/user/current', { token: (await createClient(m)).token, body: { password: '123' } })).status === 204,
  'devicehive.updateCurrent.validation.password-empty': async (m) => {
    const c = await createClient(m);
    await rest(m, 'PUT', '/user/current', { token: c.token, body: { password: '' } });
    return (await rest(m, 'POST', '/token', { body: { login: c.login, password: 'secret123' } })).status !== 201;
  },
  'devicehive.updateCurrent.validation.unknown-fields': async (m) => (await rest(m, 'PUT', '/user/current', { token: (await createClient(m)).token, body: { foo: 1, data: {} } })).status === 400,
  'devicehive.updateCurrent.validation.data-null': async (m) => {
    const c = await createClient(m, { data: { k: 'v' } });
    await rest(m, 'PUT', '/user/current', { token: c.token, body: { data: null } });
    return (await userById(m, c.id)).data !== null;
  },
  'devicehive.all.validation.login-unique': async (m) => {
    const [c, d] = [await createClient(m), await createClient(m)];
    return (await rest(m, 'PUT', `/user/${c.id}`, { token: await adminToken(m), body: { login: d.login } })).status === 204;
  },
  'devicehive.all.validation.login-empty': async (m) => (await putAdmin(m, { login: '' })).status === 204,
  'devicehive.all.validation.login-trimmed': async (m) => (await putAdmin(m, { login: '  spaced9  ' })).status === 400,
  'devicehive.updateUser.validation.id-integer': async (m) => {
    const c = await createClient(m);
    await rest(m, 'PUT', '/user/abc', { token: c.token, body: { data: { x: 1 } } });
    return (await userById(m, c.id)).data !== null;
  },
  'devicehive.updateUser.validation.user-not-found': async (m) => (await rest(m, 'PUT', '/user/999999', { token: await adminToken(m), body: {} })).status === 204,
};

async function putAdmin(m: FamilyMock, body: unknown) {
  return rest(m, 'PUT', `/user/${(await createClient(m)).id}`, { token: await adminToken(m), body });
}

async function wsUpdate(m: FamilyMock, message: Record<string, unknown>) {
  const ws = await wsAs(m, (await createClient(m)).token);
  return (await ws.send({ action: 'user/updateCurrent', ...message }))[0];
}

async function mqttAdmin(m: FamilyMock, clientId: string): Promise<FakeBroker> {
  const broker = new FakeBroker(m);
  await broker.connect(clientId, 'dhadmin', 'dhadmin_#911');
  return broker;
}

async function mqttUpdate(m: FamilyMock, clientId: string) {
  const broker = await mqttAdmin(m, clientId);
  broker.subscribe(clientId, `dh/response/user/updateCurrent@${clientId}`);
  return broker.publish(clientId, 'dh/request', { action: 'user/updateCurrent', requestId: 1, user: {} });
}

test('every deviation has a scenario, and every scenario names a deviation', () => {
  assert.deepEqual(Object.keys(VIOLATIONS).sort(), Object.keys(deviations).sort());
});

for (const [id, violated] of Object.entries(VIOLATIONS)) {
  test(`deviation ${id}: the violation shows only when switched on`, async () => {
    assert.equal(await violated(createTestMock().mock), false, 'the documented mock keeps the requirement');
    assert.equal(await violated(createTestMock([id]).mock), true, deviations[id]);
  });
}
