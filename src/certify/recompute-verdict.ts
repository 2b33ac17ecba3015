import { overall, summaryOf, verdictOf, type ConformanceReport, type RequirementResult, type Status } from '../reports/model.ts';
import type { Baseline } from '../reports/model.ts';

export type VerdictResult = 'passed' | 'failed' | 'incomplete';
type Summary = ConformanceReport['summary'];

export { summaryOf };

/** A run's verdict: incomplete when it stopped early or ran nothing, else failed when a MUST requirement failed. */
export function resultOf(summary: Summary, stopped: unknown): VerdictResult {
  if (stopped || summary.passed + summary.failed + summary.skipped + summary.knownDeviations === 0) return 'incomplete';
  return summary.mustFailed > 0 ? 'failed' : 'passed';
}

const SUMMARY_KEYS = ['passed', 'failed', 'skipped', 'notTested', 'knownDeviations', 'mustFailed', 'shouldFailed'] as const;
const STATUSES: readonly Status[] = ['passed', 'failed', 'skipped', 'not-tested', 'known-deviation'];

export interface Recomputed {
  summary: Summary;
  result: VerdictResult;
  /** Each place where the report's own words disagree with what its per-transport results give. */
  problems: string[];
}

/**
 * The verdict from the bottom up, trusting nothing the report says about itself: each requirement's status from its
 * transports' statuses, its verdict from that status and its level, its failures against the transports that failed,
 * a known deviation against the baseline shipped with it, the summary from the requirements. `where` names the file.
 * What this cannot see is a report rewritten consistently from the transports up: that is what the checksums (against
 * accidents) and the signature (against anyone without the key) are for.
 */
export function recomputeVerdict(report: ConformanceReport, baseline: Baseline | undefined, where: string): Recomputed {
  const problems: string[] = [];
  const requirements = Array.isArray(report.requirements) ? report.requirements : [];
  if (!Array.isArray(report.requirements)) problems.push(`${where}: has no requirements list`);
  const recomputed = requirements.map((r) => {
    const transports = Object.entries(r.transports ?? {}) as Array<[string, Status]>;
    const odd = transports.filter(([, s]) => !STATUSES.includes(s));
    if (odd.length > 0) problems.push(`${where}: ${r.id} has the unknown status ${odd.map(([t, s]) => `${JSON.stringify(s)} on ${t}`).join(', ')}`);
    const status = overall(transports.map(([, s]) => s));
    const per = transports.map(([t, s]) => `${t}: ${s}`).join(', ') || 'none tested';
    if (r.status !== status) problems.push(`${where}: ${r.id} says ${r.status}, but its transports give ${status} (${per})`);
    const verdict = verdictOf(status, r.level);
    if (r.verdict !== verdict) problems.push(`${where}: ${r.id} has the verdict ${r.verdict}, but ${status} at level ${r.level} is ${verdict}`);
    const failing = new Set(transports.filter(([, s]) => s === 'failed' || s === 'known-deviation').map(([t]) => t));
    const failedOn = new Set((r.failures ?? []).map((f) => f.transport as string));
    for (const t of failing) if (!failedOn.has(t)) problems.push(`${where}: ${r.id} failed on ${t}, but no failure of it on ${t} is recorded`);
    for (const t of failedOn) if (!failing.has(t)) problems.push(`${where}: ${r.id} records a failure on ${t}, but says ${t} ${(r.transports as Record<string, string>)[t] ?? 'was not tested'}`);
    const excused = transports.filter(([, s]) => s === 'known-deviation').map(([t]) => t);
    if (excused.length > 0) {
      const entry = baseline?.[r.id];
      if (!entry) problems.push(`${where}: ${r.id} is a known deviation on ${excused.join(', ')}, but ${baseline ? 'the bundle\'s baseline does not list it' : 'the bundle has no baseline'}`);
      else {
        const outside = excused.filter((t) => entry.transports && !entry.transports.includes(t as never));
        if (outside.length > 0) problems.push(`${where}: ${r.id} is a known deviation on ${outside.join(', ')}, but the baseline excuses it on ${entry.transports?.join(', ')} only`);
      }
    }
    return { status, level: r.level };
  });
  const summary = summaryOf(recomputed);
  const stated = report.summary ?? ({} as Summary);
  const wrong = SUMMARY_KEYS.filter((k) => stated[k] !== summary[k]);
  if (wrong.length > 0) problems.push(`${where}: the summary says ${wrong.map((k) => `${k} ${stated[k]}`).join(', ')}, but the requirements give ${wrong.map((k) => `${k} ${summary[k]}`).join(', ')}`);
  return { summary, result: resultOf(summary, report.stopped), problems };
}
