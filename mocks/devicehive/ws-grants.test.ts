// The user's network and device-type actions over WebSocket, on a mock that has no networks or device types: the
// checks run in the reference's order, and allow/disallowAllDeviceTypes changes the user and its next login token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adminToken, createClient, createTestMock, login, mint, userById, wsAs } from './test-support.ts';

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).payload;

test('allow/disallowAllDeviceTypes switch allDeviceTypesAvailable, which user/get shows and the next login token carries', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const admin = await wsAs(mock, await adminToken(mock));
  assert.equal(JSON.stringify((await admin.send({ action: 'user/disallowAllDeviceTypes', requestId: 'd', userId: c.id }))[0]), '{"action":"user/disallowAllDeviceTypes","requestId":"d","status":"success"}');
  assert.equal((await admin.send({ action: 'user/get', userId: c.id }))[0].user.allDeviceTypesAvailable, false);
  assert.deepEqual(claims((await login(mock, { login: c.login, password: 'secret123' })).accessToken).dt, []);
  assert.equal((await admin.send({ action: 'user/allowAllDeviceTypes', userId: c.id }))[0].status, 'success');
  assert.equal((await userById(mock, c.id)).allDeviceTypesAvailable, true);
  assert.deepEqual(claims((await login(mock, { login: c.login, password: 'secret123' })).accessToken).dt, ['*']);
  assert.deepEqual((await admin.send({ action: 'user/allowAllDeviceTypes', userId: 999 }))[0].error, 'User with id = 999 not found');
});

test('network and device-type lookups: ids required in order, the user first, then what the mock does not have', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const admin = await wsAs(mock, await adminToken(mock));
  const ask = async (request: object) => {
    const [answer] = await admin.send({ requestId: 'r', ...request });
    return answer.status === 'success' ? answer : [answer.code, answer.error];
  };
  assert.deepEqual(await ask({ action: 'user/getNetwork', networkId: 5 }), [400, 'User id is wrong or empty']);
  assert.deepEqual(await ask({ action: 'user/getNetwork', userId: c.id }), [400, 'Network id is wrong or empty']);
  assert.deepEqual(await ask({ action: 'user/getNetwork', userId: 999, networkId: 5 }), [404, 'User with id = 999 not found']);
  assert.deepEqual(await ask({ action: 'user/getNetwork', userId: c.id, networkId: 5 }), [404, `Network with id 5 for user with id ${c.id} was not found`]);
  assert.deepEqual(await ask({ action: 'user/assignNetwork', userId: c.id, networkId: 'x' }), [400, 'Malformed Json received.']);
  assert.deepEqual(await ask({ action: 'user/unassignNetwork', userId: c.id, networkId: 5 }), [404, 'Network with id = 5 not found']);
  assert.deepEqual(await ask({ action: 'user/getDeviceType', userId: c.id }), [400, 'Device type id is wrong or empty']);
  assert.deepEqual(await ask({ action: 'user/getDeviceType', userId: c.id, deviceTypeId: 3 }), [404, `Device type with id 3 for user with id ${c.id} not found`]);
  assert.deepEqual(await ask({ action: 'user/assignDeviceType', userId: c.id, deviceTypeId: 3 }), [403, 'Cannot assign device type to user with all device types allowed']);
  await ask({ action: 'user/disallowAllDeviceTypes', userId: c.id });
  assert.deepEqual(await ask({ action: 'user/unassignDeviceType', userId: c.id, deviceTypeId: 3 }), [404, 'Device type with id = 3 not found']);
  const listed = await ask({ action: 'user/getDeviceTypes', userId: c.id });
  assert.equal(JSON.stringify(listed), '{"action":"user/getDeviceTypes","requestId":"r","status":"success","deviceTypes":[]}');
});

test('each network and device-type action demands its own permission', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const onlyUsers = await wsAs(mock, await mint(mock, 1, ['ManageUser']));
  const byAction: Array<[string, string]> = [
    ['user/getNetwork', 'GetNetwork'],
    ['user/assignNetwork', 'ManageNetwork'],
    ['user/getDeviceType', 'GetDeviceType'],
    ['user/allowAllDeviceTypes', 'ManageDeviceType'],
  ];
  for (const [action, permission] of byAction) {
    const request = { action, userId: c.id, networkId: 1, deviceTypeId: 1 };
    assert.deepEqual([(await onlyUsers.send(request))[0].code, (await onlyUsers.send(request))[0].error], [403, 'Access is denied'], action);
    const allowed = await wsAs(mock, await mint(mock, 1, [permission]));
    assert.notEqual((await allowed.send(request))[0].error, 'Access is denied', `${action} with ${permission}`);
  }
  assert.equal((await userById(mock, c.id)).allDeviceTypesAvailable, true);
});
