import type { ConformanceReport, Status } from './model.ts';
import { esc } from './html/escape.ts';

/**
 * The trend per requirement across runs of one family, oldest first: for each requirement that ever failed or
 * changed, its status in every run and the runs where it started or stopped failing.
 */
export interface HistoryRun {
  startedAt: string;
  target: string;
  version: string;
  passed: number;
  mustFailed: number;
  shouldFailed: number;
  knownDeviations: number;
}

export interface RequirementTrend {
  id: string;
  level: string;
  /** Its status in each run, in the order of `runs` ("absent" where that run's catalogue did not have it). */
  statuses: Array<Status | 'absent'>;
  /** Indexes of the runs where it started failing (not failing before, failing there) and where it stopped. */
  startedFailing: number[];
  stoppedFailing: number[];
}

export interface History {
  api: string;
  runs: HistoryRun[];
  /** Only requirements whose status was not the same in every run, or that ever failed. */
  trends: RequirementTrend[];
}

export function historyOf(reports: ConformanceReport[]): History {
  const ordered = [...reports].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const ids = [...new Set(ordered.flatMap((r) => r.requirements.map((x) => x.id)))];
  const trends: RequirementTrend[] = [];
  for (const id of ids) {
    const results = ordered.map((r) => r.requirements.find((x) => x.id === id));
    const statuses = results.map((x) => x?.status ?? 'absent');
    const failing = statuses.map((s) => s === 'failed');
    if (new Set(statuses).size === 1 && !failing[0]) continue;
    const startedFailing = failing.flatMap((f, i) => (f && (i === 0 || !failing[i - 1]) ? [i] : []));
    const stoppedFailing = failing.flatMap((f, i) => (!f && i > 0 && failing[i - 1] ? [i] : []));
    trends.push({ id, level: results.find(Boolean)!.level, statuses, startedFailing, stoppedFailing });
  }
  return {
    api: ordered[0]?.api ?? '',
    runs: ordered.map((r) => ({ startedAt: r.startedAt, target: r.target.name, version: r.tool.version, passed: r.summary.passed, mustFailed: r.summary.mustFailed, shouldFailed: r.summary.shouldFailed, knownDeviations: r.summary.knownDeviations })),
    trends,
  };
}

const day = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/** One line per changing requirement: "started failing <date>", "stopped failing <date>", most recent first. */
export function renderHistoryText(history: History): string {
  const lines = [`${history.api}: ${history.runs.length} run(s), ${day(history.runs[0]?.startedAt ?? '')} to ${day(history.runs.at(-1)?.startedAt ?? '')}`];
  for (const [i, run] of history.runs.entries()) lines.push(`  #${i + 1} ${day(run.startedAt)} ${run.target} (conform ${run.version}): ${run.passed} passed, ${run.mustFailed} MUST failed, ${run.shouldFailed} SHOULD/MAY failed, ${run.knownDeviations} known`);
  if (history.trends.length === 0) lines.push('  no requirement changed or failed');
  for (const t of history.trends) {
    const events = [
      ...t.startedFailing.map((i) => `started failing in #${i + 1} (${day(history.runs[i]!.startedAt)})`),
      ...t.stoppedFailing.map((i) => `stopped failing in #${i + 1} (${day(history.runs[i]!.startedAt)})`),
    ];
    lines.push(`  ${t.level.padEnd(6)} ${t.id}: ${t.statuses.join(' → ')}${events.length ? `; ${events.join(', ')}` : ''}`);
  }
  return lines.join('\n');
}

const CELL: Record<Status | 'absent', [string, string]> = {
  passed: ['✔', '#dcfce7'],
  failed: ['✘', '#fee2e2'],
  'known-deviation': ['~', '#fef9c3'],
  skipped: ['–', '#f1f5f9'],
  'not-tested': ['·', '#f8fafc'],
  absent: ['', '#ffffff'],
};

/** A self-contained page (no script, no fetch): one table per family, a column per run, a row per changing requirement. */
export function renderHistoryHtml(histories: History[]): string {
  const tables = histories.map((h) => {
    const head = h.runs.map((r, i) => `<th title="${esc(r.target)} · conform ${esc(r.version)}">#${i + 1}<br><small>${esc(day(r.startedAt))}</small><br><small>${esc(r.passed)} ✔ · ${esc(r.mustFailed)} ✘ MUST</small></th>`).join('');
    const rows = h.trends.map((t) => `<tr><td><code>${esc(t.id)}</code></td><td>${esc(t.level)}</td>${t.statuses.map((s, i) => `<td style="background:${CELL[s][1]}" title="${esc(s)}${t.startedFailing.includes(i) ? ': started failing' : t.stoppedFailing.includes(i) ? ': stopped failing' : ''}">${CELL[s][0]}${t.startedFailing.includes(i) ? ' ▼' : t.stoppedFailing.includes(i) ? ' ▲' : ''}</td>`).join('')}</tr>`).join('\n');
    return `<h2>${esc(h.api)}</h2>\n<table><thead><tr><th>requirement</th><th>level</th>${head}</tr></thead>\n<tbody>\n${rows || `<tr><td colspan="${h.runs.length + 2}">no requirement changed or failed in these runs</td></tr>`}\n</tbody></table>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>conform history</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#0f172a}table{border-collapse:collapse;margin-bottom:2rem}th,td{border:1px solid #e2e8f0;padding:4px 8px;text-align:center}td:first-child{text-align:left}th{background:#f8fafc;font-weight:600}small{color:#475569;font-weight:400}</style>
</head><body>
<h1>conform history</h1>
<p>Each column is a run, oldest first; ▼ a requirement started failing there, ▲ it stopped. ✔ passed, ✘ failed, ~ known deviation, – skipped, · not tested. Only requirements that changed or failed are shown.</p>
${tables.join('\n')}
</body></html>
`;
}
