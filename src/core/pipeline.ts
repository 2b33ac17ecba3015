import type { FaultDecision, Injector } from './faults.ts';
import type { FamilyMock, MqttAnswer, MqttClientApi, MqttSurface, WsSession } from './family.ts';
import type { HttpRequest, HttpResponse } from './http-exchange.ts';
import type { TrafficLog } from './traffic.ts';

/** What a request gets when a fault drops its connection: the listener ends it without an answer. */
export const DROPPED: unique symbol = Symbol('conform.dropped');
export type Dropped = typeof DROPPED;

/** What an exchange run under a Durability gives: its answer once durable, or not durable at all. */
export type DurableOutcome<T> = { ok: true; value: T } | { ok: false };

/**
 * What makes an answer durable before it is sent (`--state`, `--store redis://`): the pipeline runs the family inside
 * exchange(), which resolves after what the family wrote is durable and before the listener writes the answer, so a
 * client never sees a write acknowledged that a crash could lose. `scope` is the family mock of one tenant: a shared
 * store serializes, catches up and may re-run the exchange per scope. A family's own exception passes through.
 */
export interface Durability {
  exchange<T>(scope: FamilyMock, run: () => Promise<T>): Promise<DurableOutcome<T>>;
}

/**
 * The one road every request takes, whatever carried it (fastify, ws, aedes or MSW): recorded on its way in, delayed
 * and perhaps faulted, answered by the family, its answers recorded on their way out and returned. So the listeners
 * and the MSW handlers only translate the wire into a request and the answers back into the wire, and recording,
 * latency and faults exist once. Families are names here: the core knows no family.
 */
export class ExchangePipeline {
  /** Set by the server when `--state` is on; none (MSW, tests) answers at once. */
  durability: Durability | undefined;

  constructor(
    readonly traffic: TrafficLog,
    private readonly injector: Injector,
  ) {}

  /** The family's answers, made durable first; undefined when they could not be (never acknowledged as a success). */
  private async durable<T>(scope: FamilyMock, run: () => Promise<T>): Promise<T | undefined> {
    if (!this.durability) return run();
    const outcome = await this.durability.exchange(scope, run);
    return outcome.ok ? outcome.value : undefined;
  }

  /** One HTTP request; an injected error is the family's own fault envelope. */
  async http(mock: FamilyMock, request: HttpRequest): Promise<HttpResponse | Dropped> {
    const summary = `${request.method} ${request.url}`;
    this.traffic.record({ family: mock.family, transport: 'http', direction: 'in', summary, body: request.body ?? undefined });
    const fault = await this.fault();
    if (fault === 'drop') return DROPPED;
    // A write that cannot be made durable is answered as the family's server error, never as a success.
    const response = fault === 'error' ? mock.faultResponse() : ((await this.durable(mock, () => mock.http(request))) ?? mock.faultResponse());
    this.traffic.record({ family: mock.family, transport: 'http', direction: 'out', summary, status: response.status, body: response.body ?? undefined });
    return response;
  }

  /**
   * One WebSocket message of connection `connection`. An injected error has no envelope on this transport (the
   * message is answered as usual); a drop ends the connection.
   */
  async ws(mock: FamilyMock, session: WsSession, connection: string, text: string, binary = false): Promise<string[] | Dropped> {
    const family = mock.family;
    this.traffic.record({ family, transport: 'ws', direction: 'in', summary: binary ? `${connection} (binary)` : connection, body: text });
    if ((await this.fault()) === 'drop') return DROPPED;
    const answers = await this.durable(mock, () => session.message(text));
    // No error envelope on this transport: the connection ends instead of acknowledging a write that is not durable.
    if (answers === undefined) return DROPPED;
    for (const answer of answers) this.pushed(family, 'ws', connection, answer);
    return answers;
  }

  /** One MQTT publish of a client; as over WebSocket, only a drop changes what happens. */
  async mqtt(mock: FamilyMock, surface: MqttSurface, client: MqttClientApi, topic: string, payload: Buffer): Promise<MqttAnswer[] | Dropped> {
    const family = mock.family;
    this.traffic.record({ family, transport: 'mqtt', direction: 'in', summary: `${topic} ← ${client.clientId}`, body: payload.toString() });
    if ((await this.fault()) === 'drop') return DROPPED;
    const answers = await this.durable(mock, () => surface.message(client, topic, payload));
    if (answers === undefined) return DROPPED;
    for (const answer of answers) this.pushed(family, 'mqtt', answer.to === 'client' ? `${answer.topic} → ${client.clientId}` : answer.topic, answer.payload);
    return answers;
  }

  /** Records what a family sends unasked (a push): pushes skip latency and faults, which belong to requests. */
  pushed(family: string, transport: string, summary: string, body: string): void {
    this.traffic.record({ family, transport, direction: 'out', summary, body });
  }

  /** Latency, then the fault decision; without either configured, no timer and no random draw. */
  private async fault(): Promise<FaultDecision> {
    if (!this.injector.active) return 'none';
    await this.injector.wait();
    return this.injector.decide();
  }
}
