import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import type { FamilyMock, MqttAnswer, MqttClientApi, MqttSurface } from '../core/family.ts';
import { DROPPED, type ExchangePipeline } from '../core/pipeline.ts';
import { refusesEmptyClientId } from './mqtt-client-id.ts';
import { guardMqttSocket, guardRefusal } from './mqtt-packet-guard.ts';
import type { SharedBroker } from './mqtt-shared.ts';

const DROPPED_TOPIC = '$conform/dropped/';

export interface MqttListener {
  server: net.Server;
  broker: Aedes;
  close(): Promise<void>;
}

/**
 * An aedes broker whose hooks are the family's MQTT surface. Requests are answered inside the broker (the fastest
 * design measured, see ../shared/research/performance.md), and every socket has TCP_NODELAY set, without which each
 * QoS 1 round trip waits for delayed ACKs.
 *
 * With a `shared` broker (a Redis store), every process's broker carries publishes to the others. A request is still
 * handled exactly once: aedes calls `published` only in the broker that received the client's PUBLISH, while the
 * copies other brokers receive through the emitter go to their subscribers only (and `dh/request`-like topics are
 * forwarded to nobody by the surface's mayForward). A 'subscribers' answer is published through the emitter, so it
 * reaches its subscriber in whichever process it is connected; a 'client' answer is written to the requester's own
 * socket and never leaves the process.
 */
/** The tenant an MQTT username names ("<tenant>:<user>"), its mock and the username its family sees; or a refusal. */
export type MqttTenantRoute = (username: string | undefined) => { ok: true; mock: FamilyMock; username: string | undefined } | { ok: false; reason: string };

export async function createMqttListener(mock: FamilyMock, pipeline: ExchangePipeline, route?: MqttTenantRoute, shared?: SharedBroker): Promise<MqttListener | undefined> {
  if (!mock.mqtt) {
    await shared?.close();
    return undefined;
  }
  // Each client is served by its tenant's mock, chosen at CONNECT (none: the default tenant's).
  const tenantOf = new WeakMap<Client, FamilyMock>();
  const mockOf = (client: Client): FamilyMock => tenantOf.get(client) ?? mock;
  const surfaceOf = (client: Client): MqttSurface => mockOf(client).mqtt ?? mock.mqtt!;
  const surface = mock.mqtt;
  // Keyed by the connection, not the client id: a refused CONNECT and a later one with the same id are two clients.
  const clients = new WeakMap<Client, MqttClientApi>();
  // The connection that holds each client id for the surface. aedes closes the previous holder when a newer one
  // connects ([MQTT-3.1.4-2]); that close must not end the surface's state for the id, which is now the newer one's.
  const owners = new Map<string, Client>();
  // CONNECTs with a zero-byte client id and CleanSession 0, answered CONNACK 0x02 at authentication.
  const rejectedIds = new WeakSet<Client>();
  let broker: Aedes;

  const toClient = (client: Client, topic: string, payload: string): void =>
    client.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 0, retain: false, dup: false }, () => {});
  const toSubscribers = (topic: string, payload: string): void =>
    broker.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 0, retain: false, dup: false }, () => {});
  const send = (client: Client, answer: MqttAnswer): void =>
    answer.to === 'client' ? toClient(client, answer.topic, answer.payload) : toSubscribers(answer.topic, answer.payload);

  const api = (client: Client): MqttClientApi => {
    const existing = clients.get(client);
    if (existing) return existing;
    const created: MqttClientApi = {
      clientId: client.id,
      deliver: (topic, payload) => {
        pipeline.pushed(mock.family, 'mqtt', `${topic} → ${client.id}`, payload);
        toClient(client, topic, payload);
      },
      publish: (topic, payload) => {
        pipeline.pushed(mock.family, 'mqtt', topic, payload);
        toSubscribers(topic, payload);
      },
    };
    clients.set(client, created);
    return created;
  };

  /** The surface accepted the client: it holds the id, unless its connection ended meanwhile. */
  const accept = (client: Client): void => {
    if (!client.closed) owners.set(client.id, client);
    else if (!owners.has(client.id)) surfaceOf(client).disconnected(client.id);
  };

  broker = await Aedes.createBroker({
    ...(shared ? { mq: shared.mq as never, persistence: shared.persistence } : {}),
    preConnect: (client, packet, done) => {
      // A packet parsed from the chunk in which the guard refused the stream is not acted on.
      const refusal = guardRefusal(client.conn);
      if (refusal) return done(new Error(refusal.code), false);
      if (refusesEmptyClientId(packet)) rejectedIds.add(client);
      done(null, true);
    },
    authenticate: (client, username, password, done) => {
      if (rejectedIds.has(client)) return done(Object.assign(new Error('identifier rejected'), { returnCode: 2 }) as never, false);
      // Through the durability, so a shared store's replica has caught up before the credentials are checked.
      const routed = route?.(username ?? undefined) ?? { ok: true as const, mock, username: username ?? undefined };
      if (!routed.ok) return done(Object.assign(new Error(routed.reason), { returnCode: 4 }) as never, false);
      tenantOf.set(client, routed.mock);
      const own = surfaceOf(client);
      const connect = () => own.connect(api(client), routed.username, password ?? undefined);
      const checked = pipeline.durability
        ? pipeline.durability.exchange(routed.mock, connect).then((outcome) => (outcome.ok ? outcome.value : { ok: false as const, returnCode: 5 as const, reason: 'the shared store is unavailable' }))
        : connect();
      checked.then(
        (result) => {
          if (result.ok) {
            accept(client);
            return done(null, true);
          }
          const error = Object.assign(new Error(result.reason), { returnCode: result.returnCode });
          return done(error as never, false);
        },
        (error: unknown) => done(Object.assign(new Error(String(error)), { returnCode: 3 }) as never, false),
      );
    },
    authorizePublish: (client, packet, done) => {
      // A broker-side publish (client null) is ours: always allowed.
      if (!client || surfaceOf(client).mayPublish(client.id, packet.topic)) return done(null);
      if (surface.refusedPublish === 'drop') {
        // Accepted on the wire but routed nowhere: no subscriber can hold a $conform/ topic (refused below).
        packet.topic = `${DROPPED_TOPIC}${packet.topic}`;
        return done(null);
      }
      // MQTT 3.1.1 has no negative PUBACK: the client is disconnected, as an aedes-based server does.
      return done(new Error(`publishing on "${packet.topic}" is not allowed`));
    },
    authorizeSubscribe: (client, subscription, done) => {
      if (subscription.topic.startsWith('$conform/')) return done(null, null);
      const qos = surfaceOf(client).subscribe(client.id, subscription.topic, subscription.qos);
      done(null, qos === null ? null : { ...subscription, qos: qos as 0 | 1 | 2 });
    },
    authorizeForward: (client, packet) => (surfaceOf(client).mayForward(client.id, packet.topic) ? packet : null),
    published: (packet, client, done) => {
      done(null);
      if (!client || packet.topic.startsWith(DROPPED_TOPIC)) return;
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      pipeline.mqtt(mockOf(client), surfaceOf(client), api(client), packet.topic, payload).then(
        (answers) => {
          if (answers === DROPPED) return client.close();
          for (const answer of answers) send(client, answer);
        },
        (error: unknown) => process.emitWarning(`conform mock: ${mock.family} MQTT message failed: ${(error as Error).stack ?? String(error)}`),
      );
    },
  });
  broker.on('clientDisconnect', (client) => {
    clients.delete(client);
    if (owners.get(client.id) !== client) return;
    owners.delete(client.id);
    surfaceOf(client).disconnected(client.id);
  });
  // A malformed packet or a protocol violation ends that client's connection only.
  broker.on('clientError', () => {});
  broker.on('connectionError', () => {});

  const server = net.createServer({ noDelay: true }, (socket) => {
    socket.setNoDelay(true);
    broker.handle(socket);
    guardMqttSocket(socket);
  });
  return {
    server,
    broker,
    close: () =>
      new Promise<void>((resolve) => {
        broker.close(() => server.close(() => void (shared ? shared.close().then(resolve) : resolve())));
        // Clients left connected would keep server.close() waiting.
        for (const socket of sockets(server)) socket.destroy();
      }),
  };
}

const tracked = new WeakMap<net.Server, Set<net.Socket>>();
function sockets(server: net.Server): Set<net.Socket> {
  let set = tracked.get(server);
  if (!set) {
    set = new Set();
    tracked.set(server, set);
    const own = set;
    server.on('connection', (s) => {
      own.add(s);
      s.on('close', () => own.delete(s));
    });
  }
  return set;
}

/** Starts tracking sockets from the first connection, so close() can end them. */
export function trackSockets(server: net.Server): void {
  sockets(server);
}
