/**
 * The MQTT client of every suite (MQTT.js, MQTT 3.1.1, clean session, no reconnection) as a MessageChannel:
 * CONNECT, SUBSCRIBE and PUBLISH each under the one timeout policy, every publish that arrives offered to the requests.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { recordAnswer, recordTransportFailure } from '../../src/runner/circuit-breaker.ts';
import { MessageChannel, parseJson } from './channel.ts';
import type { Transcript } from './transcript.ts';
import { ANSWER_MS, within } from './wait.ts';

/** How long a DISCONNECT may take before the client is dropped: teardown never hangs on a silent broker. */
const CLOSE_MS = 1_000;

export interface MqttConnectOptions {
  clientId: string;
  username?: string;
  password?: string;
}

/**
 * CONNECT. Resolves with the client, or rejects when the broker refuses (the error's code is the CONNACK return
 * code: an answer, not a transport failure) or closes the connection without a CONNACK.
 */
export async function connectMqtt(endpoint: string, transcript: Transcript, options: MqttConnectOptions): Promise<MqttClient> {
  const { url, username } = tenantRoute(endpoint, options.username);
  const { clientId, password } = options;
  const request = { connect: url, clientId, username, password: password === undefined ? undefined : '***' };
  const pending = mqtt.connectAsync(url, { clientId, username, password, reconnectPeriod: 0, connectTimeout: ANSWER_MS, clean: true, protocolVersion: 4 }, false);
  try {
    // MQTT.js gives up after connectTimeout; the extra second lets its own error (a refusal, a reset) win.
    const client = await within(pending, ANSWER_MS + 1000, `CONNACK from ${url}`);
    recordAnswer();
    transcript.add({ transport: 'mqtt', request, response: { connack: 'accepted' } });
    return client;
  } catch (error) {
    pending.then((late) => late.end(true)).catch(() => {});
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number') recordAnswer();
    else recordTransportFailure(`MQTT connection to ${url} failed: ${(error as Error).message}`);
    transcript.add({ transport: 'mqtt', request, response: { error: (error as Error).message, code } });
    throw error;
  }
}

/**
 * A tenant of a shared conform mock rides in the endpoint (`?tenant=<name>`, see the runner's withTenant): MQTT has no
 * header or path, so the CONNECT username carries it as "<tenant>:<user>" (or "<tenant>:" without a user), which the
 * mock removes before the family sees the username. Any other endpoint is used as it is.
 */
function tenantRoute(endpoint: string, username: string | undefined): { url: string; username: string | undefined } {
  const parsed = new URL(endpoint);
  const tenant = parsed.searchParams.get('tenant');
  if (tenant === null) return { url: endpoint, username };
  parsed.searchParams.delete('tenant');
  return { url: parsed.toString().replace(/\?$/, ''), username: `${tenant}:${username ?? ''}` };
}

/** A connected MQTT client: every publish it receives goes through the channel; bare writes go to requestTopic. */
export class MqttConnection extends MessageChannel {
  constructor(
    readonly clientId: string,
    readonly client: MqttClient,
    transcript: Transcript,
    requestTopic: string,
  ) {
    super('mqtt', transcript, (text) => void client.publish(requestTopic, text));
    client.on('error', () => {});
    client.on('message', (topic, payload, packet) => {
      const text = payload.toString();
      this.incoming({ topic, text, json: parseJson(text), qos: packet.qos });
    });
  }

  /** SUBSCRIBE: the granted QoS, or 128 (0x80) when the broker refuses. */
  async subscribe(topic: string, qos: 0 | 1 = 0): Promise<number> {
    let granted: number;
    try {
      const result = await within(this.client.subscribeAsync(topic, { qos }), ANSWER_MS, `SUBACK for ${topic}`);
      granted = result[0]?.qos ?? 128;
    } catch (error) {
      // MQTT.js rejects a refused subscription with the SUBACK packet (ErrorWithSubackPacket) or, older, with code.
      const failure = error as { code?: unknown; packet?: { granted?: unknown[] } };
      const code = failure.packet?.granted?.[0] ?? failure.code;
      if (typeof code !== 'number') {
        this.transcript.add({ transport: 'mqtt', request: { subscribe: topic, clientId: this.clientId }, response: { error: (error as Error).message } });
        throw error;
      }
      granted = code;
    }
    this.transcript.add({ transport: 'mqtt', request: { subscribe: topic, clientId: this.clientId }, response: { granted } });
    return granted;
  }

  /** PUBLISH, resolved once written (QoS 0) or acknowledged (QoS 1). */
  async publish(topic: string, payload: string, qos: 0 | 1 = 0): Promise<void> {
    await within(this.client.publishAsync(topic, payload, { qos }), ANSWER_MS, `PUBACK for the publish on ${topic}`);
  }

  /** DISCONNECT, or the client dropped after CLOSE_MS. */
  async close(): Promise<void> {
    await Promise.race([this.client.endAsync(true), new Promise((resolve) => setTimeout(resolve, CLOSE_MS))]);
  }
}
