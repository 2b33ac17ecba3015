/**
 * The kuzzle family's fixtures: everything a test needs to talk to a Kuzzle 2 target over HTTP, WebSocket and MQTT,
 * and to create the roles, profiles, users and indexes a check needs (deleted again when the test ends). Each concern
 * is a fixture of its own (fixtures/session.ts, resources.ts, channels.ts), merged here with mergeTests into the one
 * `api` the checks use.
 */
import { mergeTests } from '@playwright/test';
import { checksFor, expect, type BaseFixtures } from '../harness.ts';
import type { Target } from '../../src/target/target.ts';
import type { Transport } from '../../src/specs/families.ts';
import { ANSWER_MS } from '../clients/wait.ts';
import type { Answer } from './fixtures/answer.ts';
import { test as channelsTest, type Channels } from './fixtures/channels.ts';
import { operationsOn, type On } from './fixtures/operations.ts';
import { test as resourcesTest, type Resources } from './fixtures/resources.ts';
import type { HttpOptions, Session } from './fixtures/session.ts';

export { schemaProblem } from '../clients/schema.ts';
export { answerOf, expectError, expectOk, normalizePolicies, type Answer } from './fixtures/answer.ts';
export { REQUEST_TOPIC, RESPONSE_TOPIC, type Channels, type Connection } from './fixtures/channels.ts';
export type { CallOptions, On } from './fixtures/operations.ts';
export { RIGHTS_R, RIGHTS_R2, type Resources, type User } from './fixtures/resources.ts';
export type { Transport };
export { expect };

/** How long any network wait may take before the test fails, saying what it waited for (suites/clients/wait.ts). */
export const WAIT_MS = ANSWER_MS;

export interface KuzzleApi extends Resources, Channels {
  target: Target;
  /** The admin's token (one login per test, never logged out: Kuzzle may hand the same token to parallel logins). */
  admin(): Promise<string>;
  /** The operations over a transport. */
  on(transport: Transport): On;
  /** An HTTP request; token adds Authorization: Bearer. */
  http(method: string, path: string, options?: HttpOptions): Promise<Answer>;
  /** GET /_me with the token: its result. */
  me(token: string): Promise<any>;
  /** GET /users/<kuid> as A: its result. */
  getUser(kuid: string): Promise<any>;
  /** GET /profiles/<id> as A: the whole answer. */
  getProfileAnswer(id: string): Promise<Answer>;
  /** GET /profiles/<id> as A: its result._source. */
  profileSource(id: string): Promise<any>;
  /** POST /users/_search as A with an ids query: the hits. */
  searchUsers(kuids: string[]): Promise<any[]>;
  /** POST /profiles/_search as A with {roles}: the hits. */
  searchProfiles(roles: string[]): Promise<any[]>;
  /** Every answer of the test, in order (for the envelope checks). */
  readonly answers: Answer[];
}

/** The reads the checks make as the admin, over HTTP. */
function readsOf(session: Session): Pick<KuzzleApi, 'me' | 'getUser' | 'getProfileAnswer' | 'profileSource' | 'searchUsers' | 'searchProfiles'> {
  const { adminCall, http } = session;
  const profilePath = (id: string) => `/profiles/${encodeURIComponent(id)}`;
  return {
    me: async (token) => {
      const answer = await http('GET', '/_me', { token });
      if (answer.status !== 200) throw new Error(`GET /_me answered ${answer.httpStatus} ${answer.text.slice(0, 300)}`);
      return answer.json?.result;
    },
    getUser: (kuid) => adminCall(`reading user ${kuid}`, 'GET', `/users/${encodeURIComponent(kuid)}`),
    getProfileAnswer: (id) => session.admin().then((token) => http('GET', profilePath(id), { token })),
    profileSource: (id) => adminCall(`reading profile ${id}`, 'GET', profilePath(id)).then((r) => r?._source),
    searchUsers: (kuids) => adminCall('searching users', 'POST', '/users/_search', { query: { ids: { values: kuids } } }).then((r) => r?.hits ?? []),
    searchProfiles: (roles) => adminCall('searching profiles', 'POST', '/profiles/_search', { roles }).then((r) => r?.hits ?? []),
  };
}

// Resources before channels: teardown runs the other way round, so connections close before the deletions.
export const test = mergeTests(resourcesTest, channelsTest).extend<{ api: KuzzleApi }>({
  api: async ({ target, session, resources, channels }, use) => {
    await use({
      target,
      admin: session.admin,
      http: session.http,
      answers: session.answers,
      on: (transport) => operationsOn(session, channels, transport),
      ...resources,
      ...channels,
      ...readsOf(session),
    });
  },
});

export type Fixtures = { api: KuzzleApi; transport: Transport; transcript: BaseFixtures['transcript']; target: Target };

/** Declares the tests of kuzzle requirements (one per transport): see suites/harness.ts. */
export const check = checksFor<BaseFixtures & { api: KuzzleApi }>(test, 'kuzzle');
