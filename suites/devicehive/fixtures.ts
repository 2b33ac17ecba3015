/**
 * DeviceHive fixtures: fresh users made through the REST API (POST /user as the target's administrator, deleted at the
 * end), their tokens (POST /token, POST /token/create), and clients for the three transports: REST (httpCall),
 * WebSocket sessions and MQTT clients of the devicehive-mqtt broker (suites/clients). Each concern is a fixture of its
 * own (fixtures/session.ts, users.ts, sockets.ts), merged here with mergeTests into the one `api` the checks use.
 */
import { mergeTests } from '@playwright/test';
import { checksFor, uniqueName, type BaseFixtures } from '../harness.ts';
import type { Target } from '../../src/target/target.ts';
import type { Transport } from '../../src/specs/families.ts';
import { ANSWER_MS as SHARED_ANSWER_MS } from '../clients/wait.ts';
import { MqttChannel } from './fixtures/channels.ts';
import type { Outcome } from './fixtures/outcome.ts';
import { test as sessionTest, type Session } from './fixtures/session.ts';
import { test as socketsTest, type Caller, type Sockets } from './fixtures/sockets.ts';
import { test as usersTest, type Users } from './fixtures/users.ts';

export { schemaProblem } from '../clients/schema.ts';
export { MqttChannel, uniqueClientId, WsChannel, type MqttMessage } from './fixtures/channels.ts';
export { describe, expect2xx, expect4xx, expectOk, expectRefused, type Outcome } from './fixtures/outcome.ts';
export type { DhUser } from './fixtures/session.ts';
export type { Caller } from './fixtures/sockets.ts';
export { CLIENT_PASSWORD } from './fixtures/users.ts';

/** How long an answer may take before a test says it never came (suites/clients/wait.ts). */
export const ANSWER_MS = SHARED_ANSWER_MS;
/** How long a test listens to be sure that nothing (more) arrives. */
export const QUIET_MS = 600;

export interface UpdateOptions {
  /** The requestId to send (ws, mqtt); default a fresh string. */
  requestId?: unknown;
  /** Send no requestId at all. */
  omitRequestId?: boolean;
  /** Send no user member at all (ws, mqtt). */
  omitUser?: boolean;
  /** REST only: this text as the body instead of JSON.stringify(user). */
  raw?: string;
  /** MQTT only: the QoS of the request publish. */
  qos?: 0 | 1;
}

export interface DhApi extends Omit<Session, 'post' | 'delete'>, Users, Sockets {
  target: Target;
  /**
   * The caller updates itself: PUT /user/current (http), user/updateCurrent over a WebSocket session (ws) or an MQTT
   * client (mqtt) authenticated with the caller's token (one session per token and transport, reused).
   */
  updateCurrent(transport: Transport, caller: Caller, user: unknown, options?: UpdateOptions): Promise<Outcome>;
}

/** user/updateCurrent over the caller's transport, its answer in one shape. */
async function updateCurrent(session: Session, sockets: Sockets, transport: Transport, caller: Caller, user: unknown, options: UpdateOptions): Promise<Outcome> {
  if (transport === 'http') {
    const res = await session.put('/user/current', user, session.bearer(caller.token), options.raw);
    const ok = res.status >= 200 && res.status < 300;
    return { transport, ok, code: res.status, message: typeof res.json?.message === 'string' ? res.json.message : undefined, http: res };
  }
  const message: Record<string, unknown> = { action: 'user/updateCurrent' };
  if (!options.omitRequestId) message.requestId = 'requestId' in options ? options.requestId : uniqueName('req');
  if (!options.omitUser) message.user = user;
  const channel = await sockets.channel(transport, caller);
  const answer = channel instanceof MqttChannel ? await channel.request(message, { qos: options.qos ?? 0 }) : await channel.request(message);
  return {
    transport,
    ok: answer?.status === 'success',
    code: typeof answer?.code === 'number' ? answer.code : undefined,
    message: typeof answer?.error === 'string' ? answer.error : undefined,
    answer,
  };
}

// Session, users, sockets: teardown runs the other way round (sockets closed, users deleted, the admin restored).
export const test = mergeTests(sessionTest, usersTest, socketsTest).extend<{ api: DhApi }>({
  api: async ({ target, session, users, sockets }, use) => {
    const { post: _post, delete: _delete, ...rest } = session;
    await use({ target, ...rest, ...users, ...sockets, updateCurrent: (transport, caller, user, options = {}) => updateCurrent(session, sockets, transport, caller, user, options) });
  },
});

/** Declares the tests of one or more DeviceHive requirements (the first id names them), one per shared transport. */
export const check = checksFor<BaseFixtures & { api: DhApi }>(test, 'devicehive');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
