/**
 * The request/answer channel every message transport shares (WebSocket, MQTT): what arrives is kept in order,
 * offered to the requests waiting on the connection (a family's router says which one it answers), and otherwise
 * left unclaimed for a test to inspect. Every wait uses the one timeout policy (wait.ts) and names what it waited for;
 * every answer, and every answer that never came, is in the test's transcript and counts for the circuit breaker.
 */
import type { Transport } from '../../src/specs/families.ts';
import { recordAnswer, recordTransportFailure } from '../../src/runner/circuit-breaker.ts';
import type { Transcript } from './transcript.ts';
import { ANSWER_MS, within } from './wait.ts';

/** One incoming message: a WebSocket message or an MQTT publish. */
export interface Message {
  text: string;
  /** The text parsed as JSON, or undefined when it is not JSON. */
  json: any;
  /** MQTT only: the topic it came on, and its QoS. */
  topic?: string;
  qos?: number;
}

/** A request waiting for its answer. */
export interface Pending {
  /** What the family matches answers on (a requestId, a room); undefined when it matches on accepts alone. */
  key?: string;
  /** Whether a message may be this request's answer (default: any). */
  accepts?: (m: Message) => boolean;
  resolve: (m: Message) => void;
}

/**
 * Which waiting request a message answers: one of them, 'stray' (an answer that must not be taken as any request's:
 * kept in strays), or undefined (not an answer to a waiting request: left unclaimed).
 */
export type Router = (m: Message, pending: readonly Pending[]) => Pending | 'stray' | undefined;

/** The default router: the oldest waiting request that accepts the message. */
export const firstAccepting: Router = (m, pending) => pending.find((p) => p.accepts?.(m) ?? true);

export interface RequestSpec {
  /** The text written on the connection. */
  text: string;
  /** The request as the transcript shows it. */
  shown: unknown;
  /** What the test waited for, for the timeout's message. */
  what: string;
  key?: string;
  accepts?: (m: Message) => boolean;
  /** Sends the text (default: the connection's write); awaited before the answer is. */
  send?: () => void | Promise<void>;
}

/** A message as the transcript shows it: its topic beside the payload on MQTT. */
export function shownMessage(m: Message): unknown {
  return m.topic === undefined ? (m.json ?? m.text) : { topic: m.topic, payload: m.json ?? m.text };
}

/** The text as JSON, or undefined. */
export function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class MessageChannel {
  /** Every message received so far, in order. */
  readonly received: Message[] = [];
  /** The messages the router gave to no request (nor as a stray), in order. */
  private readonly unclaimed: Message[] = [];
  /** The messages the router called strays. */
  readonly strayMessages: Message[] = [];
  private readonly pending: Pending[] = [];
  private readonly watchers: Array<{ pred: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  /** The family's matching of answers to requests (set by its adapter). */
  router: Router = firstAccepting;

  constructor(
    readonly transport: Extract<Transport, 'ws' | 'mqtt'>,
    protected readonly transcript: Transcript,
    private readonly write: (text: string) => void,
  ) {}

  /** Called by the transport for every message that arrives. */
  incoming(m: Message): void {
    this.received.push(m);
    for (const w of [...this.watchers]) {
      if (w.pred(m)) {
        this.watchers.splice(this.watchers.indexOf(w), 1);
        w.resolve(m);
      }
    }
    const match = this.router(m, this.pending);
    if (match === 'stray') {
      this.strayMessages.push(m);
      this.transcript.add({ transport: this.transport, request: '(none: an answer to a request this connection did not send, or a second answer)', response: shownMessage(m) });
      return;
    }
    if (!match) {
      this.unclaimed.push(m);
      return;
    }
    this.pending.splice(this.pending.indexOf(match), 1);
    match.resolve(m);
  }

  /** Sends a request and waits (ANSWER_MS) for the message the router gives it. */
  async exchange(spec: RequestSpec): Promise<Message> {
    let entry: Pending | undefined;
    const answered = new Promise<Message>((resolve) => {
      entry = { resolve, ...(spec.key !== undefined ? { key: spec.key } : {}), ...(spec.accepts ? { accepts: spec.accepts } : {}) };
      this.pending.push(entry);
    });
    try {
      await (spec.send ? spec.send() : this.write(spec.text));
    } catch (error) {
      this.drop(entry);
      throw error;
    }
    try {
      const m = await within(answered, ANSWER_MS, spec.what);
      recordAnswer();
      this.transcript.add({ transport: this.transport, request: spec.shown, response: shownMessage(m) });
      return m;
    } catch (error) {
      this.drop(entry);
      recordTransportFailure((error as Error).message);
      this.transcript.add({ transport: this.transport, request: spec.shown, response: { error: (error as Error).message } });
      throw error;
    }
  }

  /** Writes a text as is, awaiting nothing (its answers show in the following transcript entries). */
  sendRaw(text: string): void {
    this.transcript.add({ transport: this.transport, request: text, response: '(see the following entries)' });
    this.write(text);
  }

  /** The next message, from now on, that satisfies pred (not taken from the requests). */
  next(pred: (m: Message) => boolean, what: string, ms = ANSWER_MS): Promise<Message> {
    let watcher: { pred: (m: Message) => boolean; resolve: (m: Message) => void } | undefined;
    const arrived = new Promise<Message>((resolve) => {
      watcher = { pred, resolve };
      this.watchers.push(watcher);
    });
    return within(arrived, ms, what).then(
      (m) => {
        this.transcript.add({ transport: this.transport, request: `(awaiting ${what})`, response: shownMessage(m) });
        return m;
      },
      (error: unknown) => {
        const at = this.watchers.indexOf(watcher as never);
        if (at !== -1) this.watchers.splice(at, 1);
        throw error;
      },
    );
  }

  /** The unclaimed messages that match, left in place. */
  peek(match: (m: Message) => boolean): Message[] {
    return this.unclaimed.filter(match);
  }

  /** Drops the unclaimed messages that match (answers nobody waits for any more). */
  discard(match: (m: Message) => boolean = () => true): void {
    for (let i = this.unclaimed.length - 1; i >= 0; i--) if (match(this.unclaimed[i] as Message)) this.unclaimed.splice(i, 1);
  }

  private drop(entry: Pending | undefined): void {
    const at = this.pending.indexOf(entry as Pending);
    if (at !== -1) this.pending.splice(at, 1);
  }
}
