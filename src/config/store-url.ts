import type { MockConfig } from './mock-config.ts';

/** The default prefix of a deployment's Redis keys and channels. */
export const DEFAULT_STORE_PREFIX = 'conform:';

/** Whether the configured store is Redis (several processes share it) rather than this process's memory. */
export function isRedisStore(store: string | undefined): boolean {
  return store !== undefined && /^rediss?:\/\//.test(store);
}

export function storePrefix(config: Pick<MockConfig, 'storePrefix'>): string {
  return config.storePrefix ?? DEFAULT_STORE_PREFIX;
}
