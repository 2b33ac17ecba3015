import type { ConformanceReport, RequirementResult, Verdict } from './model.ts';
import { failuresFirst, verdictOf } from './model.ts';
import { LEVELS } from '../specs/families.ts';

const ICON: Record<Verdict, string> = { failed: '❌', warning: '⚠️', 'known-deviation': '🔶', passed: '✅', skipped: '⏭️', 'not-tested': '—' };
/** A step summary is read, not searched: past this many failure rows the HTML report has the rest. */
const MAX_ROWS = 50;
const MAX_MESSAGE = 160;

/** Text from the server as Markdown text: no markup GitHub would render or strip (a `<script>` must read as text). */
function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/`/g, "'");
}

/** A table cell: its first line, shortened, with no pipe to split the row. */
function cell(value: string): string {
  const line = value.split('\n')[0] ?? '';
  const short = line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
  return text(short).replace(/\|/g, '\\|');
}

function stoppedNote(stopped: ConformanceReport['stopped']): string[] {
  if (!stopped) return [];
  return ['> [!CAUTION]', `> **Run stopped (${stopped.stage}): \`${stopped.code}\`.** ${text(stopped.reason.replace(/\n/g, ' '))}`, ''];
}

function levelTable(report: ConformanceReport): string[] {
  const rows = LEVELS.filter((l) => report.breakdown.level[l]).map((l) => {
    const c = report.breakdown.level[l]!;
    return `| ${l} | ${c.failed} | ${c.warning} | ${c['known-deviation']} | ${c.skipped} | ${c['not-tested']} | ${c.passed} |`;
  });
  return ['| level | failed | warning | known deviation | skipped | not tested | passed |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |', ...rows, ''];
}

/** One row per failed test: requirement, title, transport, and the message's first line (or the baseline's why). */
function failureRows(requirements: RequirementResult[]): string[] {
  const rows = failuresFirst(requirements)
    .filter((r) => r.failures.length > 0)
    .flatMap((r) =>
      r.failures.map((f) => {
        // Per transport: a baseline may excuse a failure on one transport and not on another.
        const verdict = verdictOf(r.transports[f.transport] ?? r.status, r.level);
        const why = verdict === 'known-deviation' && r.knownBecause ? ` (baseline: ${r.knownBecause})` : '';
        return `| ${ICON[verdict]} \`${r.id}\` | ${r.level} | ${cell(r.title)} | ${f.transport} | ${cell(`${f.message.split('\n')[0] ?? ''}${why}`)} |`;
      }),
    );
  if (rows.length === 0) return [];
  const shown = rows.slice(0, MAX_ROWS);
  const more = rows.length > MAX_ROWS ? [`… and ${rows.length - MAX_ROWS} more failures: see conformance.html.`, ''] : [];
  return ['### Failures', '', '| requirement | level | title | transport | message |', '| --- | --- | --- | --- | --- |', ...shown, '', ...more];
}

/** The requirements whose tests were skipped on a transport, with why: never counted as passed. */
function notApplicableRows(requirements: RequirementResult[]): string[] {
  const rows = requirements.filter((r) => r.notApplicable).map((r) => `| ${ICON.skipped} \`${r.id}\` | ${r.level} | ${Object.entries(r.transports).filter(([, s]) => s === 'skipped').map(([t]) => t).join(', ')} | ${cell(`not applicable (${r.notApplicable})`)} |`);
  if (rows.length === 0) return [];
  return ['### Not applicable', '', '| requirement | level | transports | why |', '| --- | --- | --- | --- |', ...rows.slice(0, MAX_ROWS), ''];
}

/** summary.md: what a CI step summary shows, kept short (it is appended to GitHub's $GITHUB_STEP_SUMMARY). */
export function renderMarkdown(report: ConformanceReport): string {
  const s = report.summary;
  const verdict = s.mustFailed > 0 ? `❌ **${s.mustFailed} MUST requirement(s) failed**` : '✅ **No MUST requirement failed**';
  const meta = [`api ${report.api}`, `transports tested: ${report.transportsTested.join(', ') || 'none'}`, `${(report.durationMs / 1000).toFixed(1)} s`, `${report.tool.name} ${report.tool.version}`, ...(report.generate ? [report.generate.cases === 0 ? 'generated: skipped' : `generated: ${report.generate.cases} cases a test, seed ${report.generate.seed}`] : [])];
  const lines = [
    ...stoppedNote(report.stopped),
    `# ${text(report.target.name)}`,
    '',
    `${verdict} · ${meta.join(' · ')}`,
    '',
    `${s.passed} passed, ${s.failed} failed (${s.shouldFailed} SHOULD/MAY as warnings), ${s.knownDeviations} known deviations, ${s.skipped} skipped, ${s.notTested} not tested.`,
    '',
    ...levelTable(report),
    ...failureRows(report.requirements),
    ...notApplicableRows(report.requirements),
  ];
  return `${lines.join('\n')}\n`;
}
