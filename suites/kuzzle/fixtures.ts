/**
 * The kuzzle family's fixture: everything a test needs to talk to a Kuzzle 2 target over HTTP, WebSocket and MQTT,
 * and to create (through the real API, as the admin of the target file) the roles, profiles, users and indexes a
 * check needs, with unique names, deleted again when the test ends.
 *
 * Vocabulary (specs/catalogue/kuzzle.yaml): A = the admin; R = a role allowing the auth actions a user needs
 * (updateSelf included); Q = a profile {policies: [{roleId: R}], rateLimit: 0}; U, V = users with profile Q and local
 * credentials; P = a profile {policies: [{roleId: "default"}]} for updateProfile checks.
 */
import WebSocket from 'ws';
import mqtt, { type MqttClient } from 'mqtt';
import { conformance, expect, httpCall, secret, test as base, uniqueName, type BaseFixtures, type Transcript } from '../harness.ts';
import type { Target } from '../../src/target/target.ts';
import type { Transport } from '../../src/specs/families.ts';
import { ANSWER_MS } from '../clients/wait.ts';

export { schemaProblem } from '../clients/schema.ts';
import { recordAnswer, recordTransportFailure } from '../../src/runner/circuit-breaker.ts';

export type { Transport };

/** How long any network wait may take before the test fails, saying what it waited for (suites/clients/wait.ts). */
export const WAIT_MS = ANSWER_MS;
/**
 * The fixtures' writes do not wait for the storage's refresh (the security controller waits by default, about a
 * second a write on a real Kuzzle): nothing a fixture creates is searched for before a write that waits itself.
 */
const NO_WAIT = 'refresh=false';
export const REQUEST_TOPIC = 'Kuzzle/request';
export const RESPONSE_TOPIC = 'Kuzzle/response';

/** One answer, whatever the transport. */
export interface Answer {
  transport: Transport;
  /** The envelope's status; the HTTP status line when the body is not an envelope. */
  status: number;
  /** HTTP only: the status line. */
  httpStatus?: number;
  /** HTTP only: the response headers. */
  headers?: Headers;
  /** The parsed body (HTTP), message (WebSocket) or payload (MQTT); undefined when it is not JSON. */
  json: any;
  /** The raw text of the body, message or payload. */
  text: string;
  /** MQTT only: the topic the answer came on. */
  topic?: string;
}

export interface CallOptions {
  /** Arguments: the HTTP query string (true: a bare flag such as ?force), top-level keys of a message. */
  args?: Record<string, unknown>;
  /** HTTP only: the route instead of the documented one (e.g. the deprecated /_updateSelf). */
  path?: string;
  /** HTTP only: extra request headers. */
  headers?: Record<string, string>;
  /** HTTP only: the body text as given (sent as application/json). */
  rawBody?: string;
  /** volatile: the X-Kuzzle-Volatile header (HTTP), the volatile key (messages). */
  volatile?: Record<string, unknown>;
  /** The requestId of a message (default: a fresh one); HTTP: the X-Kuzzle-Request-Id header. */
  requestId?: string;
  /** Messages: send "jwt": null when there is no token (default: no jwt key). */
  jwtNull?: boolean;
  /** Messages: the connection to use (default: the test's own). */
  via?: Connection;
}

/** A user created by the test. */
export interface User {
  kuid: string;
  username: string;
  password: string;
  /** The token of its login over HTTP ('' when created with login: false). */
  token: string;
  profileIds: string[];
}

/** The operations of the catalogue over one transport. */
export interface On {
  transport: Transport;
  /** auth:updateSelf (HTTP: PUT /_me; body undefined sends no body). */
  updateSelf(token: string | null, body: unknown, options?: CallOptions): Promise<Answer>;
  /** security:updateProfile (HTTP: PUT /profiles/<id>/_update; id undefined leaves _id out of a message). */
  updateProfile(token: string | null, id: string | undefined, body: unknown, options?: CallOptions): Promise<Answer>;
  /** auth:login with the local strategy (HTTP: POST /_login/local). */
  login(username: string, password: string, options?: CallOptions): Promise<Answer>;
  /** auth:checkToken (HTTP: POST /_checkToken). */
  checkToken(body: unknown, options?: CallOptions): Promise<Answer>;
}

/** A WebSocket connection or an MQTT client of the test. */
export interface Connection {
  transport: 'ws' | 'mqtt';
  /** Sends a request message (requestId added unless it has one) and waits for its answer. */
  request(message: Record<string, unknown>, what?: string): Promise<Answer>;
  /** Sends a text as is (no answer awaited). */
  sendRaw(text: string): void;
  /** Waits for the next incoming message, from now on, that satisfies pred. */
  next(pred: (a: Answer) => boolean, what: string, timeoutMs?: number): Promise<Answer>;
  /** Every message received so far, in order. */
  readonly received: Answer[];
  /** The answers received to requests this connection did not send (or a second answer to one it did). */
  readonly strays: Answer[];
  close(): Promise<void>;
}

export interface KuzzleApi {
  target: Target;
  /** The admin's token (one login per test, never logged out: Kuzzle may hand the same token to parallel logins). */
  admin(): Promise<string>;
  /** The operations over a transport. */
  on(transport: Transport): On;
  /** The test's own WebSocket connection / MQTT client (opened on first use, closed at the end). */
  connection(transport: 'ws' | 'mqtt'): Promise<Connection>;
  /** Another WebSocket connection / MQTT client, closed at the end of the test. */
  newConnection(transport: 'ws' | 'mqtt', options?: { subscribe?: string[] }): Promise<Connection>;
  /** An HTTP request; token adds Authorization: Bearer. */
  http(method: string, path: string, options?: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<Answer>;
  /** A user of profile Q (or Q2, whose role lacks auth:updateSelf, with canUpdateSelf false), logged in over HTTP. */
  user(options?: { canUpdateSelf?: boolean; login?: boolean; content?: Record<string, unknown> }): Promise<User>;
  /** The test's role R (created on first use). */
  roleR(): Promise<string>;
  /** The test's profile Q (created on first use). */
  profileQ(): Promise<string>;
  /** A role created by the test (default: the rights of R). */
  role(controllers?: Record<string, unknown>): Promise<string>;
  /** A profile created by the test: {policies} (default [{roleId: "default"}]) plus extra keys. */
  profile(policies?: unknown[], extra?: Record<string, unknown>): Promise<string>;
  /** An index created by the test, with these collections. */
  index(collections?: string[]): Promise<string>;
  /** A profile id no test creates; deleted at the end should a broken server create it. */
  absentProfileId(): string;
  /** Restores the profile at the end of the test should its policies or rateLimit have changed. */
  guardProfile(id: string): Promise<void>;
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

/** The rights of role R (catalogue vocabulary). */
export const RIGHTS_R = {
  auth: { actions: { checkToken: true, getCurrentUser: true, getMyRights: true, login: true, logout: true, updateSelf: true } },
  server: { actions: { publicApi: true } },
};
/** R without auth:updateSelf. */
export const RIGHTS_R2 = {
  auth: { actions: { checkToken: true, getCurrentUser: true, getMyRights: true, login: true, logout: true } },
  server: { actions: { publicApi: true } },
};

/** Policies as compared: roleId, and restrictedTo when it restricts anything. */
export function normalizePolicies(policies: unknown): unknown {
  if (!Array.isArray(policies)) return policies;
  return policies.map((p: any) => {
    const out: Record<string, unknown> = { roleId: p?.roleId };
    if (Array.isArray(p?.restrictedTo) && p.restrictedTo.length > 0) {
      out.restrictedTo = p.restrictedTo.map((r: any) => {
        const restriction: Record<string, unknown> = { index: r?.index };
        if (Array.isArray(r?.collections) && r.collections.length > 0) restriction.collections = r.collections;
        return restriction;
      });
    }
    return out;
  });
}

/** Asserts an error answer: status, error.id, and optionally code and props. */
export function expectError(answer: Answer, status: number, id: string, more: { code?: number; props?: unknown[] } = {}): void {
  const what = `${answer.transport} answer ${answer.text.slice(0, 300)}`;
  expect(answer.status, `status ${status} expected: ${what}`).toBe(status);
  expect(answer.json?.error?.id, `error.id ${id} expected: ${what}`).toBe(id);
  if (more.code !== undefined) expect(answer.json?.error?.code, `error.code ${more.code} expected: ${what}`).toBe(more.code);
  if (more.props !== undefined) expect(answer.json?.error?.props, `error.props ${JSON.stringify(more.props)} expected: ${what}`).toEqual(more.props);
}

/** Asserts a successful answer (status 200, error null). */
export function expectOk(answer: Answer, what = 'the request'): void {
  expect(answer.status, `${what} answers status 200: ${answer.transport} ${answer.text.slice(0, 300)}`).toBe(200);
  expect(answer.json?.error ?? null, `${what} answers error null`).toBeNull();
}


function parse(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function answerOf(transport: Transport, text: string, topic?: string): Answer {
  const json = parse(text);
  const status = typeof json?.status === 'number' ? json.status : 0;
  return topic === undefined ? { transport, status, json, text } : { transport, status, json, text, topic };
}

let sequence = 0;
function freshRequestId(): string {
  sequence += 1;
  return `conform-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${sequence}`;
}

interface Pending {
  id: string;
  resolve: (a: Answer) => void;
}

/** Every requestId this process sends starts so (freshRequestId, and the tests' own conform-<tag>-<run> ids). */
const OWN_ID_PREFIX = 'conform-';

/**
 * What a WebSocket connection and an MQTT client share: answers are matched to requests by room (WebSocket, as
 * kuzzle-sdk does), then by requestId, and otherwise (a server that does not echo them) go to the oldest request
 * still waiting, so that the requirements about room and requestId are the only ones such a server fails.
 * An answer carrying a conform requestId this connection never sent (a server that broadcasts answers to every
 * client, kuzzle.all.transport.mqtt-requester-only), or one it already got an answer to, is a stray: kept in
 * `strays`, never taken as the answer to a request of this connection.
 */
class Channel implements Connection {
  readonly received: Answer[] = [];
  readonly strays: Answer[] = [];
  private readonly pending: Pending[] = [];
  /** The requestIds this connection sent, and those it got their answer to. */
  private readonly sent = new Set<string>();
  private readonly answered = new Set<string>();
  private readonly waiters: Array<{ pred: (a: Answer) => boolean; resolve: (a: Answer) => void }> = [];

  constructor(
    readonly transport: 'ws' | 'mqtt',
    private readonly transcript: Transcript,
    private readonly answers: Answer[],
    private readonly write: (text: string) => void,
    private readonly shut: () => Promise<void>,
  ) {}

  incoming(text: string, topic?: string): void {
    const answer = answerOf(this.transport, text, topic);
    this.received.push(answer);
    for (const w of [...this.waiters]) {
      if (w.pred(answer)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(answer);
      }
    }
    const json = answer.json;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return;
    if (this.transport === 'mqtt' && topic !== RESPONSE_TOPIC) return;
    if (!('status' in json) && !('error' in json) && !('result' in json)) return; // not a response (e.g. {"p":2})
    const key = this.transport === 'ws' && typeof json.room === 'string' ? json.room : json.requestId;
    let match = this.pending.find((p) => p.id === key);
    if (!match && this.isStray(key)) {
      this.strays.push(answer);
      this.transcript.add({ transport: this.transport, request: '(none: an answer to a request this connection did not send, or a second answer)', response: answer.json });
      return;
    }
    if (!match && this.transport === 'ws' && typeof json.room === 'string') return; // a notification of some other room
    match ??= this.pending[0];
    if (!match) return;
    this.answered.add(match.id);
    this.pending.splice(this.pending.indexOf(match), 1);
    match.resolve(answer);
  }

  /** A requestId answered already, or a conform one this connection never sent (another client's request). */
  private isStray(key: unknown): boolean {
    return typeof key === 'string' && (this.answered.has(key) || (key.startsWith(OWN_ID_PREFIX) && !this.sent.has(key)));
  }

  request(message: Record<string, unknown>, what?: string): Promise<Answer> {
    const payload = { ...message };
    if (!('requestId' in payload)) payload.requestId = freshRequestId();
    const id = String(payload.requestId);
    this.sent.add(id);
    const label = what ?? `the ${this.transport} answer to ${String(payload.controller)}:${String(payload.action)} (requestId ${id})`;
    return new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.pending.findIndex((p) => p.id === id && p.resolve === done);
        if (index >= 0) this.pending.splice(index, 1);
        this.transcript.add({ transport: this.transport, request: payload, response: { error: `no answer within ${WAIT_MS} ms` } });
        recordTransportFailure(`no ${this.transport} answer within ${WAIT_MS} ms`);
        reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${label}`));
      }, WAIT_MS);
      const done = (answer: Answer): void => {
        clearTimeout(timer);
        recordAnswer();
        this.transcript.add({ transport: this.transport, request: payload, response: answer.topic ? { topic: answer.topic, payload: answer.json ?? answer.text } : (answer.json ?? answer.text) });
        this.answers.push(answer);
        resolve(answer);
      };
      this.pending.push({ id, resolve: done });
      this.write(JSON.stringify(payload));
    });
  }

  sendRaw(text: string): void {
    const requestId = (parse(text) as { requestId?: unknown } | undefined)?.requestId;
    if (typeof requestId === 'string') this.sent.add(requestId);
    this.transcript.add({ transport: this.transport, request: text, response: '(see the following entries)' });
    this.write(text);
  }

  next(pred: (a: Answer) => boolean, what: string, timeoutMs = WAIT_MS): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      const waiter = {
        pred,
        resolve: (a: Answer) => {
          clearTimeout(timer);
          this.transcript.add({ transport: this.transport, request: `(awaiting ${what})`, response: a.topic ? { topic: a.topic, payload: a.json ?? a.text } : (a.json ?? a.text) });
          resolve(a);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  close(): Promise<void> {
    return this.shut();
  }
}

async function openWs(url: string, transcript: Transcript, answers: Answer[]): Promise<Channel> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      recordTransportFailure(`no WebSocket upgrade from ${url} within ${WAIT_MS} ms`);
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for the WebSocket connection to ${url}`));
    }, WAIT_MS);
    socket.once('open', () => {
      clearTimeout(timer);
      recordAnswer();
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      recordTransportFailure(`WebSocket connection to ${url} failed: ${error.message}`);
      reject(new Error(`WebSocket connection to ${url} failed: ${error.message}`));
    });
  });
  socket.on('error', () => {});
  const channel = new Channel(
    'ws',
    transcript,
    answers,
    (text) => socket.send(text),
    () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        const timer = setTimeout(() => {
          socket.terminate();
          resolve();
        }, 1_000);
        socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.close();
      }),
  );
  socket.on('message', (data) => channel.incoming(data.toString()));
  return channel;
}

async function openMqtt(url: string, transcript: Transcript, answers: Answer[], subscribe: string[]): Promise<Channel> {
  let client: MqttClient;
  try {
    client = await mqtt.connectAsync(url, { clientId: uniqueName('conform'), reconnectPeriod: 0, connectTimeout: WAIT_MS });
    recordAnswer();
  } catch (error) {
    recordTransportFailure(`MQTT connection to ${url} failed: ${(error as Error).message}`);
    throw new Error(`MQTT connection to ${url} failed: ${(error as Error).message}`);
  }
  client.on('error', () => {});
  const channel = new Channel(
    'mqtt',
    transcript,
    answers,
    (text) => client.publish(REQUEST_TOPIC, text),
    async () => {
      await Promise.race([client.endAsync(true), new Promise((resolve) => setTimeout(resolve, 1_000))]);
    },
  );
  client.on('message', (topic, payload) => channel.incoming(payload.toString(), topic));
  for (const topic of subscribe) {
    const granted = await Promise.race([
      client.subscribeAsync(topic),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for the MQTT SUBACK of ${topic}`)), WAIT_MS)),
    ]);
    transcript.add({ transport: 'mqtt', request: { subscribe: topic }, response: { granted } });
  }
  return channel;
}

function queryString(args: Record<string, unknown> | undefined): string {
  if (!args) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    parts.push(value === true ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export const test = base.extend<BaseFixtures & { api: KuzzleApi }>({
  api: async ({ target, transcript }, use) => {
    const httpBase = target.http;
    const answers: Answer[] = [];
    const connections: Channel[] = [];
    const own = new Map<'ws' | 'mqtt', Promise<Channel>>();
    // What the test created, deleted in this order at the end (users hold profiles, profiles hold roles).
    const created = { users: [] as string[], profiles: [] as string[], roles: [] as string[], indexes: [] as string[] };
    const guards: Array<{ id: string; source: any }> = [];
    let adminToken: Promise<string> | undefined;
    let roleR: Promise<string> | undefined;
    let roleR2: Promise<string> | undefined;
    let profileQ: Promise<string> | undefined;
    let profileQ2: Promise<string> | undefined;

    const requireHttp = (): string => {
      if (!httpBase) throw new Error('the target has no http endpoint: the kuzzle suite creates its fixtures over HTTP');
      return httpBase;
    };

    const http = async (method: string, path: string, options: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<Answer> => {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.rawBody !== undefined) body = options.rawBody;
      else if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
      const res = await httpCall(transcript, requireHttp(), method, path, { headers, ...(body !== undefined ? { body } : {}), timeoutMs: WAIT_MS });
      const status = typeof res.json?.status === 'number' ? res.json.status : res.status;
      const answer: Answer = { transport: 'http', status, httpStatus: res.status, headers: res.headers, json: res.json, text: res.text };
      answers.push(answer);
      return answer;
    };

    /** An admin request of a fixture: it must succeed. */
    const adminCall = async (what: string, method: string, path: string, body?: unknown): Promise<any> => {
      const answer = await http(method, path, { token: await admin(), body });
      if (answer.status !== 200 || (answer.json?.error ?? null) !== null) {
        throw new Error(`fixture: ${what} (${method} ${path} as the admin) answered ${answer.httpStatus} ${answer.text.slice(0, 300)}`);
      }
      return answer.json?.result;
    };

    const admin = (): Promise<string> => {
      adminToken ??= (async () => {
        const credentials = (target.auth as { admin?: { username?: string; password?: string } }).admin;
        if (!credentials?.username || !credentials.password) throw new Error('the target file has no auth.admin {username, password}');
        const answer = await http('POST', '/_login/local', { body: { username: credentials.username, password: credentials.password } });
        const jwt = answer.json?.result?.jwt;
        if (answer.status !== 200 || typeof jwt !== 'string') throw new Error(`fixture: the admin login (POST /_login/local) answered ${answer.httpStatus} ${answer.text.slice(0, 300)}`);
        return secret(jwt);
      })();
      return adminToken;
    };

    const role = async (controllers: Record<string, unknown> = RIGHTS_R): Promise<string> => {
      const id = uniqueName('conform-role');
      await adminCall('creating a role', 'POST', `/roles/${encodeURIComponent(id)}/_create?${NO_WAIT}`, { controllers });
      created.roles.push(id);
      return id;
    };

    const profile = async (policies: unknown[] = [{ roleId: 'default' }], extra: Record<string, unknown> = {}): Promise<string> => {
      const id = uniqueName('conform-profile');
      await adminCall('creating a profile', 'POST', `/profiles/${encodeURIComponent(id)}/_create?${NO_WAIT}`, { policies, ...extra });
      created.profiles.push(id);
      return id;
    };

    const ensureR = (): Promise<string> => (roleR ??= role(RIGHTS_R));
    const ensureQ = (): Promise<string> => (profileQ ??= ensureR().then((r) => profile([{ roleId: r }], { rateLimit: 0 })));
    const ensureQ2 = (): Promise<string> => (profileQ2 ??= (roleR2 ??= role(RIGHTS_R2)).then((r) => profile([{ roleId: r }], { rateLimit: 0 })));

    const user = async (options: { canUpdateSelf?: boolean; login?: boolean; content?: Record<string, unknown> } = {}): Promise<User> => {
      const profileId = options.canUpdateSelf === false ? await ensureQ2() : await ensureQ();
      const username = uniqueName('conform-u');
      const password = secret(`pw-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}-secret`);
      const result = await adminCall('creating a user', 'POST', `/users/_create?${NO_WAIT}`, {
        content: { profileIds: [profileId], ...(options.content ?? {}) },
        credentials: { local: { username, password } },
      });
      const kuid = result?._id;
      if (typeof kuid !== 'string') throw new Error(`fixture: security:createUser answered no _id: ${JSON.stringify(result)}`);
      created.users.push(kuid);
      let token = '';
      if (options.login !== false) {
        const answer = await http('POST', '/_login/local', { body: { username, password } });
        token = secret(answer.json?.result?.jwt);
        if (answer.status !== 200 || typeof token !== 'string') throw new Error(`fixture: the login of a test user answered ${answer.httpStatus} ${answer.text.slice(0, 300)}`);
      }
      return { kuid, username, password, token, profileIds: [profileId] };
    };

    const index = async (collections: string[] = []): Promise<string> => {
      const name = uniqueName('conform-idx');
      await adminCall('creating an index', 'POST', `/${name}/_create`);
      created.indexes.push(name);
      for (const c of collections) await adminCall('creating a collection', 'PUT', `/${name}/${c}`, {});
      return name;
    };

    const connection = (transport: 'ws' | 'mqtt'): Promise<Connection> => {
      let pending = own.get(transport);
      if (!pending) {
        pending = newChannel(transport, []);
        own.set(transport, pending);
      }
      return pending;
    };

    const newChannel = async (transport: 'ws' | 'mqtt', subscribe: string[]): Promise<Channel> => {
      const url = target[transport];
      if (!url) throw new Error(`the target has no ${transport} endpoint`);
      const channel = transport === 'ws' ? await openWs(url, transcript, answers) : await openMqtt(url, transcript, answers, subscribe);
      connections.push(channel);
      return channel;
    };

    const message = async (transport: 'ws' | 'mqtt', msg: Record<string, unknown>, token: string | null, options: CallOptions): Promise<Answer> => {
      const full: Record<string, unknown> = { ...msg };
      if (token !== null) full.jwt = token;
      else if (options.jwtNull) full.jwt = null;
      if (options.volatile) full.volatile = options.volatile;
      if (options.requestId) full.requestId = options.requestId;
      Object.assign(full, options.args ?? {});
      const via = options.via ?? (await connection(transport));
      return via.request(full);
    };

    const httpOp = (method: string, path: string, token: string | null, body: unknown, options: CallOptions): Promise<Answer> => {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.volatile) headers['x-kuzzle-volatile'] = JSON.stringify(options.volatile);
      if (options.requestId) headers['x-kuzzle-request-id'] = options.requestId;
      return http(method, `${options.path ?? path}${queryString(options.args)}`, {
        token,
        headers,
        ...(options.rawBody !== undefined ? { rawBody: options.rawBody } : body !== undefined ? { body } : {}),
      });
    };

    const on = (transport: Transport): On => ({
      transport,
      updateSelf: (token, body, options = {}) =>
        transport === 'http'
          ? httpOp('PUT', '/_me', token, body, options)
          : message(transport, { controller: 'auth', action: 'updateSelf', ...(body !== undefined ? { body } : {}) }, token, options),
      updateProfile: (token, id, body, options = {}) =>
        transport === 'http'
          ? httpOp('PUT', `/profiles/${encodeURIComponent(id ?? '')}/_update`, token, body, options)
          : message(transport, { controller: 'security', action: 'updateProfile', ...(id !== undefined ? { _id: id } : {}), ...(body !== undefined ? { body } : {}) }, token, options),
      login: (username, password, options = {}) =>
        transport === 'http'
          ? httpOp('POST', '/_login/local', null, { username, password }, options)
          : message(transport, { controller: 'auth', action: 'login', strategy: 'local', body: { username, password } }, null, options),
      checkToken: (body, options = {}) =>
        transport === 'http' ? httpOp('POST', '/_checkToken', null, body, options) : message(transport, { controller: 'auth', action: 'checkToken', body }, null, options),
    });

    const me = async (token: string): Promise<any> => {
      const answer = await http('GET', '/_me', { token });
      if (answer.status !== 200) throw new Error(`GET /_me answered ${answer.httpStatus} ${answer.text.slice(0, 300)}`);
      return answer.json?.result;
    };

    const getProfileAnswer = (id: string): Promise<Answer> => admin().then((token) => http('GET', `/profiles/${encodeURIComponent(id)}`, { token }));

    const api: KuzzleApi = {
      target,
      admin,
      on,
      connection,
      newConnection: (transport, options = {}) => newChannel(transport, options.subscribe ?? []),
      http,
      user,
      roleR: ensureR,
      profileQ: ensureQ,
      role,
      profile,
      index,
      absentProfileId: () => {
        const id = uniqueName('conform-none');
        created.profiles.push(id);
        return id;
      },
      guardProfile: async (id) => {
        guards.push({ id, source: await adminCall(`reading profile ${id}`, 'GET', `/profiles/${encodeURIComponent(id)}`).then((r) => r?._source) });
      },
      me,
      getUser: (kuid) => adminCall(`reading user ${kuid}`, 'GET', `/users/${encodeURIComponent(kuid)}`),
      getProfileAnswer,
      profileSource: (id) => adminCall(`reading profile ${id}`, 'GET', `/profiles/${encodeURIComponent(id)}`).then((r) => r?._source),
      searchUsers: (kuids) => adminCall('searching users', 'POST', '/users/_search', { query: { ids: { values: kuids } } }).then((r) => r?.hits ?? []),
      searchProfiles: (roles) => adminCall('searching profiles', 'POST', '/profiles/_search', { roles }).then((r) => r?.hits ?? []),
      answers,
    };

    try {
      await use(api);
    } finally {
      for (const c of connections) await c.close().catch(() => {});
      if (adminToken) {
        const token = await adminToken.catch(() => '');
        const quiet = (method: string, path: string, body?: unknown) => http(method, path, { token, body }).catch(() => undefined);
        for (const g of guards) {
          const now = (await quiet('GET', `/profiles/${encodeURIComponent(g.id)}`))?.json?.result?._source;
          if (g.source && now && (JSON.stringify(now.policies) !== JSON.stringify(g.source.policies) || now.rateLimit !== g.source.rateLimit)) {
            await quiet('PUT', `/profiles/${encodeURIComponent(g.id)}/_update`, { policies: g.source.policies, rateLimit: g.source.rateLimit });
          }
        }
        // Kuzzle refuses to delete a profile its users still hold, and a role its profiles hold, and finds them by
        // searching: the last deletion of each kind waits for the refresh (which covers the writes before it).
        const lastWaits = (ids: string[], i: number, later: unknown[]) => (i === ids.length - 1 && later.length > 0 ? 'refresh=wait_for' : NO_WAIT);
        for (const [i, id] of created.users.entries()) await quiet('DELETE', `/users/${encodeURIComponent(id)}?${lastWaits(created.users, i, created.profiles)}`);
        for (const [i, id] of created.profiles.reverse().entries()) {
          // absentProfileId() ids normally do not exist: only delete what a broken server created.
          await quiet('DELETE', `/profiles/${encodeURIComponent(id)}?${lastWaits(created.profiles, i, created.roles)}`);
        }
        for (const id of created.roles.reverse()) await quiet('DELETE', `/roles/${encodeURIComponent(id)}?${NO_WAIT}`);
        for (const name of created.indexes) await quiet('DELETE', `/${name}`);
      }
    }
  },
});

export type Fixtures = { api: KuzzleApi; transport: Transport; transcript: Transcript; target: Target };

/** Declares the tests of kuzzle requirements (one per transport): see suites/harness.ts. */
export function check(ids: string | string[], title: string, body: (f: Fixtures) => Promise<void>): void {
  conformance<BaseFixtures & { api: KuzzleApi }>(test, 'kuzzle', ids, title, body as (f: BaseFixtures & { api: KuzzleApi } & { transport: Transport }) => Promise<void>);
}

export { expect };
