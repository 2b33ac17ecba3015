// Helpers of the devicehive unit tests: a mock, REST calls, tokens, a WebSocket peer and fake MQTT clients.
import { createBehaviour } from '../../src/core/behaviour.ts';
import type { FamilyMock, MqttClientApi } from '../../src/core/family.ts';
import type { HttpResponse } from '../../src/core/http-exchange.ts';
import { secretKey, signJwt } from '../../src/core/jwt.ts';
import devicehive from './index.ts';

export const SECRET = 'test-secret-of-devicehive';
export const ADMIN = { login: 'dhadmin', password: 'dhadmin_#911' };

export interface TestMock {
  mock: FamilyMock;
  clock: { now: number };
}

export function createTestMock(deviations: string[] = [], options: { seed?: unknown; profile?: string } = {}): TestMock {
  const clock = { now: Date.UTC(2024, 0, 1) };
  const mock = devicehive.create({
    behaviour: createBehaviour(options.profile ?? (deviations.length ? 'custom' : 'documented'), deviations),
    jwtSecret: SECRET,
    tokenTtlSeconds: 1800,
    seed: options.seed,
    now: () => clock.now,
  });
  return { mock, clock };
}

export interface Reply {
  status: number;
  body: any;
  raw: string | null;
  headers: Record<string, string>;
}

/** One REST call; `body` is sent as JSON unless it is a string (sent as is) or undefined (no body). */
export async function rest(
  mock: FamilyMock,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { host: 'localhost:8080', 'content-type': 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const body = options.body === undefined ? null : new TextEncoder().encode(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
  const response: HttpResponse = await mock.http({ method, url: `/api/rest${path}`, headers, body });
  return { status: response.status, raw: response.body, body: response.body ? JSON.parse(response.body) : undefined, headers: response.headers };
}

export async function login(mock: FamilyMock, who: { login: string; password: string }): Promise<{ accessToken: string; refreshToken: string }> {
  const reply = await rest(mock, 'POST', '/token', { body: who });
  if (reply.status !== 201) throw new Error(`login ${who.login}: ${reply.status} ${reply.raw}`);
  return reply.body;
}

export async function adminToken(mock: FamilyMock): Promise<string> {
  return (await login(mock, ADMIN)).accessToken;
}

let counter = 0;

/** A fresh client-role user (password secret123) and its login token. */
export async function createClient(mock: FamilyMock, fields: Record<string, unknown> = {}): Promise<{ id: number; login: string; token: string; refresh: string }> {
  const name = `client${++counter}`;
  const created = await rest(mock, 'POST', '/user', { token: await adminToken(mock), body: { login: name, password: 'secret123', role: 1, ...fields } });
  if (created.status !== 201) throw new Error(`create ${name}: ${created.status} ${created.raw}`);
  const tokens = await login(mock, { login: name, password: 'secret123' });
  return { id: created.body.id, login: name, token: tokens.accessToken, refresh: tokens.refreshToken };
}

/** A token minted by the admin with POST /token/create. */
export async function mint(mock: FamilyMock, userId: number, actions: unknown[]): Promise<string> {
  const reply = await rest(mock, 'POST', '/token/create', { token: await adminToken(mock), body: { userId, actions } });
  if (reply.status !== 201) throw new Error(`mint: ${reply.status} ${reply.raw}`);
  return reply.body.accessToken;
}

export async function userById(mock: FamilyMock, id: number): Promise<any> {
  return (await rest(mock, 'GET', `/user/${id}`, { token: await adminToken(mock) })).body;
}

/** A token signed with the test secret but claims of our choosing (expired ones, refresh types, strangers). */
export function forge(payload: Record<string, unknown>, secret = SECRET): Promise<string> {
  return signJwt({ payload }, secretKey(secret), { expiresInSeconds: -1 });
}

export function unsigned(payload: Record<string, unknown>): string {
  const part = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'none' })}.${part({ payload })}.`;
}

/** A WebSocket session driven directly: send() resolves with the answers of that message. */
export function wsSession(mock: FamilyMock): { send(message: unknown): Promise<any[]>; raw(text: string): Promise<any[]> } {
  const outbox: string[] = [];
  const session = mock.ws!.open({ send: (text) => outbox.push(text), close() {} }, { headers: {} });
  const raw = async (text: string) => {
    outbox.length = 0;
    // Answers are returned (the exchange pipeline sends them); pushes would arrive through the peer.
    outbox.push(...(await session.message(text)));
    return outbox.map((t) => JSON.parse(t));
  };
  return { raw, send: (message) => raw(JSON.stringify(message)) };
}

export async function wsAs(mock: FamilyMock, token: string): Promise<ReturnType<typeof wsSession>> {
  const ws = wsSession(mock);
  const [answer] = await ws.send({ action: 'authenticate', requestId: 'auth', token });
  if (answer.status !== 'success') throw new Error(`authenticate: ${JSON.stringify(answer)}`);
  return ws;
}

/**
 * A fake MQTT client behind the aedes adapter: subscribe/publish go through the surface's hooks, and a broker
 * publish reaches the clients whose subscriptions match and whom mayForward allows.
 */
export class FakeBroker {
  readonly clients = new Map<string, { subscriptions: Set<string>; received: Array<{ topic: string; payload: any }> }>();
  constructor(readonly mock: FamilyMock) {}

  api(clientId: string): MqttClientApi {
    return {
      clientId,
      deliver: (topic, payload) => this.clients.get(clientId)?.received.push({ topic, payload: JSON.parse(payload) }),
      publish: (topic, payload) => {
        for (const [id, client] of this.clients) {
          if (client.subscriptions.has(topic) && this.mock.mqtt!.mayForward(id, topic)) client.received.push({ topic, payload: JSON.parse(payload) });
        }
      },
    };
  }

  async connect(clientId: string, username?: string, password?: string) {
    const result = await this.mock.mqtt!.connect(this.api(clientId), username, password === undefined ? undefined : Buffer.from(password));
    if (result.ok) this.clients.set(clientId, { subscriptions: new Set(), received: [] });
    return result;
  }

  subscribe(clientId: string, topic: string, qos = 0): number | null {
    const granted = this.mock.mqtt!.subscribe(clientId, topic, qos);
    if (granted !== null) this.clients.get(clientId)?.subscriptions.add(topic);
    return granted;
  }

  /** Publishes on a topic as the client; returns the messages the client received in answer. */
  async publish(clientId: string, topic: string, message: unknown): Promise<Array<{ topic: string; payload: any }>> {
    const client = this.clients.get(clientId)!;
    const before = client.received.length;
    if (!this.mock.mqtt!.mayPublish(clientId, topic)) throw new Error(`publish refused on ${topic}`);
    const api = this.api(clientId);
    // The answers go where the MQTT listener sends them: to the client, or through the broker.
    for (const answer of await this.mock.mqtt!.message(api, topic, Buffer.from(typeof message === 'string' ? message : JSON.stringify(message)))) {
      if (answer.to === 'client') api.deliver(answer.topic, answer.payload);
      else api.publish(answer.topic, answer.payload);
    }
    return client.received.slice(before);
  }
}
