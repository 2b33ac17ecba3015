/** Latency and fault injection, decided per request with a seeded generator so runs can be reproduced. */
export interface LatencyOptions {
  fixedMs: number;
  jitterMs: number;
}

export interface FaultOptions {
  /** Fraction (0..1) of requests answered with the family's internal error. */
  errorRate: number;
  /** Fraction (0..1) of requests whose connection is dropped without an answer. */
  dropRate: number;
  seed: number;
}

export type FaultDecision = 'none' | 'error' | 'drop';

/** mulberry32: small, fast, good enough to spread faults evenly; seeded for reproducible runs. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Injector {
  private readonly random: () => number;
  constructor(
    private readonly latency: LatencyOptions,
    private readonly faults: FaultOptions,
  ) {
    this.random = generator(faults.seed);
  }

  get active(): boolean {
    return this.latency.fixedMs > 0 || this.latency.jitterMs > 0 || this.faults.errorRate > 0 || this.faults.dropRate > 0;
  }

  delayMs(): number {
    return this.latency.fixedMs + (this.latency.jitterMs > 0 ? Math.floor(this.random() * (this.latency.jitterMs + 1)) : 0);
  }

  decide(): FaultDecision {
    if (this.faults.dropRate > 0 && this.random() < this.faults.dropRate) return 'drop';
    if (this.faults.errorRate > 0 && this.random() < this.faults.errorRate) return 'error';
    return 'none';
  }

  /** Waits the configured latency (nothing when none is set, so the fast path stays synchronous). */
  async wait(): Promise<void> {
    const ms = this.delayMs();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
