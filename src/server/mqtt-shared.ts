import MQEmitterRedis from 'mqemitter-redis';
import redisPersistence from 'aedes-persistence-redis';
import { connectRedis, parseStore } from '../store/redis-connection.ts';

/** What aedes takes to share one broker across processes: the message bus and the broker-wide persistence. */
export interface SharedBroker {
  mq: unknown;
  persistence: unknown;
  close(): Promise<void>;
}

/** Refuses the start once, in the primary of --workers, when the store does not answer (each worker would say it again). */
export async function pingStore(url: string): Promise<void> {
  const store = parseStore(url);
  if (store.kind === 'redis') (await connectRedis(store)).disconnect();
}

/**
 * One family's broker shared through Redis: mqemitter-redis carries every publish to the brokers of all processes
 * (so a response published by the process that handled a request reaches its subscriber wherever it is connected), and
 * aedes-persistence-redis keeps subscriptions, retained messages, QoS 1/2 queues and clean=false sessions.
 * Keys are under `<prefix>:_mqtt:<family>:` and channels under `<prefix>:_mqtt:<family>/` ("_" is in no tenant name,
 * so no tenant's keys can meet them): two deployments on one Redis, or two families of one deployment, never see each
 * other's messages. The channel prefix ends with the topic separator so that it is one topic level of its own: "#"
 * and "+" keep matching whole levels after it.
 */
export async function sharedBroker(url: string, prefix: string, family: string): Promise<SharedBroker> {
  const store = parseStore(url);
  if (store.kind !== 'redis') throw new Error(`sharedBroker needs a redis:// store`);
  const namespace = `${prefix}:_mqtt:${family}:`;
  const channels = `${prefix}:_mqtt:${family}/`;
  // The emitter's connections queue while reconnecting (a subscriber must re-subscribe; a publish waits, bounded by
  // the command timeout) rather than fail at once as the state's requests do.
  const queued = { extra: { enableOfflineQueue: true } };
  const pubConn = await connectRedis(store, queued);
  const subConn = await connectRedis(store, { extra: { enableOfflineQueue: true, commandTimeout: undefined } });
  const db = await connectRedis(store, { extra: { enableOfflineQueue: true, keyPrefix: namespace } });
  const Prefixed = (MQEmitterRedis as unknown as { MQEmitterRedisPrefix: new (prefix: string, options: object) => { close(cb: () => void): void } }).MQEmitterRedisPrefix;
  // matchEmptyLevels as aedes' own default emitter has it ([MQTT-4.7.1-3]: "a/#" matches "a").
  const mq = new Prefixed(channels, { pubConn, subConn, matchEmptyLevels: true });
  const persistence = redisPersistence({ conn: db });
  return {
    mq,
    persistence,
    close: async () => {
      // aedes closes the emitter (which quits its two connections); the persistence's connection is ours to end.
      await persistence.destroy().catch(() => undefined);
      pubConn.disconnect();
      subConn.disconnect();
    },
  };
}
