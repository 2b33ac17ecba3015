import type { ConformanceReport, RequirementResult, Status } from './model.ts';
import type { Transport } from '../specs/families.ts';

/**
 * What changed between two runs of one family (two conformance.json): per requirement and transport. A regression
 * is a cell that was not failing and now fails, at any level: a diff gates a change, and a SHOULD that breaks in a
 * release is news even though it does not fail a run.
 */
export interface TransportChange {
  transport: Transport;
  from: Status;
  to: Status;
}

export interface RequirementChange {
  id: string;
  level: string;
  title: string;
  changes: TransportChange[];
}

export interface RunDiff {
  api: string;
  old: { target: string; startedAt: string; version: string };
  new: { target: string; startedAt: string; version: string };
  newlyFailing: RequirementChange[];
  newlyPassing: RequirementChange[];
  /** Any other change of a cell: tested → not tested, skipped → passed, failed → known deviation, … */
  changed: RequirementChange[];
  /** Requirement ids only the new run's catalogue has, or only the old one's. */
  added: string[];
  removed: string[];
  regression: boolean;
}

const failing = (s: Status) => s === 'failed';

function cellChanges(before: RequirementResult, after: RequirementResult): TransportChange[] {
  const transports = [...new Set([...Object.keys(before.transports), ...Object.keys(after.transports)])] as Transport[];
  return transports.flatMap((t) => {
    const from = before.transports[t] ?? 'not-tested';
    const to = after.transports[t] ?? 'not-tested';
    return from === to ? [] : [{ transport: t, from, to }];
  });
}

export function diffReports(before: ConformanceReport, after: ConformanceReport): RunDiff {
  const oldById = new Map(before.requirements.map((r) => [r.id, r]));
  const newById = new Map(after.requirements.map((r) => [r.id, r]));
  const diff: RunDiff = {
    api: after.api,
    old: { target: before.target.name, startedAt: before.startedAt, version: before.tool.version },
    new: { target: after.target.name, startedAt: after.startedAt, version: after.tool.version },
    newlyFailing: [],
    newlyPassing: [],
    changed: [],
    added: after.requirements.filter((r) => !oldById.has(r.id)).map((r) => r.id),
    removed: before.requirements.filter((r) => !newById.has(r.id)).map((r) => r.id),
    regression: false,
  };
  for (const r of after.requirements) {
    const previous = oldById.get(r.id);
    if (!previous) continue;
    const changes = cellChanges(previous, r);
    if (changes.length === 0) continue;
    const entry = { id: r.id, level: r.level, title: r.title, changes };
    if (changes.some((c) => !failing(c.from) && failing(c.to))) diff.newlyFailing.push(entry);
    else if (changes.some((c) => failing(c.from) && c.to === 'passed')) diff.newlyPassing.push(entry);
    else diff.changed.push(entry);
  }
  diff.regression = diff.newlyFailing.length > 0;
  return diff;
}

const cells = (changes: TransportChange[]) => changes.map((c) => `${c.transport}: ${c.from} → ${c.to}`).join(', ');

function section(title: string, rows: RequirementChange[]): string[] {
  if (rows.length === 0) return [];
  return [`### ${title} (${rows.length})`, '', '| requirement | level | transports |', '| --- | --- | --- |', ...rows.map((r) => `| \`${r.id}\` | ${r.level} | ${cells(r.changes)} |`), ''];
}

/** Markdown for a pull-request comment: the verdict first, then each kind of change. */
export function renderDiffMarkdown(diff: RunDiff): string {
  const head = diff.regression ? `❌ **${diff.newlyFailing.length} requirement(s) newly failing**` : '✅ **No requirement newly failing**';
  const lines = [
    `## conform diff: ${diff.api}`,
    '',
    `${head} · ${diff.old.target} (${diff.old.startedAt}, conform ${diff.old.version}) → ${diff.new.target} (${diff.new.startedAt}, conform ${diff.new.version})`,
    '',
    ...section('Newly failing', diff.newlyFailing),
    ...section('Newly passing', diff.newlyPassing),
    ...section('Changed', diff.changed),
    ...(diff.added.length ? [`### New in the catalogue (${diff.added.length})`, '', ...diff.added.map((id) => `- \`${id}\``), ''] : []),
    ...(diff.removed.length ? [`### Removed from the catalogue (${diff.removed.length})`, '', ...diff.removed.map((id) => `- \`${id}\``), ''] : []),
  ];
  if (diff.newlyFailing.length + diff.newlyPassing.length + diff.changed.length + diff.added.length + diff.removed.length === 0) lines.push('Nothing changed.', '');
  return `${lines.join('\n')}\n`;
}
