import type { ConformanceReport } from './model.ts';

const ICON: Record<string, string> = { passed: '✅', failed: '❌', skipped: '⏭️', 'not-tested': '—', 'known-deviation': '⚠️' };

/** summary.md: what a CI step summary shows. */
export function renderMarkdown(report: ConformanceReport): string {
  const s = report.summary;
  const verdict = s.mustFailed > 0 ? `❌ ${s.mustFailed} MUST requirement(s) failed` : '✅ no MUST requirement failed';
  const lines = [
    ...(report.stopped ? [`> [!CAUTION]`, `> **Run stopped (${report.stopped.stage}): \`${report.stopped.code}\`.** ${report.stopped.reason.replace(/\n/g, ' ')}`, ''] : []),
    `# conform: ${report.target.name} (${report.api})`,
    '',
    `${verdict}. ${s.passed} passed, ${s.failed} failed (${s.shouldFailed} SHOULD/MAY as warnings), ${s.knownDeviations} known deviations, ${s.skipped} skipped, ${s.notTested} not tested; transports tested: ${report.transportsTested.join(', ') || 'none'}; ${(report.durationMs / 1000).toFixed(1)} s.`,
    '',
  ];
  const failed = report.requirements.filter((r) => r.status === 'failed' || r.status === 'known-deviation');
  if (failed.length > 0) {
    lines.push('| requirement | level | status | transports | first failure |', '| --- | --- | --- | --- | --- |');
    for (const r of failed) {
      const transports = Object.entries(r.transports).map(([t, st]) => `${t} ${ICON[st] ?? st}`).join(' ');
      const first = (r.failures[0]?.message ?? r.knownBecause ?? '').split('\n')[0]?.replace(/\|/g, '\\|').slice(0, 160);
      lines.push(`| \`${r.id}\` | ${r.level} | ${ICON[r.status]} ${r.status} | ${transports} | ${first} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
