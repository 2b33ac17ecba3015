import type { ConformanceReport, RequirementResult } from './model.ts';
import { TRANSPORTS } from '../specs/families.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const LABEL: Record<string, string> = { passed: '✔ passed', failed: '✘ failed', skipped: 'skipped', 'not-tested': 'not tested', 'known-deviation': '⚠ known' };

function row(r: RequirementResult): string {
  const cells = TRANSPORTS.map((t) => {
    const s = r.transports[t];
    return `<td class="${s ?? 'na'}">${s ? LABEL[s] : ''}</td>`;
  }).join('');
  const details = r.failures
    .map((f) => `<details><summary>${escape(f.transport)}: ${escape(f.message.split('\n')[0] ?? '')}</summary><pre>${escape(f.message)}</pre><pre>${escape(JSON.stringify(f.exchanges, null, 2))}</pre></details>`)
    .join('');
  const known = r.knownBecause ? `<div class="known">known deviation: ${escape(r.knownBecause)}</div>` : '';
  return `<tr class="${r.status}"><td><code>${escape(r.id)}</code><div class="title">${escape(r.title)}</div>${details}${known}</td><td>${r.level}</td><td>${escape(r.category)}</td>${cells}<td class="source">${escape(r.source)}</td></tr>`;
}

/** conformance.html: one self-contained page, family → operation → requirement, a column per transport. */
export function renderHtml(report: ConformanceReport): string {
  const operations = [...new Set(report.requirements.map((r) => r.operation))];
  const sections = operations
    .map((op) => {
      const rows = report.requirements.filter((r) => r.operation === op).map(row).join('\n');
      return `<h2>${escape(report.api)} → ${escape(op === '*' ? 'all operations' : op)}</h2><table><thead><tr><th>requirement</th><th>level</th><th>category</th>${TRANSPORTS.map((t) => `<th>${t}</th>`).join('')}<th>document</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('\n');
  const s = report.summary;
  const verdict = s.mustFailed > 0 ? `<p class="verdict bad">${s.mustFailed} MUST requirement(s) failed</p>` : '<p class="verdict good">No MUST requirement failed</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>conform: ${escape(report.target.name)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:2em}
th,td{border:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}th{background:#f4f4f4}
td.passed{background:#e8f7ea}td.failed{background:#fde4e4;font-weight:600}td.known-deviation{background:#fff4d6}
td.skipped,td.not-tested{color:#888}td.na{background:#fafafa}.title{color:#555}.source{color:#555;font-size:12px;max-width:32em}
pre{white-space:pre-wrap;background:#f7f7f7;padding:.5em;max-height:30em;overflow:auto}.verdict{font-size:1.2em;font-weight:600}
.good{color:#1a7f37}.bad{color:#c62828}code{font-size:12px}.known{color:#8a6d00}
</style></head><body>
<h1>conform: ${escape(report.target.name)} (${escape(report.api)})</h1>
${verdict}
<p>${s.passed} passed · ${s.failed} failed (${s.shouldFailed} SHOULD/MAY, warnings) · ${s.knownDeviations} known deviations · ${s.skipped} skipped · ${s.notTested} not tested ·
transports tested: ${escape(report.transportsTested.join(', ') || 'none')} · endpoints: ${escape(Object.entries(report.target.endpoints).map(([t, u]) => `${t} ${u}`).join(', '))} ·
started ${escape(report.startedAt)} · ${(report.durationMs / 1000).toFixed(1)} s · ${escape(report.tool.name)} ${escape(report.tool.version)}</p>
${sections}
</body></html>
`;
}
