import type { MqttAnswer, MqttClientApi, MqttConnectResult, MqttSurface } from '../../src/core/family.ts';
import { bareRequest, envelope } from './envelope.ts';
import type { KuzzleContext } from './context.ts';
import { kerror, wrapUnexpected } from './errors.ts';
import { runMessage } from './message.ts';
import type { ApiRequest } from './request.ts';
import { parseJson } from '../../src/core/json.ts';

/** server.protocols.mqtt defaults (lib/config/default.config.ts:228-239). */
export const REQUEST_TOPIC = 'Kuzzle/request';
export const RESPONSE_TOPIC = 'Kuzzle/response';

/**
 * Kuzzle's MQTT protocol with allowPubSub false (kuzzle.md §6; mqttProtocol.js:195-288): no MQTT-level
 * authentication (the jwt is in the payload), requests published on Kuzzle/request, each response delivered on
 * Kuzzle/response to the requesting client only, without room.
 */
export function createMqttSurface(env: KuzzleContext): MqttSurface {
  const { behaviour } = env;
  const sticky = new Map<string, string>();
  // The connected clients, for the kuzzle.all.transport.mqtt-requester-only deviation only.
  const connected = new Map<string, MqttClientApi>();
  const broadcasts = behaviour.deviates('kuzzle.all.transport.mqtt-requester-only');
  // kuzzle.all.transport.mqtt-response-topic: responses go to Kuzzle/response; the deviation uses another topic.
  const responseTopic = behaviour.deviates('kuzzle.all.transport.mqtt-response-topic') ? 'Kuzzle/responses' : RESPONSE_TOPIC;
  // kuzzle.updateSelf.auth.jwt-argument: each payload's jwt is read; the deviation reuses the first one an updateSelf
  // of the client presented.
  const beforeExecute = (clientId: string) => (request: ApiRequest): void => {
    if (!behaviour.deviates('kuzzle.updateSelf.auth.jwt-argument') || request.controller !== 'auth' || request.action !== 'updateSelf') return;
    const first = sticky.get(clientId);
    if (first !== undefined) request.jwt = first;
    else if (request.jwt !== null) sticky.set(clientId, request.jwt);
  };
  const answer = async (client: MqttClientApi, text: string): Promise<unknown> => {
    const parsed = parseJson(text);
    if (!parsed.ok) return envelope(behaviour, bareRequest(), { error: kerror('network.mqtt.unexpected_error', parsed.message) });
    const outcome = await runMessage(env, parsed.value, 'mqtt', { wrap: 'network.mqtt.unexpected_error', beforeExecute: beforeExecute(client.clientId) });
    return envelope(behaviour, outcome.request, outcome.kind === 'rejected' ? outcome.outcome : outcome.execution.outcome);
  };
  return {
    connect: async (client): Promise<MqttConnectResult> => {
      if (broadcasts) connected.set(client.clientId, client);
      return { ok: true };
    },
    // Kuzzle/request is write-only and wildcards are disabled (_authorizeSubscribe).
    subscribe: (_clientId, topic, qos) => (topic === REQUEST_TOPIC || topic.includes('#') || topic.includes('+') ? null : qos),
    mayPublish: (_clientId, topic) => topic === REQUEST_TOPIC,
    mayForward: (_clientId, topic) => topic !== REQUEST_TOPIC,
    async message(client, topic, payload): Promise<MqttAnswer[]> {
      if (topic !== REQUEST_TOPIC) return [];
      let body: unknown;
      try {
        body = await answer(client, payload.toString());
      } catch (error) {
        // A mock bug still answers as Kuzzle would.
        body = envelope(behaviour, bareRequest(), { error: wrapUnexpected(error) });
      }
      // kuzzle.all.transport.mqtt-requester-only: to the requesting client only, whether or not it subscribed to the
      // response topic; the deviation also delivers the answer to every other connected client.
      if (broadcasts) for (const [id, other] of connected) if (id !== client.clientId) other.deliver(responseTopic, JSON.stringify(body));
      return [{ topic: responseTopic, payload: JSON.stringify(body), to: 'client' }];
    },
    disconnected(clientId: string): void {
      sticky.delete(clientId);
      connected.delete(clientId);
    },
  };
}
