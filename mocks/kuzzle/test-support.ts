import type { FamilyMock, FamilyOptions, MqttClientApi } from '../../src/core/family.ts';
import type { HttpResponse } from '../../src/core/http-exchange.ts';
import { createBehaviour } from '../../src/core/behaviour.ts';
import kuzzle from './index.ts';

/** Helpers of the kuzzle unit tests: a mock, HTTP calls, a fake WebSocket peer and a fake MQTT client. */

export const SECRET = 'test-secret';

export function createMock(deviations: string[] = [], options: Partial<FamilyOptions> = {}, profile = 'documented'): FamilyMock {
  return kuzzle.create({ behaviour: createBehaviour(profile, deviations), jwtSecret: SECRET, tokenTtlSeconds: 3600, refreshDelayMs: 1000, ...options });
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown> & { result?: any; error?: any };
  raw: HttpResponse;
}

const encoder = new TextEncoder();

export async function http(
  mock: FamilyMock,
  method: string,
  url: string,
  options: { body?: unknown; raw?: string | Uint8Array; token?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.raw !== undefined ? (typeof options.raw === 'string' ? encoder.encode(options.raw) : options.raw) : options.body === undefined ? null : encoder.encode(JSON.stringify(options.body));
  const raw = await mock.http({ method, url, headers, body });
  return { status: raw.status, headers: raw.headers, body: raw.body ? JSON.parse(raw.body) : {}, raw };
}

export async function login(mock: FamilyMock, username = 'admin', password = 'admin-password', query = ''): Promise<string> {
  const reply = await http(mock, 'POST', `/_login/local${query}`, { body: { username, password } });
  if (reply.body.status !== 200) throw new Error(`login failed: ${JSON.stringify(reply.body)}`);
  return reply.body.result.jwt as string;
}

/** As the admin: a role allowing what the catalogue's R allows, a profile on it, and a user U of that profile. */
export async function createUser(mock: FamilyMock, admin: string, kuid = 'u1', content: Record<string, unknown> = {}): Promise<string> {
  const role = await http(mock, 'GET', '/roles/r-user', { token: admin });
  if (role.body.status === 404) {
    const controllers = {
      auth: { actions: { checkToken: true, getCurrentUser: true, getMyRights: true, login: true, logout: true, updateSelf: true } },
      server: { actions: { publicApi: true } },
    };
    await http(mock, 'POST', '/roles/r-user/_create', { token: admin, body: { controllers } });
    await http(mock, 'POST', '/profiles/q-user/_create', { token: admin, body: { policies: [{ roleId: 'r-user' }] } });
  }
  const body = { content: { profileIds: ['q-user'], ...content }, credentials: { local: { username: `${kuid}-login`, password: `${kuid}-secret` } } };
  const created = await http(mock, 'POST', `/users/${kuid}/_create`, { token: admin, body });
  if (created.body.status !== 200) throw new Error(`createUser failed: ${JSON.stringify(created.body)}`);
  return login(mock, `${kuid}-login`, `${kuid}-secret`);
}

/** A WebSocket connection as the adapter drives it: messages in, parsed frames out. */
export function wsClient(mock: FamilyMock) {
  const received: any[] = [];
  let closedWith: number | undefined;
  const session = mock.ws!.open({ send: (text) => received.push(JSON.parse(text)), close: (code) => (closedWith = code) }, { headers: {} });
  return {
    received,
    closedWith: () => closedWith,
    async send(message: unknown): Promise<any> {
      const before = received.length;
      // Answers are returned (the exchange pipeline sends them); pushes arrive through the peer.
      for (const text of await session.message(typeof message === 'string' ? message : JSON.stringify(message))) received.push(JSON.parse(text));
      return received[before];
    },
    close: () => session.closed(),
  };
}

/** Publishes as the MQTT listener does: each answer to the client, or through the broker. */
export async function mqttMessage(mock: FamilyMock, api: MqttClientApi, topic: string, payload: Buffer): Promise<void> {
  for (const answer of await mock.mqtt!.message(api, topic, payload)) {
    if (answer.to === 'client') api.deliver(answer.topic, answer.payload);
    else api.publish(answer.topic, answer.payload);
  }
}

/** A JWT signed with `secret` and any header, for the forged-token cases. */
export async function forgeToken(claims: Record<string, unknown>, header: Record<string, unknown>, secret?: string): Promise<string> {
  const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const unsigned = `${b64(encoder.encode(JSON.stringify(header)))}.${b64(encoder.encode(JSON.stringify(claims)))}`;
  if (secret === undefined) return `kauth-${unsigned}.`;
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(unsigned)));
  return `kauth-${unsigned}.${b64(signature)}`;
}

/** The payload of a JWT as kuzzle-sdk decodes it (src/core/Jwt.ts): the second segment, base64url JSON. */
export function decodeJwt(jwt: string): Record<string, unknown> {
  const segment = jwt.replace(/^kauth-/, '').split('.')[1] ?? '';
  const text = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(text) as Record<string, unknown>;
}
