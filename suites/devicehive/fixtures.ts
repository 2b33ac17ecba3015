/**
 * DeviceHive fixtures: fresh users made through the REST API (POST /user as the target's administrator, deleted at the
 * end), their tokens (POST /token, POST /token/create), and clients for the three transports: REST (httpCall),
 * WebSocket sessions (the `ws` package) and MQTT clients of the devicehive-mqtt broker (MQTT.js). Every exchange goes to
 * the transcript; every wait has a timeout that says what it waited for.
 */
import mqtt, { type MqttClient } from 'mqtt';
import WebSocket from 'ws';
import { conformance, expect, httpCall, secret, test as base, uniqueName, type BaseFixtures, type HttpAnswer, type Transcript } from '../harness.ts';
import type { Target } from '../../src/target/target.ts';
import type { Transport } from '../../src/specs/families.ts';
import { ANSWER_MS as SHARED_ANSWER_MS, within as timeout } from '../clients/wait.ts';

export { schemaProblem } from '../clients/schema.ts';
import { recordAnswer, recordTransportFailure } from '../../src/runner/circuit-breaker.ts';

/** How long an answer may take before a test says it never came (suites/clients/wait.ts). */
export const ANSWER_MS = SHARED_ANSWER_MS;
/** How long a test listens to be sure that nothing (more) arrives. */
export const QUIET_MS = 600;

/** The catalogue's client C: password secret123, role 1, status 0. */
export const CLIENT_PASSWORD = 'secret123';

export interface DhUser {
  id: number;
  login: string;
  password: string;
  role: 0 | 1;
  /** An access token from POST /token with login and password. */
  token: string;
  refreshToken: string;
}

/** Who sends an update: a user (its login token), or just an access token (minted ones). */
export type Caller = { token: string };

/** The answer to an update over any transport, in one shape. */
export interface Outcome {
  transport: Transport;
  /** 2xx over REST; status "success" over WebSocket and MQTT. */
  ok: boolean;
  /** The HTTP status, or the answer's code (undefined when it has none). */
  code: number | undefined;
  /** The REST body's message, or the answer's error text. */
  message: string | undefined;
  /** The REST answer (http) or the answer message (ws, mqtt). */
  http?: HttpAnswer;
  answer?: any;
}

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

/** A short MQTT client id, unique per run and client. */
export function uniqueClientId(): string {
  return `cf${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** Received messages, consumed in order by waiters that name what they wait for. */
class Inbox<M> {
  private readonly items: M[] = [];
  private readonly waiters: Array<{ match: (m: M) => boolean; resolve: (m: M) => void }> = [];

  push(message: M): void {
    const index = this.waiters.findIndex((w) => w.match(message));
    if (index !== -1) {
      const [waiter] = this.waiters.splice(index, 1);
      waiter?.resolve(message);
      return;
    }
    this.items.push(message);
  }

  /** The first unconsumed message that matches, or the next one to arrive. */
  next(match: (m: M) => boolean, ms: number, what: string): Promise<M> {
    const index = this.items.findIndex(match);
    if (index !== -1) return Promise.resolve(this.items.splice(index, 1)[0] as M);
    let waiter: { match: (m: M) => boolean; resolve: (m: M) => void } | undefined;
    const arrived = new Promise<M>((resolve) => {
      waiter = { match, resolve };
      this.waiters.push(waiter);
    });
    return timeout(arrived, ms, what).catch((error: unknown) => {
      const at = this.waiters.indexOf(waiter as never);
      if (at !== -1) this.waiters.splice(at, 1);
      throw error;
    });
  }

  /** Every unconsumed message that matches, without consuming it. */
  peek(match: (m: M) => boolean): M[] {
    return this.items.filter(match);
  }

  /** Drops the unconsumed messages that match (answers nobody waits for any more). */
  discard(match: (m: M) => boolean): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (match(this.items[i] as M)) this.items.splice(i, 1);
  }
}

/** One WebSocket connection to the DeviceHive WebSocket API. */
export class WsChannel {
  private readonly inbox = new Inbox<any>();

  constructor(
    readonly url: string,
    private readonly socket: WebSocket,
    private readonly transcript: Transcript,
  ) {
    socket.on('message', (data) => {
      const text = data.toString();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = { unparsable: text };
      }
      this.inbox.push(parsed);
    });
  }

  static async open(url: string, transcript: Transcript): Promise<WsChannel> {
    const socket = new WebSocket(url);
    const opened = new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', (error) => reject(new Error(`WebSocket ${url}: ${error.message}`)));
    });
    try {
      await timeout(opened, ANSWER_MS, `WebSocket connection to ${url}`);
      recordAnswer();
    } catch (error) {
      recordTransportFailure((error as Error).message);
      socket.terminate();
      transcript.add({ transport: 'ws', request: { connect: url }, response: { error: (error as Error).message } });
      throw error;
    }
    return new WsChannel(url, socket, transcript);
  }

  /**
   * Sends a message (an object, or text as is) and waits for the next answer that carries its action, or that carries
   * none (the answer to text that is not a JSON object). Never pipelined, so the next such answer is this one's.
   */
  async request(message: unknown, what?: string): Promise<any> {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    const action = typeof message === 'object' && message !== null ? (message as { action?: unknown }).action : undefined;
    this.inbox.discard(() => true);
    this.socket.send(text);
    const label = what ?? `WebSocket answer to ${action === undefined ? JSON.stringify(text) : `action ${String(action)}`}`;
    try {
      const answer = await this.inbox.next((m) => m?.action === undefined || m?.action === null || m.action === action, ANSWER_MS, label);
      recordAnswer();
      this.transcript.add({ transport: 'ws', request: typeof message === 'string' ? message : message, response: answer });
      return answer;
    } catch (error) {
      recordTransportFailure((error as Error).message);
      this.transcript.add({ transport: 'ws', request: message, response: { error: (error as Error).message } });
      throw error;
    }
  }

  /** authenticate with an access token; throws unless the answer is a success. */
  async authenticate(token: string): Promise<void> {
    const answer = await this.request({ action: 'authenticate', requestId: 'conform-auth', token });
    if (answer?.status !== 'success') throw new Error(`WebSocket authenticate failed: ${JSON.stringify(answer)}`);
  }

  close(): void {
    this.socket.terminate();
  }
}

export interface MqttMessage {
  topic: string;
  text: string;
  json: any;
  qos: number;
}

/** One MQTT client of the devicehive-mqtt broker: requests on dh/request, answers on dh/response/<action>@<clientId>. */
export class MqttChannel {
  readonly inbox = new Inbox<MqttMessage>();
  private readonly subscribed = new Set<string>();

  constructor(
    readonly clientId: string,
    readonly client: MqttClient,
    private readonly transcript: Transcript,
  ) {
    client.on('message', (topic, payload, packet) => {
      const text = payload.toString();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      this.inbox.push({ topic, text, json, qos: packet.qos });
    });
  }

  /**
   * CONNECT (clean session, no reconnection). Resolves with the client, or rejects when the broker refuses (CONNACK
   * return code) or closes the connection without a CONNACK.
   */
  static async connect(url: string, transcript: Transcript, options: { clientId?: string; username?: string; password?: string } = {}): Promise<MqttChannel> {
    const clientId = options.clientId ?? uniqueClientId();
    const request = { connect: url, clientId, username: options.username, password: options.password === undefined ? undefined : '***' };
    const pending = mqtt.connectAsync(url, { clientId, username: options.username, password: options.password, reconnectPeriod: 0, connectTimeout: ANSWER_MS, clean: true, protocolVersion: 4 }, false);
    try {
      const client = await timeout(pending, ANSWER_MS + 1000, `CONNACK from ${url}`);
      recordAnswer();
      transcript.add({ transport: 'mqtt', request, response: { connack: 'accepted' } });
      return new MqttChannel(clientId, client, transcript);
    } catch (error) {
      pending.then((late) => late.end(true)).catch(() => {});
      // A CONNACK that refuses (a numeric return code) is an answer; anything else is the transport failing.
      if (typeof (error as { code?: unknown }).code === 'number') recordAnswer();
      else recordTransportFailure((error as Error).message);
      transcript.add({ transport: 'mqtt', request, response: { error: (error as Error).message, code: (error as { code?: unknown }).code } });
      throw error;
    }
  }

  /** SUBSCRIBE; the granted QoS, or 128 (0x80) when the broker refuses. */
  async subscribe(topic: string, qos: 0 | 1 = 0): Promise<number> {
    let granted: number;
    try {
      const result = await timeout(this.client.subscribeAsync(topic, { qos }), ANSWER_MS, `SUBACK for ${topic}`);
      granted = result[0]?.qos ?? 128;
    } catch (error) {
      // MQTT.js rejects a refused subscription with the SUBACK packet (ErrorWithSubackPacket) or, older, with code.
      const failure = error as { code?: unknown; packet?: { granted?: unknown[] } };
      const code = failure.packet?.granted?.[0] ?? failure.code;
      if (typeof code !== 'number') {
        this.transcript.add({ transport: 'mqtt', request: { subscribe: topic, clientId: this.clientId }, response: { error: (error as Error).message } });
        throw error;
      }
      granted = code;
    }
    this.transcript.add({ transport: 'mqtt', request: { subscribe: topic, clientId: this.clientId }, response: { granted } });
    if (granted < 128) this.subscribed.add(topic);
    return granted;
  }

  async publish(topic: string, payload: string, qos: 0 | 1 = 0): Promise<void> {
    await timeout(this.client.publishAsync(topic, payload, { qos }), ANSWER_MS, `PUBACK for the publish on ${topic}`);
  }

  /** dh/response/<action>@<this client's id>. */
  responseTopic(action: string): string {
    return `dh/response/${action}@${this.clientId}`;
  }

  /**
   * Subscribes to the answer topic (once), publishes the request on dh/request and waits for the next message on the
   * answer topic. Throws when the subscription is refused or nothing arrives.
   */
  async request(message: Record<string, unknown> | string, options: { action?: string; qos?: 0 | 1 } = {}): Promise<any> {
    const action = options.action ?? String((message as { action?: unknown }).action);
    const topic = this.responseTopic(action);
    if (!this.subscribed.has(topic)) {
      const granted = await this.subscribe(topic);
      if (granted >= 128) throw new Error(`SUBSCRIBE ${topic} was refused (SUBACK 0x${granted.toString(16)})`);
    }
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    const request = { publish: 'dh/request', clientId: this.clientId, qos: options.qos ?? 0, payload: message };
    this.inbox.discard((m) => m.topic === topic);
    await this.publish('dh/request', text, options.qos ?? 0);
    try {
      const answer = await this.inbox.next((m) => m.topic === topic, ANSWER_MS, `MQTT answer on ${topic}`);
      recordAnswer();
      this.transcript.add({ transport: 'mqtt', request, response: { topic: answer.topic, payload: answer.json ?? answer.text } });
      return answer.json ?? answer.text;
    } catch (error) {
      recordTransportFailure((error as Error).message);
      this.transcript.add({ transport: 'mqtt', request, response: { error: (error as Error).message } });
      throw error;
    }
  }

  /** Publishes the authenticate action with an access token; throws unless it answers success. */
  async authenticate(token: string): Promise<void> {
    const answer = await this.request({ action: 'authenticate', requestId: 'conform-auth', token });
    if (answer?.status !== 'success') throw new Error(`MQTT authenticate failed: ${JSON.stringify(answer)}`);
  }

  close(): void {
    this.client.end(true);
  }
}

export interface DhApi {
  target: Target;
  base: string;
  /** The target's administrator, with a fresh login token. */
  admin: DhUser;
  adminAuth: string;
  bearer(token: string): string;
  /** A fresh user (role 1 unless said), status 0, password secret123, deleted after the test. */
  newUser(role?: 0 | 1, password?: string): Promise<DhUser>;
  /** POST /token {login, password}. */
  login(login: string, password: string): Promise<HttpAnswer>;
  /** An access token POST /token/create (admin token) mints for the user with these actions. */
  mint(userId: number, actions: Array<string | number>): Promise<string>;
  /** PUT {base}<path> with a JSON body (or raw text) and an Authorization header (null: none). */
  put(path: string, body: unknown, authorization: string | null, raw?: string): Promise<HttpAnswer>;
  get(path: string, authorization: string | null): Promise<HttpAnswer>;
  /** GET /user/{id} with the admin token: the stored user (throws unless 200). */
  read(id: number): Promise<any>;
  /** GET /user/current with an access token (throws unless 200). */
  current(token: string): Promise<any>;
  /** An id no user has (checked with GET /user/{id}). */
  unusedId(): Promise<number>;
  /** Deletes this id too at the end, if a user there carries one of this test's logins. */
  adopt(id: number): void;
  /** An open, unauthenticated WebSocket connection (to the target's endpoint unless a URL is given). */
  ws(url?: string): Promise<WsChannel>;
  /** A WebSocket connection authenticated with the token. */
  wsAs(token: string): Promise<WsChannel>;
  /** An MQTT client (anonymous unless username and password are given). */
  mqtt(options?: { clientId?: string; username?: string; password?: string }): Promise<MqttChannel>;
  /** An MQTT client authenticated with the authenticate action and the token. */
  mqttAs(token: string): Promise<MqttChannel>;
  /**
   * The caller updates itself: PUT /user/current (http), user/updateCurrent over a WebSocket session (ws) or an MQTT
   * client (mqtt) authenticated with the caller's token (one session per token and transport, reused).
   */
  updateCurrent(transport: Transport, caller: Caller, user: unknown, options?: UpdateOptions): Promise<Outcome>;
  /** A message's own channel for the caller (ws, mqtt): the cached session updateCurrent uses. */
  channel(transport: 'ws' | 'mqtt', caller: Caller): Promise<WsChannel | MqttChannel>;
}

/** A readable account of an outcome, for assertion messages. */
export function describe(o: Outcome): string {
  if (o.transport === 'http') return `HTTP ${o.http?.status} ${o.http?.text.slice(0, 300) ?? ''}`;
  return JSON.stringify(o.answer);
}

function makeApi(target: Target, transcript: Transcript, admin: DhUser, created: DhUser[], adopted: number[], closers: Array<() => void>): DhApi {
  const baseUrl = (target.http as string).replace(/\/+$/, '');
  const bearer = (token: string) => `Bearer ${token}`;
  const adminAuth = bearer(admin.token);
  const json = (authorization: string | null): Record<string, string> => ({ 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) });
  const sessions = new Map<string, Promise<WsChannel | MqttChannel>>();

  const api: DhApi = {
    target,
    base: baseUrl,
    admin,
    adminAuth,
    bearer,
    login: (login, password) => httpCall(transcript, baseUrl, 'POST', '/token', { headers: json(null), body: JSON.stringify({ login, password }) }),
    async newUser(role = 1, password = CLIENT_PASSWORD) {
      secret(password);
      const login = uniqueName(role === 0 ? 'dhadm' : 'dhcli');
      const res = await httpCall(transcript, baseUrl, 'POST', '/user', { headers: json(adminAuth), body: JSON.stringify({ login, password, role, status: 0 }) });
      if (res.status !== 201 && res.status !== 200) throw new Error(`fixture: POST /user ${login} answered ${res.status} ${res.text}`);
      const id = Number(res.json?.id);
      if (!Number.isSafeInteger(id)) throw new Error(`fixture: POST /user answered no numeric id: ${res.text}`);
      const user: DhUser = { id, login, password, role, token: '', refreshToken: '' };
      created.push(user);
      const tokens = await api.login(login, password);
      if (tokens.status !== 201 || typeof tokens.json?.accessToken !== 'string') throw new Error(`fixture: POST /token for ${login} answered ${tokens.status} ${tokens.text}`);
      user.token = secret(tokens.json.accessToken);
      user.refreshToken = secret(tokens.json.refreshToken);
      return user;
    },
    async mint(userId, actions) {
      const res = await httpCall(transcript, baseUrl, 'POST', '/token/create', { headers: json(adminAuth), body: JSON.stringify({ userId, actions }) });
      if (res.status !== 201 && res.status !== 200) throw new Error(`fixture: POST /token/create answered ${res.status} ${res.text}`);
      return secret(res.json.accessToken as string);
    },
    put: (path, body, authorization, raw) => httpCall(transcript, baseUrl, 'PUT', path, { headers: json(authorization), body: raw ?? JSON.stringify(body) }),
    get: (path, authorization) => httpCall(transcript, baseUrl, 'GET', path, { headers: authorization === null ? {} : { authorization } }),
    async read(id) {
      const res = await api.get(`/user/${id}`, adminAuth);
      if (res.status !== 200) throw new Error(`GET /user/${id} (admin) answered ${res.status} ${res.text}`);
      return res.json;
    },
    async current(token) {
      const res = await api.get('/user/current', bearer(token));
      if (res.status !== 200) throw new Error(`GET /user/current answered ${res.status} ${res.text}`);
      return res.json;
    },
    async unusedId() {
      for (let i = 0; i < 5; i++) {
        const id = 900_000_000 + Math.floor(Math.random() * 99_999_999);
        if ((await api.get(`/user/${id}`, adminAuth)).status === 404) return id;
      }
      throw new Error('fixture: found no unused user id');
    },
    adopt: (id) => void adopted.push(id),
    async ws(url) {
      const channel = await WsChannel.open(url ?? (target.ws as string), transcript);
      closers.push(() => channel.close());
      return channel;
    },
    async wsAs(token) {
      const channel = await api.ws();
      await channel.authenticate(token);
      return channel;
    },
    async mqtt(options = {}) {
      const channel = await MqttChannel.connect(target.mqtt as string, transcript, options);
      closers.push(() => channel.close());
      return channel;
    },
    async mqttAs(token) {
      const channel = await api.mqtt();
      await channel.authenticate(token);
      return channel;
    },
    channel(transport, caller) {
      const key = `${transport} ${caller.token}`;
      let session = sessions.get(key);
      if (!session) {
        session = transport === 'ws' ? api.wsAs(caller.token) : api.mqttAs(caller.token);
        sessions.set(key, session);
      }
      return session;
    },
    async updateCurrent(transport, caller, user, options = {}) {
      if (transport === 'http') {
        const res = await api.put('/user/current', user, bearer(caller.token), options.raw);
        const ok = res.status >= 200 && res.status < 300;
        return { transport, ok, code: res.status, message: typeof res.json?.message === 'string' ? res.json.message : undefined, http: res };
      }
      const message: Record<string, unknown> = { action: 'user/updateCurrent' };
      if (!options.omitRequestId) message.requestId = 'requestId' in options ? options.requestId : uniqueName('req');
      if (!options.omitUser) message.user = user;
      const channel = await api.channel(transport, caller);
      const answer = channel instanceof MqttChannel ? await channel.request(message, { qos: options.qos ?? 0 }) : await channel.request(message);
      return {
        transport,
        ok: answer?.status === 'success',
        code: typeof answer?.code === 'number' ? answer.code : undefined,
        message: typeof answer?.error === 'string' ? answer.error : undefined,
        answer,
      };
    },
  };
  return api;
}

/** The admin's own editable fields, put back if a broken target let a test change them. */
async function snapshotAdmin(transcript: Transcript, baseUrl: string, authorization: string): Promise<Record<string, unknown> | undefined> {
  const res = await httpCall(transcript, baseUrl, 'GET', '/user/current', { headers: { authorization } });
  return res.status === 200 ? { data: res.json?.data ?? null, introReviewed: res.json?.introReviewed } : undefined;
}

export const test = base.extend<BaseFixtures & { api: DhApi }>({
  api: async ({ target, transcript }, use) => {
    const baseUrl = (target.http as string).replace(/\/+$/, '');
    const credentials = (target.auth as { admin: { login: string; password: string } }).admin;
    const res = await httpCall(transcript, baseUrl, 'POST', '/token', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
    if (res.status !== 201 || typeof res.json?.accessToken !== 'string') throw new Error(`fixture: POST /token for the administrator answered ${res.status} ${res.text}`);
    const adminAuth = `Bearer ${secret(res.json.accessToken)}`;
    secret(res.json.refreshToken);
    const me = await httpCall(transcript, baseUrl, 'GET', '/user/current', { headers: { authorization: adminAuth } });
    const admin: DhUser = { id: Number(me.json?.id), login: credentials.login, password: credentials.password, role: 0, token: res.json.accessToken, refreshToken: res.json.refreshToken };
    const before = await snapshotAdmin(transcript, baseUrl, adminAuth);
    const created: DhUser[] = [];
    const adopted: number[] = [];
    const closers: Array<() => void> = [];
    await use(makeApi(target, transcript, admin, created, adopted, closers));

    // Leave the target as found: sockets closed, this test's users deleted, the administrator's data as it was.
    for (const close of closers) close();
    const problems: string[] = [];
    const logins = new Set(created.map((u) => u.login));
    for (const id of adopted) {
      const found = await httpCall(transcript, baseUrl, 'GET', `/user/${id}`, { headers: { authorization: adminAuth } });
      if (found.status === 200 && logins.has(found.json?.login)) created.push({ id, login: found.json.login } as DhUser);
    }
    for (const user of created) {
      const gone = await httpCall(transcript, baseUrl, 'DELETE', `/user/${user.id}`, { headers: { authorization: adminAuth } });
      if (gone.status >= 300 && gone.status !== 404) problems.push(`DELETE /user/${user.id} answered ${gone.status}`);
    }
    const after = await snapshotAdmin(transcript, baseUrl, adminAuth);
    if (before && after && JSON.stringify(before) !== JSON.stringify(after)) {
      await httpCall(transcript, baseUrl, 'PUT', '/user/current', { headers: { 'content-type': 'application/json', authorization: adminAuth }, body: JSON.stringify(before) });
    }
    if (problems.length > 0) throw new Error(`fixture teardown: ${problems.join('; ')}`);
  },
});

type Body = (fixtures: BaseFixtures & { api: DhApi; transport: Transport }) => Promise<void>;

/** Declares the tests of one or more DeviceHive requirements (the first id names them), one per shared transport. */
export function check(ids: string | string[], title: string, body: Body): void {
  conformance<BaseFixtures & { api: DhApi }>(test, 'devicehive', ids, title, body);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The update succeeded: 2xx over REST, status "success" over WebSocket and MQTT. */
export function expectOk(o: Outcome, what: string): void {
  expect(o.ok, `${what} should succeed [${o.transport}]: ${describe(o)}`).toBe(true);
}

/** The update was refused: 4xx over REST, status "error" over WebSocket and MQTT. */
export function expectRefused(o: Outcome, what: string): void {
  if (o.transport === 'http') {
    const status = o.http?.status ?? 0;
    expect(status >= 400 && status < 500, `${what} should be refused with a 4xx status: ${describe(o)}`).toBe(true);
  } else {
    expect(o.answer?.status, `${what} should answer status "error": ${describe(o)}`).toBe('error');
  }
}

/** A REST answer with a 2xx status. */
export function expect2xx(res: HttpAnswer, what: string): void {
  expect(res.status >= 200 && res.status < 300, `${what} should answer 2xx: ${res.status} ${res.text.slice(0, 300)}`).toBe(true);
}

/** A REST answer with a 4xx status. */
export function expect4xx(res: HttpAnswer, what: string): void {
  expect(res.status >= 400 && res.status < 500, `${what} should answer 4xx: ${res.status} ${res.text.slice(0, 300)}`).toBe(true);
}
