import { answerSignature } from './answer-signature.ts';
import type { Catalogue, Requirement } from '../specs/catalogue.ts';
import { describeSource } from '../specs/catalogue.ts';
import { documentOf, type DocumentRef } from '../specs/documents.ts';
import { CATEGORIES, LEVELS, TRANSPORTS, type Family, type Level, type Transport } from '../specs/families.ts';
import { perFamily } from '../families/lookup.ts';
import { expectedReceived } from './expected-received.ts';
import { reproduce } from './reproduce.ts';

export type Status = 'passed' | 'failed' | 'skipped' | 'not-tested' | 'known-deviation';

/** One test's outcome, as the Playwright reporter hands it over. */
export interface TestOutcome {
  title: string;
  requirements: string[];
  transport: Transport;
  status: 'passed' | 'failed' | 'skipped';
  /** A skipped test: why it does not apply to this target (its test.skip description). */
  skipReason?: string;
  message?: string;
  exchanges?: unknown[];
  durationMs: number;
}

export interface Failure {
  transport: Transport;
  test: string;
  message: string;
  /** What the assertion wanted and what it got, when the message says (Playwright's Expected:/Received: or diff). */
  expected?: string;
  received?: string;
  exchanges: unknown[];
  /** The exchanges as copy-paste commands (curl, node, mosquitto_rr), credentials as environment variables. */
  reproduction: string;
  /** How the server answered (answerSignature): what a baseline entry records of a known failure. */
  answer?: string;
}

/**
 * What a status means for the run: a failed MUST fails it; a failed SHOULD or MAY is a warning; a failure the
 * baseline lists is a known deviation. Decided here once, so that no serializer decides it again.
 */
export type Verdict = 'failed' | 'warning' | 'known-deviation' | 'passed' | 'skipped' | 'not-tested';

export function verdictOf(status: Status, level: Level): Verdict {
  if (status === 'failed') return level === 'MUST' ? 'failed' : 'warning';
  return status;
}

/** The order reports list requirements in: what needs attention first. */
export const VERDICT_ORDER: readonly Verdict[] = ['failed', 'warning', 'known-deviation', 'skipped', 'not-tested', 'passed'];

/** The requirements failures first (then warnings, known deviations …), catalogue order kept within each verdict. */
export function failuresFirst<T extends { verdict: Verdict }>(requirements: readonly T[]): T[] {
  return VERDICT_ORDER.flatMap((v) => requirements.filter((r) => r.verdict === v));
}

export type VerdictCounts = Record<Verdict, number>;

export interface RequirementResult {
  id: string;
  family: Family;
  operation: string;
  level: Level;
  category: string;
  title: string;
  source: string;
  /** The document the requirement comes from, by title and section. */
  document: DocumentRef;
  status: Status;
  verdict: Verdict;
  transports: Partial<Record<Transport, Status>>;
  /** How long the requirement's tests took per transport (the sum of its tests' durations). */
  durationsMs: Partial<Record<Transport, number>>;
  failures: Failure[];
  /** Why a failure is known: the baseline's reason. */
  knownBecause?: string;
  /** Why it does not apply to this target, when a transport's tests were all skipped (the tests' skip reasons). */
  notApplicable?: string;
  /** Transports where it failed otherwise than its baseline entry records: a new failure, not the known one. */
  baselineMismatch?: BaselineMismatch[];
}

export interface BaselineMismatch {
  transport: Transport;
  /** The answers the baseline entry knows. */
  known: string[];
  /** The answers of this run's failed tests. */
  now: string[];
}

export interface ConformanceReport {
  tool: { name: string; version: string };
  api: Family;
  target: { name: string; endpoints: Partial<Record<Transport, string>> };
  startedAt: string;
  durationMs: number;
  transportsTested: Transport[];
  summary: { passed: number; failed: number; skipped: number; notTested: number; knownDeviations: number; mustFailed: number; shouldFailed: number };
  /** Requirements by verdict per level and per category; requirement × transport cells by verdict per transport. */
  breakdown: { level: Record<string, VerdictCounts>; category: Record<string, VerdictCounts>; transport: Record<string, VerdictCounts> };
  requirements: RequirementResult[];
  /** Baseline entries whose requirement now passes, and entries past their date; absent when there is none. */
  baseline?: BaselineFindings;
  /** Why the run ended before its tests did (pre-flight problem, target stopped answering, signal); absent otherwise. */
  stopped?: { stage: 'pre-flight' | 'run'; code: string; reason: string };
  /** The generative phase's budget and seed, to reproduce its cases (--generate, --generate-seed); absent when not run by conform test. */
  generate?: { cases: number; seed: number };
}

export interface Baseline {
  /**
   * requirement id → why it is expected to fail (optionally only on some transports), and optionally the day
   * (YYYY-MM-DD, UTC) after which the entry stops counting: a fix promised for a release cannot be forgotten.
   * `failures` records how it fails per transport (answerSignature): a failure that answers otherwise is a new one.
   */
  [id: string]: { why: string; transports?: Transport[]; expires?: string; failures?: Partial<Record<Transport, string[]>> };
}

/** What a run found wrong with its baseline: entries whose requirement now passes, entries past their date. */
export interface BaselineFindings {
  stale: string[];
  expired: Array<{ id: string; expires: string }>;
}

/** Whether an entry's date has passed on the day the run started (it counts through the whole of that day). */
function hasExpired(entry: Baseline[string], startedAt: Date): boolean {
  return entry.expires !== undefined && entry.expires < startedAt.toISOString().slice(0, 10);
}

/** A transport's status from its tests: any failure fails it; all skipped is skipped. */
function transportStatus(outcomes: TestOutcome[]): Status {
  if (outcomes.length === 0) return 'not-tested';
  if (outcomes.some((o) => o.status === 'failed')) return 'failed';
  if (outcomes.every((o) => o.status === 'skipped')) return 'skipped';
  return 'passed';
}

/** Each family's MQTT request topic (its manifest): its MQTT exchanges of a plain request do not record it. */
export const MQTT_REQUEST_TOPIC: Partial<Record<Family, string>> = perFamily((m) => m.mqttRequestTopic);

const zero = (): VerdictCounts => ({ failed: 0, warning: 0, 'known-deviation': 0, passed: 0, skipped: 0, 'not-tested': 0 });

function tally<K extends string>(keys: readonly K[], items: Array<[K, Verdict]>): Record<K, VerdictCounts> {
  const out = Object.fromEntries(keys.map((k) => [k, zero()])) as Record<K, VerdictCounts>;
  for (const [key, verdict] of items) (out[key] ??= zero())[verdict] += 1;
  return out;
}

/** The distinct reasons of skipped tests, or undefined when none was skipped (a skip without a reason still says so). */
function skipReasons(outcomes: TestOutcome[]): string | undefined {
  const reasons = [...new Set(outcomes.filter((o) => o.status === 'skipped').map((o) => o.skipReason || 'skipped by the test, no reason given'))];
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/** A requirement's status from its transports': any failure fails it, then a known deviation, a pass, a skip. */
export function overall(statuses: Status[]): Status {
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
  generate?: { cases: number; seed: number };
}): ConformanceReport {
  const requirements = input.catalogue.requirements.map((r: Requirement): RequirementResult => {
    const mine = input.outcomes.filter((o) => o.requirements.includes(r.id));
    const listed = input.baseline[r.id];
    const known = listed && !hasExpired(listed, input.startedAt) ? listed : undefined;
    const transports: Partial<Record<Transport, Status>> = {};
    const failures: Failure[] = [];
    const durationsMs: Partial<Record<Transport, number>> = {};
    const mismatches: BaselineMismatch[] = [];
    const ctx = { endpoints: input.target.endpoints, mqttRequestTopic: MQTT_REQUEST_TOPIC[input.catalogue.family] };
    for (const t of r.transports) {
      const own = mine.filter((o) => o.transport === t);
      let status = input.transportsTested.includes(t) ? transportStatus(own) : 'not-tested';
      if (status === 'failed' && known && (!known.transports || known.transports.includes(t))) {
        const recorded = known.failures?.[t];
        const now = [...new Set(own.filter((o) => o.status === 'failed').map((o) => answerSignature(o.exchanges)))];
        const otherwise = recorded ? now.filter((a) => !recorded.includes(a)) : [];
        if (otherwise.length === 0) status = 'known-deviation';
        else mismatches.push({ transport: t, known: recorded!, now });
      }
      transports[t] = status;
      if (own.length > 0) durationsMs[t] = Math.round(own.reduce((sum, o) => sum + o.durationMs, 0));
      for (const o of own.filter((x) => x.status === 'failed')) {
        const message = o.message ?? '';
        const exchanges = o.exchanges ?? [];
        failures.push({ transport: t, test: o.title, message, ...expectedReceived(message), exchanges, reproduction: reproduce(exchanges, ctx), answer: answerSignature(exchanges) });
      }
    }
    const status = overall(Object.values(transports));
    const notApplicable = skipReasons(mine.filter((o) => transports[o.transport] === 'skipped'));
    return {
      id: r.id,
      family: input.catalogue.family,
      operation: r.operation,
      level: r.level,
      category: r.category,
      title: r.title,
      source: describeSource(r.source),
      document: documentOf(r.source),
      status,
      verdict: verdictOf(status, r.level),
      transports,
      durationsMs,
      failures,
      ...(status === 'known-deviation' && known ? { knownBecause: known.why } : {}),
      ...(notApplicable ? { notApplicable } : {}),
      ...(mismatches.length ? { baselineMismatch: mismatches } : {}),
    };
  });
  const findings = baselineFindings(input.baseline, requirements, input.startedAt);
  return {
    tool: { name: 'conform', version: input.version },
    api: input.catalogue.family,
    target: input.target,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    transportsTested: input.transportsTested,
    summary: summaryOf(requirements),
    breakdown: {
      level: tally(LEVELS, requirements.map((r) => [r.level, r.verdict])),
      // Only the categories and transports the family has, in the vocabulary's order.
      category: tally(CATEGORIES.filter((c) => requirements.some((r) => r.category === c)), requirements.map((r) => [r.category, r.verdict])),
      transport: tally(TRANSPORTS.filter((t) => requirements.some((r) => t in r.transports)), requirements.flatMap((r) => Object.entries(r.transports).map(([t, s]) => [t as Transport, verdictOf(s, r.level)] as [Transport, Verdict]))),
    },
    requirements,
    ...(findings.stale.length + findings.expired.length > 0 ? { baseline: findings } : {}),
    ...(input.generate ? { generate: { cases: input.generate.cases, seed: input.generate.seed } } : {}),
  };
}

/**
 * A baseline entry is stale when its requirement was tested and passed on every transport the entry covers that
 * the run tested: the deviation it excused is gone, and left in place the entry would excuse its return.
 */
function baselineFindings(baseline: Baseline, requirements: RequirementResult[], startedAt: Date): BaselineFindings {
  const stale: string[] = [];
  const expired: BaselineFindings['expired'] = [];
  for (const [id, entry] of Object.entries(baseline)) {
    if (hasExpired(entry, startedAt)) {
      expired.push({ id, expires: entry.expires as string });
      continue;
    }
    const result = requirements.find((r) => r.id === id);
    if (!result) continue;
    const covered = Object.entries(result.transports).filter(([t, st]) => (!entry.transports || entry.transports.includes(t as Transport)) && st !== 'not-tested' && st !== 'skipped');
    if (covered.length > 0 && covered.every(([, st]) => st === 'passed')) stale.push(id);
  }
  return { stale, expired };
}

/** conform test's exit code: 1 when a MUST requirement failed (baseline entries excepted), else 0. */
/**
 * 1 when a MUST requirement failed, or when a baseline entry went stale (its requirement now passes) and the run
 * does not allow it (--allow-stale-baseline; a shard, which sees only part of a requirement's tests, always does).
 */
export function exitCodeOf(report: ConformanceReport, options: { allowStaleBaseline?: boolean } = {}): 0 | 1 {
  if (report.summary.mustFailed > 0) return 1;
  return (report.baseline?.stale.length ?? 0) > 0 && !options.allowStaleBaseline ? 1 : 0;
}

/** The summary the requirements give: what buildReport writes and what `conform verify` recomputes. */
export function summaryOf(requirements: readonly Pick<RequirementResult, 'status' | 'level'>[]): ConformanceReport['summary'] {
  const count = (s: Status) => requirements.filter((r) => r.status === s).length;
  return {
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    notTested: count('not-tested'),
    knownDeviations: count('known-deviation'),
    mustFailed: requirements.filter((r) => r.status === 'failed' && r.level === 'MUST').length,
    shouldFailed: requirements.filter((r) => r.status === 'failed' && r.level !== 'MUST').length,
  };
}
