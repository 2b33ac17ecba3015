import { isJsonObject } from './json.ts';
import type { UserRecord, UsersState } from './users.ts';

function isRecord(value: unknown): value is UserRecord {
  if (!isJsonObject(value)) return false;
  const r = value as Partial<UserRecord>;
  return (
    Number.isSafeInteger(r.id) &&
    typeof r.login === 'string' &&
    typeof r.password === 'string' &&
    (r.role === 0 || r.role === 1) &&
    (r.status === 0 || r.status === 1 || r.status === 2) &&
    (r.lastLogin === null || typeof r.lastLogin === 'number') &&
    Object.hasOwn(r, 'data') &&
    typeof r.introReviewed === 'boolean' &&
    typeof r.allDeviceTypesAvailable === 'boolean' &&
    typeof r.loginAttempts === 'number'
  );
}

/** The state `exportState` wrote, checked before it replaces anything: a broken file never half-loads. */
export function readState(state: unknown): UsersState {
  if (!isJsonObject(state) || !Array.isArray(state.users) || !Number.isSafeInteger(state.nextId)) throw new Error('devicehive state: expected {users: [...], nextId}');
  const users = state.users.map((entry, index) => {
    if (!isJsonObject(entry) || typeof entry.id !== 'string' || !Number.isSafeInteger(entry.version) || !isRecord(entry.source)) {
      throw new Error(`devicehive state: /users/${index} is not a stored user`);
    }
    return { id: entry.id, version: entry.version as number, source: structuredClone(entry.source) };
  });
  return { users, nextId: state.nextId as number };
}
