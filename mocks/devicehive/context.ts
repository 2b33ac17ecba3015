import type { FamilyContext } from '../../src/core/family-context.ts';
import type { UserDirectory } from './users.ts';

/** What every operation of the family reads: the users table, the behaviour switches, the token settings and the clock. */
export interface DeviceHiveContext extends FamilyContext {
  users: UserDirectory;
  secret: Uint8Array;
  tokenTtlSeconds: number;
}
