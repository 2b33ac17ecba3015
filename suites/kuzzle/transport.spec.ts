// kuzzle: the WebSocket and MQTT protocols (kuzzle.md §5, §6).
import { check, expect, expectOk, RESPONSE_TOPIC, schemaProblem } from './fixtures.ts';

check('kuzzle.all.transport.ws-room', 'every WebSocket answer carries room = requestId', async ({ api }) => {
  const u = await api.user();
  const p = await api.profile();
  const admin = await api.admin();
  const conn = await api.connection('ws');
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const requests: Array<[string, Record<string, unknown>]> = [
    ['updateSelf (success)', { controller: 'auth', action: 'updateSelf', jwt: u.token, body: { fullname: 'Room' } }],
    ['anonymous updateSelf (error)', { controller: 'auth', action: 'updateSelf', body: { fullname: 'Room' } }],
    ['updateProfile (success)', { controller: 'security', action: 'updateProfile', jwt: admin, _id: p, body: { rateLimit: 5 } }],
    ['updateProfile of an unknown profile (error)', { controller: 'security', action: 'updateProfile', jwt: admin, _id: api.absentProfileId(), body: { rateLimit: 5 } }],
  ];
  let n = 0;
  for (const [what, message] of requests) {
    n += 1;
    const requestId = `conform-${n}-${run}`;
    const res = await conn.request({ ...message, requestId });
    expect(res.json?.requestId, `${what}: requestId`).toBe(requestId);
    expect(res.json?.room, `${what}: room`).toBe(requestId);
    expect(schemaProblem('kuzzle/ws-response.json', res.json), `${what}: ${res.text.slice(0, 300)}`).toBeUndefined();
  }
});

check('kuzzle.all.transport.ws-heartbeat', 'the WebSocket message {"p":1} is answered with {"p":2}', async ({ api }) => {
  const conn = await api.connection('ws');
  const next = conn.next(() => true, 'the answer to the WebSocket message {"p":1}');
  conn.sendRaw('{"p":1}');
  const pong = await next;
  expect(pong.json, pong.text).toStrictEqual({ p: 2 });
  expect(schemaProblem('kuzzle/heartbeat.json#/$defs/pong', pong.json)).toBeUndefined();
});

check('kuzzle.all.transport.ws-malformed-json', 'a WebSocket message that is not JSON: 400 network.websocket.unexpected_error, the socket stays open', async ({ api }) => {
  const conn = await api.connection('ws');
  const next = conn.next(() => true, 'the answer to the WebSocket message `{"controller":`');
  conn.sendRaw('{"controller":');
  const error = await next;
  expect(error.json?.status, error.text).toBe(400);
  expect(error.json?.error?.id).toBe('network.websocket.unexpected_error');
  expect(error.json?.error?.code).toBe(50528257);
  expect(schemaProblem('kuzzle/envelope.json#/$defs/error', error.json)).toBeUndefined();
  const pong = conn.next((a) => a.json?.p === 2, 'the answer {"p":2} to {"p":1} after the malformed message');
  conn.sendRaw('{"p":1}');
  expect((await pong).json).toStrictEqual({ p: 2 });
});

check('kuzzle.all.transport.mqtt-response-topic', 'a request on Kuzzle/request is answered on Kuzzle/response', async ({ api }) => {
  const u = await api.user();
  const client = await api.newConnection('mqtt', { subscribe: [RESPONSE_TOPIC] });
  const requestId = `conform-m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const answer = client.next((a) => a.json?.requestId === requestId, `an MQTT message with requestId ${requestId}`);
  client.sendRaw(JSON.stringify({ controller: 'auth', action: 'updateSelf', jwt: u.token, body: { fullname: 'Mqtt' }, requestId }));
  let res;
  try {
    res = await answer;
  } catch (error) {
    const seen = client.received.map((a) => `${a.topic}: ${a.text.slice(0, 120)}`);
    throw new Error(`${(error as Error).message}; received: ${seen.length > 0 ? seen.join(' | ') : 'nothing'}`);
  }
  expect(res.topic, 'the topic of the answer').toBe(RESPONSE_TOPIC);
  expectOk(res);
  expect(schemaProblem('kuzzle/envelope.json', res.json), res.text.slice(0, 300)).toBeUndefined();
});

check('kuzzle.all.transport.mqtt-requester-only', 'an MQTT answer is delivered only to the requesting client', async ({ api }) => {
  const u = await api.user();
  const one = await api.newConnection('mqtt', { subscribe: [RESPONSE_TOPIC] });
  const two = await api.newConnection('mqtt', { subscribe: [RESPONSE_TOPIC] });
  const requestId = `conform-m1-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await one.request({ controller: 'auth', action: 'updateSelf', jwt: u.token, body: { fullname: 'Only me' }, requestId });
  expect(res.json?.requestId).toBe(requestId);
  // The server sends the answer once: another client that was to get it would get it at the same time.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(two.received.filter((a) => a.json?.requestId === requestId), 'messages with that requestId received by the other client (the answer was broadcast)').toHaveLength(0);
  expect(one.strays.map((a) => a.text.slice(0, 200)), 'answers the requester received to requests it did not send, or twice').toEqual([]);
});
