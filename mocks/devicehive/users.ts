import { IndexedStore, KeyIndex } from '../../src/core/store-index.ts';
import { VersionedStore } from '../../src/core/store.ts';
import type { Json } from './json.ts';

export const ROLE = { ADMIN: 0, CLIENT: 1 } as const;
export const STATUS = { ACTIVE: 0, LOCKED_OUT: 1, DISABLED: 2 } as const;
export type Role = 0 | 1;
export type Status = 0 | 1 | 2;

/** One row of the reference's dh_user table, as far as a client can observe it (devicehive.md §1-§2). */
export interface UserRecord {
  id: number;
  login: string;
  /** Kept in clear: the mock's state is test data, and a hash would add nothing a client could see. */
  password: string;
  role: Role;
  status: Status;
  /** Epoch ms, or null before the first login. */
  lastLogin: number | null;
  data: Json;
  introReviewed: boolean;
  allDeviceTypesAvailable: boolean;
  /** Failed logins since the last success; the tenth locks the user out (BaseUserService.java:140-163). */
  loginAttempts: number;
}

export interface UsersState {
  users: Array<{ id: string; version: number; source: UserRecord }>;
  nextId: number;
}

/**
 * The users table: documents in a VersionedStore keyed by the decimal id, plus the identity sequence, and the logins
 * indexed (the unique index of dh_user.login): every creation and login looks a login up, and a scan of all users
 * made both slow down with the table.
 */
export class UserDirectory {
  /** The identity sequence, a document of its own: all mutable state lives in stores (the shared store replicates stores only). */
  private readonly sequence: VersionedStore<{ next: number }>;
  private readonly logins = new KeyIndex<UserRecord, string>((user) => user.login);
  private readonly store: IndexedStore<UserRecord>;

  constructor(options: { refreshDelayMs: number; now: () => number }) {
    this.store = new IndexedStore<UserRecord>({ refreshDelayMs: options.refreshDelayMs, updateWindowMs: 0, now: options.now }, [this.logins]);
    this.sequence = new VersionedStore<{ next: number }>({ refreshDelayMs: 0, updateWindowMs: 0, now: options.now });
  }

  private get nextId(): number {
    return this.sequence.get('users')?.source.next ?? 1;
  }

  private set nextId(next: number) {
    this.sequence.put('users', { next }, { waitForRefresh: true });
  }

  get(id: number): UserRecord | undefined {
    return this.store.get(String(id))?.source;
  }

  /** UserDao.findByName: an exact match, as PostgreSQL compares. */
  byLogin(login: string): UserRecord | undefined {
    const ids = this.logins.ids(login);
    if (ids.size <= 1) {
      for (const id of ids) return this.store.get(id)?.source;
      return undefined;
    }
    // Two users with one login only come from a state file written so: the first in the table's order, as before.
    return this.store.all().find((doc) => doc.source.login === login)?.source;
  }

  all(): UserRecord[] {
    return this.store.all().map((doc) => doc.source).sort((a, b) => a.id - b.id);
  }

  /** Inserts with the next identity value (an IDENTITY column never reuses ids). */
  insert(fields: Omit<UserRecord, 'id'>): UserRecord {
    const id = this.nextId;
    this.nextId = id + 1;
    const record: UserRecord = { id, ...fields };
    this.store.create(String(record.id), record, { waitForRefresh: true });
    return record;
  }

  /** Writes a whole row; the row is replaced, never merged, so a stored object is never shared with a request. */
  save(record: UserRecord): void {
    this.store.put(String(record.id), record, { waitForRefresh: true });
    if (record.id >= this.nextId) this.nextId = record.id + 1;
  }

  delete(id: number): boolean {
    return this.store.delete(String(id));
  }

  replaceAll(records: UserRecord[]): void {
    this.store.clear();
    this.nextId = 1;
    for (const record of records) this.save(record);
  }

  export(): UsersState {
    return { users: this.store.export(), nextId: this.nextId };
  }

  import(state: UsersState): void {
    this.store.import(state.users);
    this.nextId = state.nextId;
  }
}
