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
  /** Present when `body` holds only the first 4 KiB of the message: the body's length in bytes as it arrived. */
  truncated?: { bytes: number };
}

/** What is kept per message: small bodies raw (formatted only when someone asks), long ones already redacted and cut. */
interface Recorded {
  at: number;
  family: string;
  transport: string;
  direction: 'in' | 'out';
  summary: string;
  status?: number;
  body?: string | Uint8Array;
  /** The original byte length of a body that was cut. */
  bodyBytes?: number;
  /** What this entry is counted as against the byte budget. */
  cost: number;
}

export interface TrafficLimits {
  /** Entries kept at most. */
  entries?: number;
  /** Bytes kept at most, over every entry (an estimate of what the entries hold in memory). */
  bytes?: number;
}

/** What a body or summary keeps of a message, in UTF-8 bytes. */
export const MAX_RECORDED_BYTES = 4096;
export const MAX_ENTRIES = 1000;
export const MAX_TRAFFIC_BYTES = 8 * 1024 * 1024;
/** The fixed part of an entry's cost: its object, its timestamp, its references. */
const ENTRY_OVERHEAD = 128;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The word the cut falls in: a secret cut in two is no longer recognizable (a JWT needs its dots), so it goes. */
const CUT_WORD = /[A-Za-z0-9._~+/=:-]+$/;

/** A string's length in UTF-8 bytes, without encoding it (a body may be 1 MB and only its length is wanted). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The first MAX_RECORDED_BYTES bytes of a text, cut before a character split in two. Goes through bytes on purpose:
 * the result is a fresh string, never a slice that would keep the whole body alive.
 */
function firstBytes(s: string): string {
  const bytes = encoder.encode(s.slice(0, MAX_RECORDED_BYTES));
  let end = Math.min(bytes.length, MAX_RECORDED_BYTES);
  while (end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  return decoder.decode(bytes.subarray(0, end));
}

/** A view into a larger buffer would keep the whole buffer alive: such bodies are copied. */
function own(body: Uint8Array): Uint8Array {
  return body.byteLength === body.buffer.byteLength ? body : body.slice();
}

/** What a reader of the traffic sees (an interface, so that built and source copies of the package agree on it). */
export interface TrafficView {
  list(filter?: { family?: string; transport?: string }): TrafficEntry[];
  clear(): void;
}

/**
 * A bounded log of the last exchanges (a ring buffer), so a long-running mock never grows without limit: at most
 * `entries` entries and `bytes` bytes, oldest evicted first, and no body or summary longer than 4 KiB.
 */
export class TrafficLog implements TrafficView {
  private readonly ring: Array<Recorded | undefined>;
  private readonly limit: number;
  private readonly budget: number;
  private next = 0;
  private size = 0;
  private used = 0;
  /** The control API shows traffic without secrets (passwords, tokens, Authorization values): see the README. */
  private readonly redactor = new Redactor();

  constructor(limits: number | TrafficLimits = {}) {
    const l = typeof limits === 'number' ? { entries: limits } : limits;
    this.limit = l.entries ?? MAX_ENTRIES;
    this.budget = l.bytes ?? MAX_TRAFFIC_BYTES;
    this.ring = new Array(this.limit);
  }

  record(entry: { family: string; transport: string; direction: 'in' | 'out'; summary: string; status?: number; body?: string | Uint8Array }): void {
    // One object shape for every entry (no spread, no delete): this runs once per message on the hot path.
    const kept: Recorded = { at: Date.now(), family: entry.family, transport: entry.transport, direction: entry.direction, summary: this.short(entry.summary), status: entry.status, body: undefined, bodyBytes: undefined, cost: 0 };
    if (entry.body !== undefined) {
      const body = this.keepBody(entry.body);
      kept.body = body.body;
      kept.bodyBytes = body.bodyBytes;
    }
    kept.cost = ENTRY_OVERHEAD + kept.summary.length * 2 + (kept.body === undefined ? 0 : typeof kept.body === 'string' ? kept.body.length * 2 : kept.body.byteLength);
    if (this.size === this.limit) this.evictOldest();
    this.ring[this.next] = kept;
    this.next = (this.next + 1) % this.limit;
    this.size++;
    this.used += kept.cost;
    while (this.used > this.budget && this.size > 1) this.evictOldest();
  }

  /** Bytes the kept entries are counted as (what the budget bounds). */
  get bytes(): number {
    return this.used;
  }

  private evictOldest(): void {
    const oldest = (this.next - this.size + this.limit) % this.limit;
    this.used -= this.ring[oldest]?.cost ?? 0;
    this.ring[oldest] = undefined;
    this.size--;
  }

  /**
   * A body up to 4 KiB is kept as it came (redacted when listed, with the secrets known then). A longer one is redacted
   * whole first and cut afterwards, so a secret the cut falls in is already gone, never shown by halves.
   */
  private keepBody(body: string | Uint8Array): { body: string | Uint8Array; bodyBytes?: number } {
    if (typeof body !== 'string') {
      if (body.byteLength <= MAX_RECORDED_BYTES) return { body: own(body) };
      return this.cut(decoder.decode(body), body.byteLength);
    }
    if (body.length * 3 <= MAX_RECORDED_BYTES) return { body };
    const bytes = utf8Length(body);
    return bytes <= MAX_RECORDED_BYTES ? { body } : this.cut(body, bytes);
  }

  private cut(full: string, bytes: number): { body: string; bodyBytes: number } {
    const head = firstBytes(this.redactor.value(full)).replace(CUT_WORD, REDACTED);
    return { body: `${head}… (${bytes} bytes)`, bodyBytes: bytes };
  }

  /** A summary (an MQTT topic may be 64 KiB) is bounded the same way: redacted, then cut. */
  private short(summary: string): string {
    if (summary.length * 3 <= MAX_RECORDED_BYTES || utf8Length(summary) <= MAX_RECORDED_BYTES) return summary;
    return `${firstBytes(this.redactor.text(summary)).replace(CUT_WORD, REDACTED)}…`;
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
      const body = e.body === undefined ? undefined : typeof e.body === 'string' ? e.body : decoder.decode(e.body);
      out.push({
        at: new Date(e.at).toISOString(),
        family: e.family,
        transport: e.transport,
        direction: e.direction,
        summary: this.redactor.text(e.summary),
        ...(e.status !== undefined ? { status: e.status } : {}),
        ...(body !== undefined ? { body: this.redactor.value(body) } : {}),
        ...(e.bodyBytes !== undefined ? { truncated: { bytes: e.bodyBytes } } : {}),
      });
    }
    return out;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.size = 0;
    this.used = 0;
  }
}
