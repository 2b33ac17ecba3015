import type { Behaviour } from '../../src/core/behaviour.ts';
import type { UserDirectory } from './users.ts';

/** What every operation of the family reads: the users table, the behaviour switches, the token settings and the clock. */
export interface DhContext {
  users: UserDirectory;
  behaviour: Behaviour;
  secret: Uint8Array;
  tokenTtlSeconds: number;
  now: () => number;
}
