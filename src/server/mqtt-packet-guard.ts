import type { Socket } from 'node:net';
import { MAX_MQTT_PACKET_BYTES } from '../core/limits.ts';
import { hasValidClientId } from './mqtt-client-id.ts';
import { MqttPacketScanner, type MqttStreamRefusal } from './mqtt-packet-scanner.ts';

const refusals = new WeakMap<Socket, MqttStreamRefusal>();

/**
 * Watches the bytes the broker reads from an MQTT socket and destroys the socket as soon as a packet announces more
 * than the limit, or the CONNECT's client id is not valid UTF-8. mqtt-packet has no size limit and buffers a packet
 * whole before aedes sees it; MQTT 3.1.1 has no packet to refuse one with, so the connection ends, as for any
 * protocol violation.
 *
 * It listens to 'data' without taking the stream over: the broker's 'readable' listener keeps control of the flow,
 * and Node emits 'data' with each chunk read() returns, before the broker's parser gets it. No copy, no extra stream.
 * Attach it after broker.handle(socket), so the 'data' listener never switches the socket to flowing mode.
 */
export function guardMqttSocket(socket: Socket, maxPacketBytes = MAX_MQTT_PACKET_BYTES): void {
  const scanner = new MqttPacketScanner(maxPacketBytes, hasValidClientId);
  const watch = (chunk: Buffer): void => {
    const refusal = scanner.scan(chunk);
    if (!refusal) return;
    refusals.set(socket, refusal);
    socket.off('data', watch);
    socket.destroy();
  };
  socket.on('data', watch);
}

/** Why the guard ended this socket, if it did: the broker must not act on a packet read in the same chunk. */
export function guardRefusal(socket: unknown): MqttStreamRefusal | undefined {
  return refusals.get(socket as Socket);
}
