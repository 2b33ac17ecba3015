import type { MqttAnswer, MqttConnectResult, MqttSurface } from '../../src/core/family.ts';
import type { DeviceHiveContext } from './context.ts';
import { isFailure } from './failure.ts';
import { loginWithPassword } from './token-service.ts';
import { isForbiddenSubscription, parseTopic, responseTopic } from './mqtt-topics.ts';
import { wsActions } from './ws-actions.ts';
import { DeviceHiveSession } from './ws-session.ts';

/** One MQTT client as devicehive-mqtt keeps it: its WebSocket session, whether it is authorized, what it subscribed to. */
interface MqttClientState {
  session: DeviceHiveSession;
  authorized: boolean;
  /** SubscriptionManager's subscription attempts: answers are published only on topics subscribed to exactly. */
  subscriptions: Set<string>;
}

/** The devicehive-mqtt broker (src/broker.js) in front of this mock's WebSocket API (devicehive.md §5). */
export function createMqttSurface(ctx: DeviceHiveContext): MqttSurface {
  const actions = wsActions(ctx);
  const clients = new Map<string, MqttClientState>();
  // The latest CONNECT of each client id still logging in. Of CONNECTs racing on one id only the newest is accepted:
  // the broker then closes any older holder ([MQTT-3.1.4-2]), and the id's state is the one the survivor uses.
  const connecting = new Map<string, object>();
  const deviates = (id: string) => ctx.behaviour.deviates(id);

  /** CONNECT with credentials: the broker sends token, then authenticate, before it accepts (broker.js:481-500). */
  async function logIn(state: MqttClientState, login: string, password: string): Promise<string | undefined> {
    const pair = await loginWithPassword(ctx, login, password);
    if (isFailure(pair)) return pair.message;
    const failure = await state.session.authenticate(pair.accessToken);
    if (failure) return failure.message;
    state.authorized = true;
    return undefined;
  }

  return {
    async connect(client, username, password): Promise<MqttConnectResult> {
      if (clients.has(client.clientId)) return { ok: false, returnCode: 5, reason: `User with id ${client.clientId} already connected` };
      const attempt = {};
      connecting.set(client.clientId, attempt);
      try {
        const state: MqttClientState = { session: new DeviceHiveSession(ctx, actions), authorized: false, subscriptions: new Set() };
        // devicehive.updateCurrent.auth.mqtt-connect-credentials: the deviation ignores the credentials.
        if (username && password && !deviates('devicehive.updateCurrent.auth.mqtt-connect-credentials')) {
          const refused = await logIn(state, username, password.toString());
          // devicehive.updateCurrent.auth.mqtt-connect-bad-credentials: the deviation lets the client in, anonymous.
          if (refused !== undefined && !deviates('devicehive.updateCurrent.auth.mqtt-connect-bad-credentials')) return { ok: false, returnCode: 5, reason: refused };
        }
        if (connecting.get(client.clientId) !== attempt) return { ok: false, returnCode: 5, reason: `User with id ${client.clientId} already connected` };
        clients.set(client.clientId, state);
        return { ok: true };
      } finally {
        if (connecting.get(client.clientId) === attempt) connecting.delete(client.clientId);
      }
    },

    /** brokerAuthorizeSubscriptionHandler (broker.js:508-567). */
    subscribe(clientId, topic, qos) {
      const state = clients.get(clientId);
      if (!state) return null;
      // devicehive.updateCurrent.transport.mqtt-request-topic-forbidden
      if (isForbiddenSubscription(topic) && !deviates('devicehive.updateCurrent.transport.mqtt-request-topic-forbidden')) return null;
      const parts = parseTopic(topic);
      if (!parts.dh) return qos;
      // devicehive.updateCurrent.transport.mqtt-subscribe-requires-auth: before authenticate, only its own token and
      // authenticate answers (the reference does not look at the owner there; its forwarding does).
      const open = parts.response && (parts.action === 'token' || parts.action === 'authenticate') && parts.owner === clientId;
      if (!state.authorized && !open && !deviates('devicehive.updateCurrent.transport.mqtt-subscribe-requires-auth')) return null;
      state.subscriptions.add(topic);
      return qos;
    },

    /** devicehive-mqtt ignores a publish it does not route; it does not disconnect the client. */
    refusedPublish: 'drop',

    /** authorizePublish: dh/request (and below it) is read; other dh/ topics belong to the broker; the rest is plain MQTT. */
    mayPublish(_clientId, topic) {
      const parts = parseTopic(topic);
      return !parts.dh || parts.request;
    },

    /** authorizeForward (broker.js:141-161): a topic ending in @<id> reaches only client <id>; requests reach nobody. */
    mayForward(clientId, topic) {
      const parts = parseTopic(topic);
      if (parts.request) return deviates('devicehive.updateCurrent.transport.mqtt-request-topic-forbidden');
      // devicehive.updateCurrent.transport.mqtt-response-only-owner
      if (parts.owner !== '' && !deviates('devicehive.updateCurrent.transport.mqtt-response-only-owner')) return parts.owner === clientId;
      return true;
    },

    async message(client, topic, payload): Promise<MqttAnswer[]> {
      const parts = parseTopic(topic);
      // devicehive.updateCurrent.transport.mqtt-request-topic: the deviation does not read dh/request.
      if (!parts.request || deviates('devicehive.updateCurrent.transport.mqtt-request-topic')) return [];
      const state = clients.get(client.clientId);
      if (!state) return [];
      const answer = await state.session.handle(payload.toString());
      if (!answer) return [];
      // handleTokenAndAuthResponses: a successful authenticate authorizes the client's DeviceHive subscriptions.
      // devicehive.updateCurrent.auth.mqtt-authenticate: the deviation never does.
      if (answer.action === 'authenticate' && answer.status === 'success' && !deviates('devicehive.updateCurrent.auth.mqtt-authenticate')) state.authorized = true;
      // devicehive.updateCurrent.transport.mqtt-response-topic: the deviation drops the @<clientId> suffix.
      if (deviates('devicehive.updateCurrent.transport.mqtt-response-topic')) return [{ topic: responseTopic(answer.action, undefined), payload: JSON.stringify(answer), to: 'subscribers' }];
      const reply = responseTopic(answer.action, client.clientId);
      // Published through the broker, as devicehive-mqtt does: every authorized subscriber of the topic receives it.
      return state.subscriptions.has(reply) ? [{ topic: reply, payload: JSON.stringify(answer), to: 'subscribers' }] : [];
    },

    disconnected(clientId) {
      clients.delete(clientId);
    },
  };
}
