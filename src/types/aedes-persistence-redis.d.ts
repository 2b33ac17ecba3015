// aedes-persistence-redis ships no type declarations. Only its promise-based class is used (aedes 1.x calls
// `await persistence.setup(broker)` and the promise API), constructed as the README shows.
declare module 'aedes-persistence-redis/asyncPersistence.js' {
  import type { Redis } from 'ioredis';

  interface RedisPersistenceOptions {
    conn?: Redis;
    maxSessionDelivery?: number;
  }

  export default class AsyncRedisPersistence {
    constructor(options?: RedisPersistenceOptions);
    destroy(): Promise<void>;
  }
}
