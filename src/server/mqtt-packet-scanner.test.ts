import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasValidClientId } from './mqtt-client-id.ts';
import { MqttPacketScanner } from './mqtt-packet-scanner.ts';
import { connectPacket, publishHeader, remainingLength } from '../../test/helpers/raw-mqtt.ts';

const scanner = (max = 1000) => new MqttPacketScanner(max, hasValidClientId);
const publish = (total: number): Buffer => {
  // 0x30, a 2-byte remaining length (128..16383), then the rest.
  const rest = total - 3;
  return Buffer.concat([Buffer.from([0x30]), remainingLength(rest), Buffer.alloc(rest)]);
};

test('packets up to the limit pass, whole or split anywhere; the limit counts the fixed header', () => {
  const stream = Buffer.concat([connectPacket(Buffer.from('id'), { clean: true }), publish(1000), publish(500), Buffer.from([0xc0, 0x00])]);
  assert.equal(scanner().scan(stream), undefined);
  for (const size of [1, 2, 3, 7, 64]) {
    const s = scanner();
    for (let at = 0; at < stream.length; at += size) assert.equal(s.scan(stream.subarray(at, at + size)), undefined, `chunks of ${size}`);
  }
});

test('a packet over the limit is refused from its header, after packets that fit', () => {
  const s = scanner();
  assert.equal(s.scan(connectPacket(Buffer.from('id'), { clean: true })), undefined);
  assert.equal(s.scan(publish(400)), undefined);
  assert.deepEqual(s.scan(publishHeader('t', 998)), { code: 'mqtt.packet_too_large', announcedBytes: 1001 });
  assert.deepEqual(scanner(1024 * 1024).scan(publishHeader('t', 50 * 1024 * 1024).subarray(0, 5)), { code: 'mqtt.packet_too_large', announcedBytes: 50 * 1024 * 1024 + 5 });
});

test('a remaining length of more than 4 bytes is malformed [MQTT-2.2.3]', () => {
  assert.deepEqual(scanner(Number.MAX_SAFE_INTEGER).scan(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01])), { code: 'mqtt.malformed_length' });
});

test('the CONNECT client id must be UTF-8 without U+0000 [MQTT-1.5.3-1, MQTT-1.5.3-2], however the CONNECT is split', () => {
  const refused = { code: 'mqtt.client_id_invalid' };
  for (const id of [Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf]), Buffer.from('a\u0000b')]) {
    assert.deepEqual(scanner().scan(connectPacket(id, { clean: true })), refused, id.toString('hex'));
    const s = scanner();
    const packet = connectPacket(id, { clean: true });
    const verdicts = [...packet].map((byte) => s.scan(Buffer.from([byte])));
    assert.deepEqual(verdicts.filter(Boolean), [refused]);
  }
  for (const id of ['', 'plain', 'é-ü-😀', '\ufffd']) assert.equal(scanner().scan(connectPacket(Buffer.from(id), { clean: true })), undefined, id);
  assert.equal(scanner().scan(Buffer.concat([connectPacket(Buffer.from('ok'), { clean: true }), connectPacket(Buffer.from([0xff]), { clean: true })])), undefined, 'only the first packet is a CONNECT to judge');
});
