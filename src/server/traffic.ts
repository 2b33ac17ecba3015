import type { Family, Transport } from '../specs/families.ts';

/** One recorded message, as the control API shows it. */
export interface TrafficEntry {
  at: string;
  family: Family;
  transport: Transport;
  direction: 'in' | 'out';
  /** HTTP: "PUT /_me"; WebSocket: the connection id; MQTT: the topic. */
  summary: string;
  status?: number;
  body?: string;
}

/** A bounded log of the last exchanges, so a long-running mock never grows without limit. */
export class TrafficLog {
  private readonly entries: TrafficEntry[] = [];
  constructor(private readonly limit = 1000) {}

  record(entry: Omit<TrafficEntry, 'at'>): void {
    this.entries.push({ at: new Date().toISOString(), ...entry, body: clip(entry.body) });
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(filter: { family?: string; transport?: string } = {}): TrafficEntry[] {
    return this.entries.filter((e) => (!filter.family || e.family === filter.family) && (!filter.transport || e.transport === filter.transport));
  }

  clear(): void {
    this.entries.length = 0;
  }
}

function clip(body: string | undefined): string | undefined {
  return body !== undefined && body.length > 4096 ? `${body.slice(0, 4096)}… (${body.length} characters)` : body;
}
