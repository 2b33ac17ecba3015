import type { Redis } from 'ioredis';
import type { FamilyMock } from '../core/family.ts';
import type { Durability, DurableOutcome } from '../core/pipeline.ts';
import type { VersionedStore } from '../core/store.ts';
import { Replica, type ReplicaCounters } from './replica.ts';
import { defineStoreScripts } from './redis-scripts.ts';

/** Every key conform writes in Redis starts so (unless --store-prefix gives another); the tenant and the family follow. */
export const KEY_PREFIX = 'conform';

/**
 * The Redis driver of the store (docs/decisions/0006-shared-store.md): the Durability of every exchange, keyed by the
 * family mock of one tenant, each with its replica. A mock it was not told of (none in practice) runs as in memory.
 */
export class SharedStore implements Durability {
  private readonly replicas = new WeakMap<FamilyMock, Replica>();
  readonly counters: ReplicaCounters = { commits: 0, reruns: 0, forcedConflicts: 0 };

  /** `prefix`: the deployment's (--store-prefix), so several deployments can share one Redis. */
  constructor(readonly redis: Redis, private readonly prefix: string = KEY_PREFIX) {
    defineStoreScripts(redis);
  }

  /** The stores `mock` was built with (collectStores), under the keys of (tenant, family). */
  attach(mock: FamilyMock, tenant: string, stores: Array<VersionedStore<unknown>>): void {
    this.replicas.set(mock, new Replica(this.redis, `${this.prefix}:${tenant}:${mock.family}`, stores, this.counters));
  }

  exchange<T>(scope: FamilyMock, run: () => Promise<T>): Promise<DurableOutcome<T>> {
    const replica = this.replicas.get(scope);
    if (!replica) return run().then((value) => ({ ok: true, value }));
    return replica.exchange(run);
  }

  /**
   * The HMAC secret every process on this Redis signs with, unless one was configured: the first process's random one
   * (SET NX), so a token issued by one process is accepted by the others.
   */
  async sharedSecret(candidate: string): Promise<string> {
    const key = `${this.prefix}:jwt-secret`;
    await this.redis.set(key, candidate, 'NX');
    return (await this.redis.get(key)) ?? candidate;
  }

  close(): void {
    this.redis.disconnect();
  }
}
