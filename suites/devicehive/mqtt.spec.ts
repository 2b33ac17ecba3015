// DeviceHive over MQTT (devicehive-mqtt): requests on dh/request, answers on dh/response/<action>@<clientId>
// (seed 002 "Topic dh/request", "dh/response/user/updateCurrent@{clientId}"), and how an MQTT client authenticates.
import { expect } from '../harness.ts';
import { check, expectOk, MqttChannel, QUIET_MS, schemaProblem, sleep } from './fixtures.ts';

const UPDATE = 'user/updateCurrent';

check('devicehive.updateCurrent.transport.mqtt-request-topic', 'user/updateCurrent published on dh/request at QoS 0 and QoS 1 is executed', async ({ api }) => {
  const c = await api.newUser();
  const first = await api.updateCurrent('mqtt', c, { data: { t: 1 } }, { requestId: 'm1', qos: 0 });
  expectOk(first, 'the request published at QoS 0');
  const second = await api.updateCurrent('mqtt', c, { data: { t: 2 } }, { requestId: 'm2', qos: 1 });
  expectOk(second, 'the request published at QoS 1');
  expect((await api.read(c.id)).data).toEqual({ t: 2 });
});

check('devicehive.updateCurrent.transport.mqtt-response-topic', 'the answer arrives once, on dh/response/user/updateCurrent@<clientId>, which the client may subscribe to', async ({ api }) => {
  const c = await api.newUser();
  const mqtt = await api.mqttAs(c.token);
  const topic = `dh/response/${UPDATE}@${mqtt.clientId}`;
  const granted = await mqtt.subscribe(topic);
  expect(granted, `SUBSCRIBE ${topic} is granted (SUBACK 0 or 1)`).toBeLessThan(128);
  const answer = await mqtt.request({ action: UPDATE, requestId: 'm1', user: { data: { d: 'x' } } });
  expect(answer).toMatchObject({ action: UPDATE, requestId: 'm1', status: 'success' });
  expect(schemaProblem('devicehive/user-update-current.response.json', answer)).toBeUndefined();
  await sleep(QUIET_MS);
  expect(mqtt.inbox.peek((m) => m.topic === topic).map((m) => m.text), 'exactly one answer').toEqual([]);
  expect((await api.read(c.id)).data).toEqual({ d: 'x' });
});

check('devicehive.updateCurrent.transport.mqtt-response-only-owner', 'an answer topic ending in @<clientId> reaches only that client', async ({ api }) => {
  const a = await api.newUser();
  const b = await api.newUser();
  const owner = await api.mqttAs(a.token);
  const other = await api.mqttAs(b.token);
  const topic = owner.responseTopic(UPDATE);
  await other.subscribe(topic); // granted or refused: either way nothing may arrive there
  const answer = await owner.request({ action: UPDATE, requestId: 'o1', user: { data: { o: 1 } } });
  expect(answer?.status, 'the owner gets its answer').toBe('success');
  await sleep(QUIET_MS);
  expect(other.inbox.peek((m) => m.topic === topic).map((m) => m.text), `client ${other.clientId} receives nothing on ${topic}`).toEqual([]);
});

check('devicehive.updateCurrent.transport.mqtt-subscribe-requires-auth', 'before authenticate only the authenticate answers may be subscribed to', async ({ api }) => {
  const c = await api.newUser();
  const mqtt = await api.mqtt();
  expect(await mqtt.subscribe(mqtt.responseTopic(UPDATE)), 'SUBSCRIBE to the user/updateCurrent answers before authenticate is refused (0x80)').toBeGreaterThanOrEqual(128);
  expect(await mqtt.subscribe(mqtt.responseTopic('authenticate')), 'SUBSCRIBE to the authenticate answers is granted').toBeLessThan(128);
  await mqtt.authenticate(c.token);
  expect(await mqtt.subscribe(mqtt.responseTopic(UPDATE)), 'after authenticate the user/updateCurrent answers may be subscribed to').toBeLessThan(128);
});

check('devicehive.updateCurrent.transport.mqtt-request-topic-forbidden', 'nobody may subscribe to dh/request and read other clients’ requests', async ({ api }) => {
  const c = await api.newUser();
  const d = await api.newUser();
  const spy = await api.mqttAs(c.token);
  expect(await spy.subscribe('dh/request'), 'SUBSCRIBE dh/request is refused (0x80)').toBeGreaterThanOrEqual(128);
  const other = await api.mqttAs(d.token);
  const answer = await other.request({ action: UPDATE, requestId: 's1', user: { password: 'secret456', data: { s: 1 } } });
  expect(answer?.status).toBe('success');
  await sleep(QUIET_MS);
  expect(spy.inbox.peek((m) => m.topic === 'dh/request').map((m) => m.text), 'another client’s request reached the spy').toEqual([]);
});

check('devicehive.updateCurrent.auth.mqtt-authenticate', 'an anonymous MQTT client authenticates with the authenticate action; before that it cannot update', async ({ api }) => {
  const c = await api.newUser();
  const before = await api.read(c.id);
  const adminData = (await api.current(api.admin.token)).data;
  const mqtt = await api.mqtt();
  const topic = mqtt.responseTopic(UPDATE);
  await mqtt.subscribe(topic); // refused, or granted by a lax broker: then no success may come
  await mqtt.publish('dh/request', JSON.stringify({ action: UPDATE, requestId: 'pre', user: { data: { q: 0 } } }));
  await sleep(QUIET_MS);
  expect(mqtt.inbox.peek((m) => m.topic === topic && m.json?.status === 'success').map((m) => m.text), 'no success before authenticate').toEqual([]);
  expect((await api.read(c.id)).data).toEqual(before.data);
  expect((await api.current(api.admin.token)).data, 'the anonymous request updated nobody').toEqual(adminData);

  expect(await mqtt.subscribe(mqtt.responseTopic('authenticate')), 'SUBSCRIBE to the authenticate answers').toBeLessThan(128);
  const auth = await mqtt.request({ action: 'authenticate', requestId: 'x', token: c.token });
  expect(auth).toMatchObject({ action: 'authenticate', requestId: 'x', status: 'success' });
  const granted = await mqtt.subscribe(topic);
  expect(granted, `after authenticate SUBSCRIBE ${topic} is granted`).toBeLessThan(128);
  const update = await mqtt.request({ action: UPDATE, requestId: 'q1', user: { data: { q: 1 } } });
  expect(update?.status, `user/updateCurrent after authenticate: ${JSON.stringify(update)}`).toBe('success');
  expect((await api.read(c.id)).data).toEqual({ q: 1 });
});

check('devicehive.updateCurrent.auth.mqtt-connect-credentials', 'CONNECT with the login and password authenticates the client', async ({ api }) => {
  const c = await api.newUser();
  const mqtt = await api.mqtt({ username: c.login, password: c.password });
  const topic = mqtt.responseTopic(UPDATE);
  expect(await mqtt.subscribe(topic), `SUBSCRIBE ${topic} is granted to a client that connected with credentials`).toBeLessThan(128);
  const answer = await mqtt.request({ action: UPDATE, requestId: 'c1', user: { data: { c: 1 } } });
  expect(answer?.status, JSON.stringify(answer)).toBe('success');
  expect((await api.read(c.id)).data).toEqual({ c: 1 });
});

check('devicehive.updateCurrent.auth.mqtt-connect-bad-credentials', 'CONNECT with a wrong password is refused', async ({ api }) => {
  const c = await api.newUser();
  let refusal: Error | undefined;
  let accepted: MqttChannel | undefined;
  try {
    accepted = await api.mqtt({ username: c.login, password: 'wrongpass1' });
  } catch (error) {
    refusal = error as Error;
  }
  expect(accepted === undefined, 'the broker accepted a CONNECT with a wrong password').toBe(true);
  const code = (refusal as { code?: unknown } | undefined)?.code;
  // CONNACK 5 (not authorized) or 4 (bad user name or password), or the connection closed without CONNACK.
  if (typeof code === 'number') expect([4, 5], `CONNACK return code: ${refusal?.message}`).toContain(code);
});
