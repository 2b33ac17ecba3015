import type { MockConfig } from './mock-config.ts';
import { parseStore } from '../store/redis-connection.ts';

/** The default first part of a deployment's Redis keys and channels. */
export const DEFAULT_STORE_PREFIX = 'conform';

/** Whether the configured store is Redis (several processes share it) rather than this process's memory. */
export function isRedisStore(store: string | undefined): boolean {
  return store !== undefined && parseStore(store).kind === 'redis';
}

export function storePrefix(config: Pick<MockConfig, 'storePrefix'>): string {
  return config.storePrefix ?? DEFAULT_STORE_PREFIX;
}
