import type { Catalogue, Requirement } from '../specs/catalogue.ts';
import { describeSource } from '../specs/catalogue.ts';
import type { Family, Level, Transport } from '../specs/families.ts';

export type Status = 'passed' | 'failed' | 'skipped' | 'not-tested' | 'known-deviation';

/** One test's outcome, as the Playwright reporter hands it over. */
export interface TestOutcome {
  title: string;
  requirements: string[];
  transport: Transport;
  status: 'passed' | 'failed' | 'skipped';
  message?: string;
  exchanges?: unknown[];
  durationMs: number;
}

export interface Failure {
  transport: Transport;
  test: string;
  message: string;
  exchanges: unknown[];
}

export interface RequirementResult {
  id: string;
  family: Family;
  operation: string;
  level: Level;
  category: string;
  title: string;
  source: string;
  status: Status;
  transports: Partial<Record<Transport, Status>>;
  failures: Failure[];
  /** Why a failure is known: the baseline's reason. */
  knownBecause?: string;
}

export interface ConformanceReport {
  tool: { name: string; version: string };
  api: Family;
  target: { name: string; endpoints: Partial<Record<Transport, string>> };
  startedAt: string;
  durationMs: number;
  transportsTested: Transport[];
  summary: { passed: number; failed: number; skipped: number; notTested: number; knownDeviations: number; mustFailed: number; shouldFailed: number };
  requirements: RequirementResult[];
  /** Why the run ended before its tests did (pre-flight problem, target stopped answering, signal); absent otherwise. */
  stopped?: { stage: 'pre-flight' | 'run'; code: string; reason: string };
}

export interface Baseline {
  /** requirement id → why it is expected to fail (optionally only on some transports). */
  [id: string]: { why: string; transports?: Transport[] };
}

/** A transport's status from its tests: any failure fails it; all skipped is skipped. */
function transportStatus(outcomes: TestOutcome[]): Status {
  if (outcomes.length === 0) return 'not-tested';
  if (outcomes.some((o) => o.status === 'failed')) return 'failed';
  if (outcomes.every((o) => o.status === 'skipped')) return 'skipped';
  return 'passed';
}

function overall(statuses: Status[]): Status {
  for (const s of ['failed', 'known-deviation', 'passed', 'skipped'] as const) if (statuses.includes(s)) return s;
  return 'not-tested';
}

/**
 * The verdict per requirement and transport: pure, so every reporter serializes the same model and none of them
 * decides anything. A failure the baseline lists becomes a known deviation.
 */
export function buildReport(input: {
  catalogue: Catalogue;
  outcomes: TestOutcome[];
  transportsTested: Transport[];
  target: ConformanceReport['target'];
  baseline: Baseline;
  startedAt: Date;
  durationMs: number;
  version: string;
}): ConformanceReport {
  const requirements = input.catalogue.requirements.map((r: Requirement): RequirementResult => {
    const mine = input.outcomes.filter((o) => o.requirements.includes(r.id));
    const known = input.baseline[r.id];
    const transports: Partial<Record<Transport, Status>> = {};
    const failures: Failure[] = [];
    for (const t of r.transports) {
      const own = mine.filter((o) => o.transport === t);
      let status = input.transportsTested.includes(t) ? transportStatus(own) : 'not-tested';
      if (status === 'failed' && known && (!known.transports || known.transports.includes(t))) status = 'known-deviation';
      transports[t] = status;
      for (const o of own.filter((x) => x.status === 'failed')) failures.push({ transport: t, test: o.title, message: o.message ?? '', exchanges: o.exchanges ?? [] });
    }
    const status = overall(Object.values(transports));
    return {
      id: r.id,
      family: input.catalogue.family,
      operation: r.operation,
      level: r.level,
      category: r.category,
      title: r.title,
      source: describeSource(r.source),
      status,
      transports,
      failures,
      ...(status === 'known-deviation' && known ? { knownBecause: known.why } : {}),
    };
  });
  const count = (s: Status) => requirements.filter((r) => r.status === s).length;
  return {
    tool: { name: 'conform', version: input.version },
    api: input.catalogue.family,
    target: input.target,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    transportsTested: input.transportsTested,
    summary: {
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      notTested: count('not-tested'),
      knownDeviations: count('known-deviation'),
      mustFailed: requirements.filter((r) => r.status === 'failed' && r.level === 'MUST').length,
      shouldFailed: requirements.filter((r) => r.status === 'failed' && r.level !== 'MUST').length,
    },
    requirements,
  };
}

/** conform test's exit code: 1 when a MUST requirement failed (baseline entries excepted), else 0. */
export function exitCodeOf(report: ConformanceReport): 0 | 1 {
  return report.summary.mustFailed > 0 ? 1 : 0;
}
