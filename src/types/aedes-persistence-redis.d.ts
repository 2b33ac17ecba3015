// aedes-persistence-redis ships no type declarations. Its default export wraps the Redis persistence in the layer
// aedes 1.x calls (promises, and readable streams for retained messages and queues), constructed as the README shows.
declare module 'aedes-persistence-redis' {
  import type { Redis } from 'ioredis';

  interface RedisPersistenceOptions {
    conn?: Redis;
    maxSessionDelivery?: number;
  }

  interface RedisPersistence {
    destroy(): Promise<void>;
  }

  export default function redisPersistence(options?: RedisPersistenceOptions): RedisPersistence;
}
