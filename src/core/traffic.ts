import { REDACTED, Redactor } from './redact.ts';


/** One recorded message, as the control API shows it. */
export interface TrafficEntry {
  at: string;
  /** The family's name: the core knows families as strings only. */
  family: string;
  transport: string;
  direction: 'in' | 'out';
  /** HTTP: "PUT /_me"; WebSocket: the connection id; MQTT: the topic. */
  summary: string;
  status?: number;
  body?: string;
}

/** What is kept per message: the raw parts, formatted only when someone asks (recording is on every request's path). */
interface Recorded {
  at: number;
  family: string;
  transport: string;
  direction: 'in' | 'out';
  summary: string;
  status?: number;
  body?: string | Uint8Array;
}

const MAX_BODY = 4096;
const decoder = new TextDecoder();

/** The word the cut falls in: a secret cut in two is no longer recognizable (a JWT needs its dots), so it goes. */
const CUT_WORD = /[A-Za-z0-9._~+/=:-]+$/;

function text(body: string | Uint8Array | undefined): string | undefined {
  if (body === undefined) return undefined;
  const full = typeof body === 'string' ? body : decoder.decode(body.subarray(0, MAX_BODY + 1));
  const length = typeof body === 'string' ? body.length : body.length;
  return length > MAX_BODY ? `${full.slice(0, MAX_BODY).replace(CUT_WORD, REDACTED)}… (${length} ${typeof body === 'string' ? 'characters' : 'bytes'})` : full;
}

/** What a reader of the traffic sees (an interface, so that built and source copies of the package agree on it). */
export interface TrafficView {
  list(filter?: { family?: string; transport?: string }): TrafficEntry[];
  clear(): void;
}

/** A bounded log of the last exchanges (a ring buffer), so a long-running mock never grows without limit. */
export class TrafficLog implements TrafficView {
  private readonly ring: Array<Recorded | undefined>;
  private next = 0;
  private size = 0;
  /** The control API shows traffic without secrets (passwords, tokens, Authorization values): see the README. */
  private readonly redactor = new Redactor();

  constructor(private readonly limit = 1000) {
    this.ring = new Array(limit);
  }

  record(entry: Omit<Recorded, 'at'>): void {
    (entry as Recorded).at = Date.now();
    this.ring[this.next] = entry as Recorded;
    this.next = (this.next + 1) % this.limit;
    if (this.size < this.limit) this.size++;
  }

  /** Secrets to replace wherever they appear, whatever their shape (the seeded passwords, the tokens handed out). */
  addSecrets(values: unknown): void {
    this.redactor.addAll(values);
  }

  list(filter: { family?: string; transport?: string } = {}): TrafficEntry[] {
    const out: TrafficEntry[] = [];
    for (let i = 0; i < this.size; i++) {
      const e = this.ring[(this.next - this.size + i + this.limit) % this.limit];
      if (!e || (filter.family && e.family !== filter.family) || (filter.transport && e.transport !== filter.transport)) continue;
      out.push({ at: new Date(e.at).toISOString(), family: e.family, transport: e.transport, direction: e.direction, summary: this.redactor.text(e.summary), ...(e.status !== undefined ? { status: e.status } : {}), ...(e.body !== undefined ? { body: this.redactor.value(text(e.body)) } : {}) });
    }
    return out;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.size = 0;
  }
}
