// The MQTT packet limit over real loopback sockets: a packet over MAX_MQTT_PACKET_BYTES ends the connection as soon
// as its fixed header announces it; one at the limit is answered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mqtt from 'mqtt';
import { MAX_MQTT_PACKET_BYTES } from '../../src/core/limits.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import { connack, connectPacket, openRaw, publishHeader, remainingLength } from '../helpers/raw-mqtt.ts';
import { startTestMock, url } from '../helpers/start-mock.ts';

const FIFTY_MB = 50 * 1024 * 1024;
// Each test ends on its own well before this; a broker that waits for the rest of a packet would hang it.
const options = { timeout: 20_000 };

let mock: RunningMock;
before(async () => {
  mock = await startTestMock(['kuzzle', 'devicehive']);
});
after(() => mock.stop());

const requestTopics = { kuzzle: 'Kuzzle/request', devicehive: 'dh/request' } as const;

for (const [family, topic] of Object.entries(requestTopics) as Array<[keyof typeof requestTopics, string]>) {
  test(`${family}: a PUBLISH on ${topic} announcing 50 MB ends the connection after its header, without the 50 MB`, options, async () => {
    const raw = await openRaw(url(mock, family, 'mqtt'));
    raw.socket.write(connectPacket(Buffer.from(`big-${family}`), { clean: true }));
    assert.deepEqual(await raw.received(4), connack(0));
    // The header and topic, then a few bytes of payload: nowhere near the 50 MB announced.
    raw.socket.write(Buffer.concat([publishHeader(topic, FIFTY_MB), Buffer.from('{"pad":"')]));
    const all = await raw.closed;
    assert.deepEqual(all, connack(0), 'nothing is answered after the CONNACK');
  });
}

test('a header split byte by byte is judged all the same', options, async () => {
  const raw = await openRaw(url(mock, 'kuzzle', 'mqtt'));
  raw.socket.write(connectPacket(Buffer.from('split'), { clean: true }));
  await raw.received(4);
  for (const byte of publishHeader('Kuzzle/request', MAX_MQTT_PACKET_BYTES)) raw.socket.write(Buffer.from([byte]));
  assert.deepEqual(await raw.closed, connack(0));
});

/** A Kuzzle request whose PUBLISH packet is exactly `packetBytes` long, fixed header included. */
function kuzzleRequestOf(packetBytes: number): string {
  const start = '{"controller":"server","action":"now","requestId":"limit","pad":"';
  const end = '"}';
  const topic = 'Kuzzle/request';
  // Type byte, remaining length (3 bytes from 16 KiB to 2 MiB), topic length and topic.
  const overhead = 1 + remainingLength(packetBytes).length + 2 + topic.length;
  return start + 'x'.repeat(packetBytes - overhead - start.length - end.length) + end;
}

test('Kuzzle: a request at the limit is answered; one byte more ends the connection', options, async () => {
  const client = await mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: 'at-limit', reconnectPeriod: 0 });
  try {
    const answered = new Promise<Record<string, unknown>>((resolve) => client.once('message', (_t, payload) => resolve(JSON.parse(payload.toString()))));
    await client.publishAsync('Kuzzle/request', kuzzleRequestOf(MAX_MQTT_PACKET_BYTES));
    const answer = await answered;
    // Kuzzle's envelope for this request (server:now needs rights the anonymous user lacks): it was read and run.
    assert.deepEqual([answer.requestId, answer.controller, answer.action, answer.status], ['limit', 'server', 'now', 401]);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish('Kuzzle/request', kuzzleRequestOf(MAX_MQTT_PACKET_BYTES + 1));
    await closed;
  } finally {
    client.end(true);
  }
});

test('after refused packets, the broker still answers other clients', options, async () => {
  const client = await mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: 'after', reconnectPeriod: 0 });
  try {
    const answered = new Promise<Record<string, unknown>>((resolve) => client.once('message', (_t, payload) => resolve(JSON.parse(payload.toString()))));
    await client.publishAsync('Kuzzle/request', JSON.stringify({ controller: 'server', action: 'now', requestId: 'after' }));
    const answer = await answered;
    assert.deepEqual([answer.requestId, answer.status], ['after', 401]);
  } finally {
    client.end(true);
  }
});
