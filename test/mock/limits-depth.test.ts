// JSON nesting limits over real sockets (issue 11, defect 2 and DeviceHive's deep data): a body nested deeper than
// the family's real server reads gets that server's error on every transport, nothing is stored, and the record
// still reads back unchanged afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import mqtt from 'mqtt';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import { KUZZLE_MAX_JSON_DEPTH } from '../../mocks/kuzzle/json-depth-limit.ts';
import { DEVICEHIVE_MAX_JSON_DEPTH } from '../../mocks/devicehive/json-depth-limit.ts';
import { USERAPI_MAX_JSON_DEPTH } from '../../mocks/userapi/json-depth-limit.ts';

/** JSON text of a value whose depth is exactly `depth` (arrays: two bytes a level, so 100k levels stay under 1 MiB). */
const nestedText = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
/** An object body of depth `depth`: one key holding arrays nested depth - 1 deep. */
const objectText = (key: string, depth: number) => `{"${key}":${nestedText(depth - 1)}}`;

/** One answer per frame sent, in order. */
async function wsExchange(address: string, frames: string[]): Promise<Array<Record<string, any>>> {
  const ws = new WebSocket(address);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const answers: Array<Record<string, any>> = [];
  try {
    for (const frame of frames) {
      const answer = new Promise<Record<string, any>>((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
      ws.send(frame);
      answers.push(await answer);
    }
  } finally {
    ws.close();
  }
  return answers;
}

function nextMqtt(client: mqtt.MqttClient, topic: RegExp): Promise<Record<string, any>> {
  return new Promise((resolve) => {
    const listener = (received: string, payload: Buffer) => {
      if (!topic.test(received)) return;
      client.off('message', listener);
      resolve(JSON.parse(payload.toString()));
    };
    client.on('message', listener);
  });
}

let mock: RunningMock;
before(async () => {
  mock = await startTestMock(['kuzzle', 'devicehive', 'userapi']);
});
after(() => mock.stop());

describe('Kuzzle: a body nested deeper than Elasticsearch reads is refused with services.storage.unexpected_bad_request', () => {
  let base: string;
  let jwt: string;
  const me = async () => {
    const res = await fetch(`${base}/_me`, { headers: { authorization: `Bearer ${jwt}` } });
    assert.equal(res.status, 200, 'GET /_me still answers');
    return ((await res.json()) as Record<string, any>).result._source as Record<string, unknown>;
  };
  const assertRefused = (answer: Record<string, any>, label: string) => {
    assert.equal(answer.status, 400, label);
    assert.equal(answer.error.id, 'services.storage.unexpected_bad_request', label);
    assert.equal(answer.error.code, 16842785, label);
    assert.match(answer.error.message, /nesting depth .* exceeds the maximum allowed \(1000/, label);
  };

  before(async () => {
    base = url(mock, 'kuzzle');
    const login = await fetch(`${base}/_login/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"admin","password":"admin-password"}' });
    jwt = ((await login.json()) as Record<string, any>).result.jwt;
    const seeded = await fetch(`${base}/_me`, { method: 'PUT', headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' }, body: '{"fullname":"Keep Me"}' });
    assert.equal(seeded.status, 200);
  });

  test('HTTP PUT /_me: 6,000 and 100,000 deep are refused, the user reads back unchanged', async () => {
    const before = await me();
    for (const depth of [6000, 100_000]) {
      const res = await fetch(`${base}/_me`, { method: 'PUT', headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' }, body: objectText('nest', depth) });
      assertRefused({ status: res.status, ...((await res.json()) as Record<string, any>) }, `HTTP ${depth}`);
    }
    assert.deepEqual(await me(), before);
    const other = await fetch(`${base}/users/admin`, { headers: { authorization: `Bearer ${jwt}` } });
    assert.equal(other.status, 200, 'GET /users/<id> still answers');
  });

  test('WebSocket updateSelf: refused in the envelope, nothing stored', async () => {
    const before = await me();
    const [answer] = await wsExchange(url(mock, 'kuzzle', 'ws'), [`{"controller":"auth","action":"updateSelf","requestId":"deep","jwt":"${jwt}","body":${objectText('nest', 6000)}}`]);
    assertRefused(answer!, 'WebSocket');
    assert.equal(answer!.requestId, 'deep');
    assert.deepEqual(await me(), before);
  });

  test('MQTT updateSelf: refused on Kuzzle/response, nothing stored', async () => {
    const before = await me();
    const client = await mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: 'deep-kuzzle', reconnectPeriod: 0 });
    try {
      const answer = nextMqtt(client, /^Kuzzle\/response$/);
      await client.publishAsync('Kuzzle/request', `{"controller":"auth","action":"updateSelf","requestId":"deep","jwt":"${jwt}","body":${objectText('nest', 6000)}}`);
      assertRefused(await answer, 'MQTT');
    } finally {
      await client.endAsync(true);
    }
    assert.deepEqual(await me(), before);
  });

  test('a body exactly at the limit is stored and reads back', async () => {
    const res = await fetch(`${base}/_me`, { method: 'PUT', headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' }, body: objectText('nest', KUZZLE_MAX_JSON_DEPTH) });
    assert.equal(res.status, 200);
    await res.arrayBuffer();
    assert.equal(JSON.stringify((await me()).nest), nestedText(KUZZLE_MAX_JSON_DEPTH - 1));
  });
});

describe('DeviceHive: data nested deeper than Jackson reads is malformed JSON on every transport', () => {
  let base: string;
  let token: string;
  const current = async () => {
    const res = await fetch(`${base}/user/current`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200, 'GET /user/current still answers');
    return (await res.json()) as Record<string, unknown>;
  };

  before(async () => {
    base = url(mock, 'devicehive');
    const login = await fetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'dhadmin', password: 'dhadmin_#911' }) });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    const seeded = await fetch(`${base}/user/current`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"data":{"keep":"me"}}' });
    assert.equal(seeded.status, 204);
  });

  test('REST PUT /user/current: 400 "Invalid request parameters", data unchanged', async () => {
    const before = await current();
    for (const depth of [DEVICEHIVE_MAX_JSON_DEPTH + 1, 100_000]) {
      const res = await fetch(`${base}/user/current`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: `{"data":${objectText('nest', depth - 1)}}` });
      assert.equal(res.status, 400, `depth ${depth}`);
      assert.deepEqual(await res.json(), { error: 400, message: 'Invalid request parameters' });
    }
    assert.deepEqual(await current(), before);
  });

  test('WebSocket user/updateCurrent: "Malformed Json received.", data unchanged', async () => {
    const before = await current();
    const [auth, answer] = await wsExchange(url(mock, 'devicehive', 'ws'), [
      JSON.stringify({ action: 'authenticate', requestId: 1, token }),
      `{"action":"user/updateCurrent","requestId":2,"user":{"data":${objectText('nest', 6000)}}}`,
    ]);
    assert.equal(auth!.status, 'success');
    assert.deepEqual(answer, { code: 400, status: 'error', error: 'Malformed Json received.' });
    assert.deepEqual(await current(), before);
  });

  // devicehive-mqtt publishes the WebSocket answer on dh/response/<action>@<clientId>; the malformed-JSON answer has no
  // action (devicehive.md §5: "dh/response/undefined@cid, effectively lost"), so the subscriber hears nothing, and the
  // same client's next request, identical but for its depth, is answered: the refusal is for the depth alone.
  test('MQTT user/updateCurrent: the malformed answer is lost as on devicehive-mqtt, nothing stored, the client still served', async () => {
    const before = await current();
    const client = await mqtt.connectAsync(url(mock, 'devicehive', 'mqtt'), { clientId: 'deep-dh', username: 'dhadmin', password: 'dhadmin_#911', reconnectPeriod: 0 });
    try {
      await client.subscribeAsync('dh/response/user/updateCurrent@deep-dh');
      const heard: string[] = [];
      client.on('message', (topic) => heard.push(topic));
      await client.publishAsync('dh/request', `{"action":"user/updateCurrent","requestId":2,"user":{"data":${objectText('nest', 6000)}}}`);
      const answer = nextMqtt(client, /^dh\/response\/user\/updateCurrent@deep-dh$/);
      await client.publishAsync('dh/request', `{"action":"user/updateCurrent","requestId":3,"user":{"data":${JSON.stringify(before.data)}}}`);
      const body = await answer;
      assert.equal(body.requestId, 3, 'the first answer heard is the shallow request\'s');
      assert.equal(body.status, 'success');
      assert.deepEqual(heard, ['dh/response/user/updateCurrent@deep-dh']);
    } finally {
      await client.endAsync(true);
    }
    assert.deepEqual(await current(), before);
  });
});

describe('userapi: a json field nested deeper than json_decode reads gets the family’s 400', () => {
  let base: string;
  let token: string;
  const detail = async () => ((await (await fetch(`${base}/api/user/detail/1`)).json()) as { user: Record<string, unknown> }).user;

  before(async () => {
    base = url(mock, 'userapi');
    const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent('{"email":"alice@example.com","password":"alice-password"}')}` });
    token = (await login.json()) as string;
  });

  test('PUT /api/user/update: 513 deep is refused in the error envelope, the user unchanged', async () => {
    const before = await detail();
    for (const depth of [USERAPI_MAX_JSON_DEPTH + 1, 100_000]) {
      const res = await fetch(`${base}/api/user/update`, { method: 'PUT', headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(objectText('name', depth))}` });
      assert.equal(res.status, 400, `depth ${depth}`);
      const body = (await res.json()) as Record<string, unknown>;
      assert.equal(body.code, 400);
      assert.equal(body.status, 'error');
      assert.match(String(body.message), /Maximum stack depth exceeded/);
    }
    assert.deepEqual(await detail(), before);
  });
});
