import type { Behaviour } from './behaviour.ts';
import type { HttpRequest, HttpResponse } from './http-exchange.ts';
import type { FamilyManifest } from './manifest.ts';
import type { RecordGenerator } from './generate.ts';

/** Settings every family mock receives; each family reads what applies to it. */
export interface FamilyOptions {
  behaviour: Behaviour;
  /** HMAC secret of the tokens it issues. */
  jwtSecret: string;
  /** Lifetime of the access tokens it issues, in seconds. */
  tokenTtlSeconds: number;
  /** Seed data in the family's own shape (validated by the family), or undefined for the built-in seed. */
  seed?: unknown;
  /** Milliseconds before a write made without refresh=wait_for becomes visible to searches. */
  refreshDelayMs?: number;
  /** How long an update with retryOnConflict=0 is open to a conflict (0: one event-loop turn). */
  conflictWindowMs?: number;
  now?: () => number;
}

/** A WebSocket connection as a family sees it: it sends text frames and may close. */
export interface WsPeer {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

/**
 * One WebSocket connection of a family. A message's answers are returned, so the exchange pipeline records, delays
 * and faults them in one place; the peer is the push channel for what no request asked for (a token-expiry notice, say).
 */
export interface WsSession {
  /** The frames that answer this message, in order (none: the family stays silent). */
  message(text: string): Promise<string[]>;
  closed(): void;
}

export interface WsSurface {
  /** Whether an upgrade on this path belongs to the family (any path, or one path such as /api/websocket). */
  accepts(pathname: string): boolean;
  open(peer: WsPeer, request: { headers: Record<string, string>; remoteAddress?: string }): WsSession;
}

/** What the MQTT adapter lets a family do for one client: its push channel, for what no request asked for. */
export interface MqttClientApi {
  readonly clientId: string;
  /** Delivers to this client only, whether or not it subscribed (a response topic private to the client). */
  deliver(topic: string, payload: string): void;
  /** Publishes through the broker: every authorized subscriber of the topic receives it (responses on topics the clients subscribe to). */
  publish(topic: string, payload: string): void;
}

/**
 * One answer to an MQTT request. `client`: delivered to the requesting client only, subscribed or not (a private response channel);
 * `subscribers`: published through the broker to every authorized subscriber of the topic (response topics the clients subscribe to).
 */
export interface MqttAnswer {
  topic: string;
  payload: string;
  to: 'client' | 'subscribers';
}

export type MqttConnectResult = { ok: true } | { ok: false; returnCode: 4 | 5; reason: string };

export interface MqttSurface {
  connect(client: MqttClientApi, username?: string, password?: Buffer): Promise<MqttConnectResult>;
  /** Granted QoS, or null to refuse (SUBACK 0x80). */
  subscribe(clientId: string, topic: string, qos: number): number | null;
  /**
   * Whether the client may publish on the topic at all. A refused publish disconnects the client (MQTT 3.1.1 has no
   * negative PUBACK; an aedes-based server does so), unless `refusedPublish` is 'drop' (a broker that ignores it).
   */
  mayPublish(clientId: string, topic: string): boolean;
  readonly refusedPublish?: 'disconnect' | 'drop';
  /** Whether a message on this topic may be forwarded to this subscriber. */
  mayForward(clientId: string, topic: string): boolean;
  /** The answers to a message the client published, in order. */
  message(client: MqttClientApi, topic: string, payload: Buffer): Promise<MqttAnswer[]>;
  disconnected(clientId: string): void;
}

/** The credentials a family's seed gives, printed at start-up and written to target files. */
export interface SeededCredentials {
  /** In the family's own shape, e.g. {admin: {login, password}} or {users: [{email, password, token}]}. */
  [key: string]: unknown;
}

/** One family's mock: transport-free behaviour plus the surfaces the adapters serve. */
export interface FamilyMock {
  readonly family: string;
  http(request: HttpRequest): Promise<HttpResponse>;
  readonly ws?: WsSurface;
  readonly mqtt?: MqttSurface;
  /** Back to the seeded state; open sessions are left to the adapters. */
  reset(): void;
  /** The mutable state as JSON, and back: what `--state <file>` keeps across restarts. */
  exportState(): unknown;
  importState(state: unknown): void;
  credentials(): Promise<SeededCredentials>;
  /** An injected server fault in the family's own error envelope (fault injection). */
  faultResponse(): HttpResponse;
}

/** What a family's folder exports (mocks/<family>/index.ts): the one thing the registry lists. */
export interface FamilyModule {
  readonly family: string;
  readonly manifest: FamilyManifest;
  create(options: FamilyOptions): FamilyMock;
  /** The deviations it can switch on, by requirement id: what `conform mock --list-deviations` prints. */
  readonly deviations: Readonly<Record<string, string>>;
  /** MUST requirements no black-box client could see violated, with why. */
  readonly notDeviable: Readonly<Record<string, string>>;
  /** Generated records for its seed (conform mock --generate), when the family has any. */
  readonly generator?: RecordGenerator;
}
