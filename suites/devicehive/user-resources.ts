// Generated DeviceHive User resources (issue 12), shared by the generated tests of PUT /user/current, the
// user/updateCurrent message, PUT /user/{id} and the WebSocket user/update: drawn by json-schema-faker from
// user-update.json, narrowed to what the documents and the reference server accept (docs/generative.md).
import { expect, secret, uniqueName } from '../harness.ts';
import type { DhApi, DhUser, WsChannel } from './fixtures.ts';
import { acceptedValues } from '../generative/accepted.ts';

export type User = Record<string, unknown>;
const ROOT = 'devicehive/user-update.json';
export const PASSWORD_RULE = 'Password can contain only from 6 to 128 symbols!';

/**
 * The User resource, narrowed: passwords of 6 to 40 letters and digits (the reference server's 6..128 rule, no
 * characters a server might normalise), data a flat object of strings, integers and booleans (numbers that JSON
 * libraries may rewrite, 1.0 or 1e21, are never sent), never null (null-as-absent is a SHOULD the documents leave
 * open), and data always present: the reference server clears an omitted data (devicehive-4 profile).
 */
const data = { type: 'object', additionalProperties: false, minProperties: 1, patternProperties: { '^[a-z][a-zA-Z0-9]{0,11}$': { type: ['string', 'integer', 'boolean'], pattern: '^[A-Za-z0-9 ]{0,20}$', minimum: -1000000, maximum: 1000000 } } };
const password = { type: 'string', pattern: '^[A-Za-z0-9]{6,40}$' };
const CLIENT_SCHEMA = { type: 'object', required: ['data'], additionalProperties: false, properties: { password, data } };
const ADMIN_SCHEMA = { type: 'object', required: ['data', 'role', 'status'], additionalProperties: false, properties: { password, data, role: { enum: [0, 1] }, status: { enum: [0, 1, 2] }, introReviewed: { type: 'boolean' } } };

/** `count` generated User resources, each inside the document's schema; an admin's get a fresh unique login. */
export function users(count: number, seed: number, admin = false): User[] {
  return acceptedValues(admin ? ADMIN_SCHEMA : CLIENT_SCHEMA, ROOT, ROOT, count, seed, (v) => {
    if (typeof v.password === 'string') secret(v.password);
    return admin ? { ...v, login: uniqueName('dhgen') } : v;
  });
}

/** The caller's password logs in (POST /token 201). */
export async function expectPassword(api: DhApi, user: DhUser, what: string): Promise<void> {
  expect((await api.login(user.login, user.password)).status, `POST /token with ${what}`).toBe(201);
}

/** The administrator's WebSocket session of a test (user/update needs ManageUser: the admin's login token has it). */
const sessions = new WeakMap<DhApi, Promise<WsChannel>>();
/** An administrator's WebSocket user/update of user `userId` with `user`: the answer message. */
export async function adminWsUpdate(api: DhApi, userId: number, user: unknown): Promise<any> {
  let session = sessions.get(api);
  if (!session) sessions.set(api, (session = api.wsAs(api.admin.token)));
  return (await session).request({ action: 'user/update', requestId: uniqueName('gupd'), userId, user });
}
