import type { FaultDecision, Injector } from './faults.ts';
import type { FamilyMock, MqttAnswer, MqttClientApi, MqttSurface, WsSession } from './family.ts';
import type { HttpRequest, HttpResponse } from './http-exchange.ts';
import type { TrafficLog } from './traffic.ts';

/** What a request gets when a fault drops its connection: the listener ends it without an answer. */
export const DROPPED: unique symbol = Symbol('conform.dropped');
export type Dropped = typeof DROPPED;

/**
 * What makes an answer durable before it is sent (`--state`): the pipeline awaits commit() after the family answered
 * and before the listener writes the answer, so a client never sees a write acknowledged that a crash could lose.
 */
export interface Durability {
  commit(): Promise<void>;
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

  /** False when the state could not be made durable: the exchange is then not acknowledged as a success. */
  private async durable(): Promise<boolean> {
    if (!this.durability) return true;
    try {
      await this.durability.commit();
      return true;
    } catch {
      return false;
    }
  }

  /** One HTTP request; an injected error is the family's own fault envelope. */
  async http(mock: FamilyMock, request: HttpRequest): Promise<HttpResponse | Dropped> {
    const summary = `${request.method} ${request.url}`;
    this.traffic.record({ family: mock.family, transport: 'http', direction: 'in', summary, body: request.body ?? undefined });
    const fault = await this.fault();
    if (fault === 'drop') return DROPPED;
    let response = fault === 'error' ? mock.faultResponse() : await mock.http(request);
    // A write that cannot be made durable is answered as the family's server error, never as a success.
    if (this.durability && !(await this.durable())) response = mock.faultResponse();
    this.traffic.record({ family: mock.family, transport: 'http', direction: 'out', summary, status: response.status, body: response.body ?? undefined });
    return response;
  }

  /**
   * One WebSocket message of connection `connection`. An injected error has no envelope on this transport (the
   * message is answered as usual); a drop ends the connection.
   */
  async ws(family: string, session: WsSession, connection: string, text: string, binary = false): Promise<string[] | Dropped> {
    this.traffic.record({ family, transport: 'ws', direction: 'in', summary: binary ? `${connection} (binary)` : connection, body: text });
    if ((await this.fault()) === 'drop') return DROPPED;
    const answers = await session.message(text);
    // No error envelope on this transport: the connection ends instead of acknowledging a write that is not durable.
    if (this.durability && !(await this.durable())) return DROPPED;
    for (const answer of answers) this.pushed(family, 'ws', connection, answer);
    return answers;
  }

  /** One MQTT publish of a client; as over WebSocket, only a drop changes what happens. */
  async mqtt(family: string, surface: MqttSurface, client: MqttClientApi, topic: string, payload: Buffer): Promise<MqttAnswer[] | Dropped> {
    this.traffic.record({ family, transport: 'mqtt', direction: 'in', summary: `${topic} ← ${client.clientId}`, body: payload.toString() });
    if ((await this.fault()) === 'drop') return DROPPED;
    const answers = await surface.message(client, topic, payload);
    if (this.durability && !(await this.durable())) return DROPPED;
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
