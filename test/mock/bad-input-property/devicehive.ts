// DeviceHive under generated bad input: PUT /user/current over REST, user/updateCurrent over WebSocket and on MQTT's
// dh/request, as a client-role user (so no case can lock the user out: login, role and status are the
// administrator's, devicehive.md §1.4 step 3). Every answer is DeviceHive's (REST {error, message} or 204; WebSocket
// {status:'error', code, error} or success), the user still reads back, and changes only on a success, as the
// documented profile writes it: a client changes its data (and password, which is never read back).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import mqtt, { type MqttClient } from 'mqtt';
import { startTestMock, url } from '../../helpers/start-mock.ts';
import type { RunningMock } from '../../../src/server/mock-server.ts';
import { exceedsJsonDepth } from '../../../src/core/json-depth.ts';
import { DEVICEHIVE_MAX_JSON_DEPTH } from '../../../mocks/devicehive/json-depth-limit.ts';
import { anyValue, contentType, garbage, jsonValue, payloadBuffer, payloadValue, type Payload } from './arbitraries.ts';
import { describe, httpSend, Inbox, openSocket, parseJsonText } from './exchange.ts';
import { Tally, type Kind, type Surface } from './surface.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const CLIENT = { login: 'property-client', password: 'property-password-1' };

interface Session {
  mock: RunningMock;
  base: string;
  token: string;
}

async function startSession(): Promise<Session> {
  const mock = await startTestMock(['devicehive']);
  const base = url(mock, 'devicehive');
  const login = async (credentials: { login: string; password: string }) => {
    const res = await httpSend(base, { method: 'POST', path: '/token', headers: JSON_TYPE, body: Buffer.from(JSON.stringify(credentials)) });
    assert.equal(res.status, 201, `${credentials.login} logs in`);
    return (res.json as { accessToken: string }).accessToken;
  };
  const admin = await login({ login: 'dhadmin', password: 'dhadmin_#911' });
  const created = await httpSend(base, { method: 'POST', path: '/user', headers: { ...JSON_TYPE, authorization: `Bearer ${admin}` }, body: Buffer.from(JSON.stringify({ ...CLIENT, role: 1, status: 0 })) });
  assert.equal(created.status, 201, 'the client user is created');
  return { mock, base, token: await login(CLIENT) };
}

type User = Record<string, unknown>;

async function readUser(session: Session): Promise<User> {
  const res = await httpSend(session.base, { method: 'GET', path: '/user/current', headers: { authorization: `Bearer ${session.token}` } });
  assert.equal(res.status, 200, `GET /user/current still answers 200: ${res.text.slice(0, 200)}`);
  return res.json as User;
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * updateUser succeeded, as the mock's documented profile (the one tests run) writes it: no update at all for an absent
 * body; otherwise a client changes only "their own password and data fields" (restrictedFields, from the documents),
 * so data is replaced when given and everything else read back is unchanged. The reference's own rules (data cleared
 * when omitted, introReviewed writable, devicehive.md §1.4 steps 7-8) are deviations of that profile.
 */
function assertApplied(before: User, after: User, update: unknown, label: string): void {
  if (update === undefined) return assert.deepEqual(after, before, `${label}: an empty body changes nothing`);
  assert.ok(isObject(update), `${label}: only an object is applied`);
  const expected = Object.hasOwn(update, 'data') ? { ...before, data: update.data } : before;
  assert.deepEqual(after, expected, `${label}: the stored user is the update applied`);
}

const userKey = fc.constantFrom('login', 'role', 'status', 'password', 'data', 'introReviewed', 'id', 'lastLogin', 'allDeviceTypesAvailable', 'networks', 'unknownField');
const validUser = fc.record(
  { data: fc.oneof(fc.constant(null), fc.dictionary(fc.string({ maxLength: 8 }), jsonValue, { maxKeys: 3 })), password: fc.string({ unit: 'grapheme-ascii', minLength: 6, maxLength: 20 }) },
  { requiredKeys: [] },
);
const nearUser = (maxLength: number) => fc.oneof({ weight: 3, arbitrary: fc.dictionary(userKey, anyValue(maxLength), { maxKeys: 4 }) }, { weight: 1, arbitrary: anyValue(maxLength) });

// ---- REST -------------------------------------------------------------------------------------------------------

interface HttpCase {
  kind: Kind;
  auth: 'valid' | 'none' | 'garbage';
  contentType: string | undefined;
  payload: Payload;
}

const httpCases: fc.Arbitrary<HttpCase> = fc.oneof(
  fc.record({ kind: fc.constant<Kind>('valid'), auth: fc.constant('valid' as const), contentType: fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8'), payload: validUser.map((json): Payload => ({ json })) }),
  fc.record({
    kind: fc.constant<Kind>('near-valid'),
    auth: fc.oneof({ weight: 8, arbitrary: fc.constant('valid' as const) }, { weight: 1, arbitrary: fc.constantFrom('none' as const, 'garbage' as const) }),
    contentType: fc.oneof({ weight: 5, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: contentType }),
    payload: nearUser(1_200_000).map((json): Payload => ({ json })),
  }),
  fc.record({ kind: fc.constant<Kind>('garbage'), auth: fc.constant('valid' as const), contentType, payload: garbage }),
);

/** DeviceHive's REST error (ErrorResponse.java, devicehive.md §1.7): {error: <status>, message}. */
function assertRestError(status: number, body: unknown, label: string): void {
  assert.ok(status >= 400 && status < 500, `${label}: a client error, not ${status} (no 5xx for a client-role user, devicehive.md §1.8): ${describe(body)}`);
  assert.ok(isObject(body), `${label}: the error is a JSON object`);
  assert.equal(body.error, status, `${label}: error is the HTTP status`);
  assert.equal(typeof body.message, 'string', `${label}: the error has a message`);
}

export async function devicehiveHttp(): Promise<Surface<HttpCase>> {
  const session = await startSession();
  const tally = new Tally();
  return {
    cases: httpCases,
    tally,
    async check(c) {
      const label = `${c.kind} ${describe(c)}`;
      const before = await readUser(session);
      const headers: Record<string, string> = {};
      if (c.contentType !== undefined) headers['content-type'] = c.contentType;
      if (c.auth === 'valid') headers.authorization = `Bearer ${session.token}`;
      if (c.auth === 'garbage') headers.authorization = 'Bearer not-a-token';
      const body = payloadBuffer(c.payload);
      const answer = await httpSend(session.base, { method: 'PUT', path: '/user/current', headers, body });
      tally.add(c.kind, answer.status);
      if (c.kind === 'valid') assert.equal(answer.status, 204, `${label}: a valid update succeeds: ${answer.text.slice(0, 300)}`);
      if (answer.status !== 204) assertRestError(answer.status, answer.json, label);
      else assert.equal(answer.text, '', `${label}: 204 has no body`);
      const after = await readUser(session);
      if (answer.status !== 204) return assert.deepEqual(after, before, `${label}: a refused request changes nothing`);
      const text = body.toString('utf8');
      assertApplied(before, after, text.trim() === '' ? undefined : payloadValue({ text })?.value, label);
    },
    close: () => session.mock.stop(),
  };
}

// ---- WebSocket and MQTT -----------------------------------------------------------------------------------------

interface FrameCase {
  kind: Kind;
  raw?: Payload;
  fields?: Record<string, unknown>;
}

/** Four values of 50,000 four-byte characters stay under the 1 MiB frame limit, past which the frame is refused. */
const MAX_FRAME_STRING = 50_000;
const frameCases: fc.Arbitrary<FrameCase> = fc.oneof(
  fc.record({ kind: fc.constant<Kind>('valid'), fields: fc.record({ action: fc.constant('user/updateCurrent'), requestId: fc.uuid(), user: validUser }) }),
  fc.record({
    kind: fc.constant<Kind>('near-valid'),
    fields: fc.record(
      {
        action: fc.oneof({ weight: 8, arbitrary: fc.constant('user/updateCurrent') }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 10 }), jsonValue) }),
        requestId: fc.oneof(fc.uuid(), jsonValue),
        user: nearUser(MAX_FRAME_STRING),
        userId: jsonValue,
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ kind: fc.constant<Kind>('garbage'), raw: garbage }),
);

/**
 * The frame's text. Garbage bytes go as text too: the WebSocket API is a Spring TextWebSocketHandler, and what it does
 * with a binary frame is not in the research, so no binary frame is sent.
 */
function frameOf(c: FrameCase): { data: string; message: unknown } {
  if (c.raw) {
    const data = payloadBuffer(c.raw).toString('utf8');
    return { data, message: parseJsonText(data) };
  }
  const text = JSON.stringify(c.fields);
  return { data: text, message: JSON.parse(text) };
}

/** What the WebSocket API reads: a JSON object within Jackson's nesting limit; anything else is "Malformed Json". */
const readable = (message: unknown): message is Record<string, any> => isObject(message) && !exceedsJsonDepth(message, DEVICEHIVE_MAX_JSON_DEPTH);

/**
 * One answer of the WebSocket API (devicehive.md §4): {action, requestId, status:'success'} or
 * {status:'error', code, error}; the only 500 is for an action missing or not a string.
 */
function assertWsAnswer(answer: unknown, message: unknown, label: string): 'success' | 'error' {
  assert.ok(isObject(answer), `${label}: the answer is a JSON object`);
  if (answer.status === 'success') {
    assert.ok(readable(message), `${label}: only a readable message succeeds`);
    assert.equal(answer.action, 'user/updateCurrent', label);
    assert.deepEqual(answer.requestId, message.requestId ?? null, `${label}: the request's id`);
    return 'success';
  }
  assert.equal(answer.status, 'error', `${label}: status is success or error: ${describe(answer)}`);
  assert.equal(typeof answer.code, 'number', `${label}: the error has a numeric code`);
  assert.equal(typeof answer.error, 'string', `${label}: the error has a text`);
  if (answer.code >= 500) {
    const action = readable(message) ? message.action : 'not read';
    assert.ok(action === undefined || action === null || typeof action === 'object' || action === '', `${label}: 500 only for an action missing or not a string (devicehive.md §4): ${describe(answer)}`);
  } else assert.ok(answer.code >= 400, `${label}: an error code (${answer.code})`);
  if (readable(message)) {
    assert.deepEqual(answer.action, message.action ?? null, `${label}: the answer names the request's action`);
    assert.deepEqual(answer.requestId, message.requestId ?? null, `${label}: the request's id`);
  } else assert.deepEqual(answer, { code: 400, status: 'error', error: 'Malformed Json received.' }, `${label}: unreadable text`);
  return 'error';
}

async function afterAnswer(session: Session, before: User, outcome: 'success' | 'error', message: unknown, label: string): Promise<void> {
  const after = await readUser(session);
  if (outcome === 'error') return assert.deepEqual(after, before, `${label}: a refused request changes nothing`);
  assertApplied(before, after, (message as { user: unknown }).user, label);
}

export async function devicehiveWs(): Promise<Surface<FrameCase>> {
  const session = await startSession();
  const ws = await openSocket(url(session.mock, 'devicehive', 'ws'));
  ws.socket.send(JSON.stringify({ action: 'authenticate', requestId: 'auth', token: session.token }));
  assert.equal((parseJsonText((await ws.inbox.next()) ?? '') as { status?: string })?.status, 'success', 'the WebSocket session authenticates');
  const tally = new Tally();
  return {
    cases: frameCases,
    tally,
    async check(c) {
      const label = `WebSocket ${c.kind} ${describe(c)}`;
      const before = await readUser(session);
      const frame = frameOf(c);
      ws.socket.send(frame.data);
      const text = await ws.inbox.next();
      assert.ok(text !== undefined, `${label}: answered within the bound`);
      const outcome = assertWsAnswer(parseJsonText(text), frame.message, label);
      tally.add(c.kind, outcome === 'success' ? outcome : `error ${(parseJsonText(text) as { code: number }).code}`);
      if (c.kind === 'valid') assert.equal(outcome, 'success', `${label}: a valid update succeeds: ${text.slice(0, 300)}`);
      await afterAnswer(session, before, outcome, frame.message, label);
      assert.deepEqual(ws.inbox.drain(), [], `${label}: one answer, no more`);
      assert.equal(ws.closed(), undefined, 'the socket stays open');
    },
    async close() {
      ws.socket.close();
      await session.mock.stop();
    },
  };
}

/**
 * devicehive-mqtt publishes each answer on dh/response/<action>@<clientId>, to a client subscribed to exactly that
 * topic (devicehive.md §5). This client subscribes to user/updateCurrent's and user/getCurrent's: an answer to
 * anything but a readable user/updateCurrent request (malformed text has no action: "effectively lost") is heard by
 * nobody. A user/getCurrent sent after such a case is the barrier: its answer shows the case got none.
 */
export async function devicehiveMqtt(): Promise<Surface<FrameCase>> {
  const session = await startSession();
  const clientId = 'property-devicehive';
  const topic = (action: string) => `dh/response/${action}@${clientId}`;
  const client: MqttClient = await mqtt.connectAsync(url(session.mock, 'devicehive', 'mqtt'), { clientId, reconnectPeriod: 0 });
  const inboxes = new Map([topic('authenticate'), topic('user/updateCurrent'), topic('user/getCurrent')].map((t) => [t, new Inbox<string>()]));
  const stray = new Inbox<string>();
  client.on('message', (t, payload) => (inboxes.get(t) ?? stray).push(payload.toString()));
  let closed = false;
  client.on('close', () => (closed = true));
  await client.subscribeAsync(topic('authenticate'));
  client.publish('dh/request', JSON.stringify({ action: 'authenticate', requestId: 'auth', token: session.token }));
  assert.equal((parseJsonText((await inboxes.get(topic('authenticate'))!.next()) ?? '') as { status?: string })?.status, 'success', 'the MQTT client authenticates');
  await client.subscribeAsync([topic('user/updateCurrent'), topic('user/getCurrent')]);
  const answers = inboxes.get(topic('user/updateCurrent'))!;
  const barriers = inboxes.get(topic('user/getCurrent'))!;
  let barrier = 0;
  const tally = new Tally();
  return {
    cases: frameCases,
    tally,
    async check(c) {
      const label = `MQTT ${c.kind} ${describe(c)}`;
      const before = await readUser(session);
      const frame = frameOf(c);
      client.publish('dh/request', frame.data);
      const heard = readable(frame.message) && frame.message.action === 'user/updateCurrent';
      if (heard) {
        const text = await answers.next();
        assert.ok(text !== undefined, `${label}: answered within the bound`);
        const outcome = assertWsAnswer(parseJsonText(text), frame.message, label);
        tally.add(c.kind, outcome === 'success' ? outcome : `error ${(parseJsonText(text) as { code: number }).code}`);
        if (c.kind === 'valid') assert.equal(outcome, 'success', `${label}: a valid update succeeds: ${text.slice(0, 300)}`);
        await afterAnswer(session, before, outcome, frame.message, label);
      } else {
        tally.add(c.kind, 'no answer');
        const id = `barrier-${++barrier}`;
        client.publish('dh/request', JSON.stringify({ action: 'user/getCurrent', requestId: id }));
        const text = await barriers.next();
        assert.equal((parseJsonText(text ?? '') as { requestId?: string })?.requestId, id, `${label}: the broker still answers (user/getCurrent)`);
        assert.deepEqual(await readUser(session), before, `${label}: a request nobody hears the answer to changes nothing`);
      }
      assert.deepEqual(answers.drain(), [], `${label}: no other answer on ${topic('user/updateCurrent')}`);
      assert.deepEqual(stray.drain(), [], `${label}: nothing on another topic`);
      assert.equal(closed, false, 'the MQTT connection stays open');
    },
    async close() {
      await client.endAsync(true);
      await session.mock.stop();
    },
  };
}
