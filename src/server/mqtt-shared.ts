import { Redis } from 'ioredis';
import MQEmitterRedis from 'mqemitter-redis';
import redisPersistence from 'aedes-persistence-redis';
import { ToolError } from '../core/tool-error.ts';

/** How long a process waits for Redis at start-up before it refuses to start (ioredis alone would retry forever). */
const CONNECT_TIMEOUT_MS = 5000;

/** What aedes takes to share one broker across processes: the message bus and the broker-wide persistence. */
export interface SharedBroker {
  mq: unknown;
  persistence: unknown;
  close(): Promise<void>;
}

/** The store URL as an error may print it: host, port and database, never the password or user. */
export function redactedStoreUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'the configured redis:// URL';
  }
}

async function connected(url: string, keyPrefix?: string): Promise<Redis> {
  // lazyConnect: the first connection is awaited (and bounded) here, so a wrong URL refuses the start.
  const redis = new Redis(url, { lazyConnect: true, keyPrefix, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 3 });
  // Later connection errors are retried by ioredis; without a listener each one would be an unhandled 'error' event.
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new ToolError('CONFORM_ERR_STORE', `cannot reach the Redis store at ${redactedStoreUrl(url)}: ${(error as Error).message}`);
  }
  return redis;
}

/** Refuses the start once, in the primary of --workers, when the store does not answer (each worker would say it again). */
export async function pingStore(url: string): Promise<void> {
  (await connected(url)).disconnect();
}

/**
 * One family's broker shared through Redis: mqemitter-redis carries every publish to the brokers of all processes
 * (so a response published by the process that handled a request reaches its subscriber wherever it is connected), and
 * aedes-persistence-redis keeps subscriptions, retained messages, QoS 1/2 queues and clean=false sessions.
 * Keys are under `<prefix>mqtt:<family>:` and channels under `<prefix>mqtt:<family>/`: two deployments on one Redis,
 * or two families of one deployment, never see each other's messages. The channel prefix ends with the topic
 * separator so that it is one topic level of its own: "#" and "+" keep matching whole levels after it.
 */
export async function sharedBroker(url: string, prefix: string, family: string): Promise<SharedBroker> {
  const namespace = `${prefix}mqtt:${family}:`;
  const channels = `${prefix}mqtt:${family}/`;
  const pubConn = await connected(url);
  const subConn = await connected(url);
  const db = await connected(url, namespace);
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
