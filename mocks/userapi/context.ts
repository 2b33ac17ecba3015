import type { FamilyContext } from '../../src/core/family-context.ts';
import type { UserTable } from './users.ts';

/** What every route of the family reads: the users table, the behaviour switches, the token settings and the clock. */
export interface UserapiContext extends FamilyContext {
  table: UserTable;
  secret: Uint8Array;
  tokenTtlSeconds: number;
}
