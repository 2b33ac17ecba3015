import type { ConformanceReport } from '../model.ts';
import { failuresFirst, MQTT_REQUEST_TOPIC } from '../model.ts';
import { TRANSPORTS, type Transport } from '../../specs/families.ts';
import { esc } from './escape.ts';
import { filterBar, FILTER_SCRIPT, FILTER_SCRIPT_HASH } from './filters.ts';
import { requirementRow } from './requirement-row.ts';
import { CSS } from './style.ts';
import { summaryChart, summaryTable } from './summary-chart.ts';

/** Why the run ended early, first thing on the page: every count below it is of a partial run. */
function stoppedBanner(stopped: ConformanceReport['stopped']): string {
  if (!stopped) return '';
  return `<div class="stopped" role="alert"><strong>Run stopped (${esc(stopped.stage)}): <code>${esc(stopped.code)}</code></strong><br>${esc(stopped.reason)}</div>`;
}

/** The api, endpoints, times and version under the heading: the heading is the target's name alone. */
function metadata(report: ConformanceReport): string {
  const endpoints = Object.entries(report.target.endpoints).map(([t, u]) => `${t} ${u}`).join(', ');
  return [
    ['api', report.api],
    ['endpoints', endpoints || 'none'],
    ['transports tested', report.transportsTested.join(', ') || 'none'],
    ['started', report.startedAt],
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
    [report.tool.name, report.tool.version],
    ...(report.generate ? [['generated', report.generate.cases === 0 ? 'skipped (--generate 0)' : `${report.generate.cases} cases a test, seed ${report.generate.seed}`]] : []),
  ]
    .map(([k, v]) => `<span><b>${esc(k)}</b> ${esc(v)}</span>`)
    .join('');
}

function verdictLine(s: ConformanceReport['summary']): string {
  const verdict = s.mustFailed > 0 ? `<p class="verdict bad">${s.mustFailed} MUST requirement(s) failed</p>` : '<p class="verdict good">No MUST requirement failed</p>';
  return `${verdict}<p>${s.passed} passed · ${s.failed} failed (${s.mustFailed} MUST, ${s.shouldFailed} SHOULD/MAY as warnings) · ${s.knownDeviations} known deviations · ${s.skipped} skipped · ${s.notTested} not tested</p>`;
}

/** conformance.html: one self-contained page (inline CSS, SVG and script; nothing loaded from anywhere). */
export function renderPage(report: ConformanceReport): string {
  const transports: Transport[] = TRANSPORTS.filter((t) => t in report.breakdown.transport || report.requirements.some((r) => t in r.transports));
  const ctx = { transports, mqttRequestTopic: MQTT_REQUEST_TOPIC[report.api] };
  const head = `<thead><tr><th>id</th><th>title</th><th>document › section</th><th>level</th><th>category</th>${transports.map((t) => `<th>${esc(t)}</th>`).join('')}<th>verdict</th></tr></thead>`;
  const rows = failuresFirst(report.requirements).map((r) => requirementRow(r, ctx));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${FILTER_SCRIPT_HASH}'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(report.target.name)}</title>
<style>${CSS}</style></head><body>
${stoppedBanner(report.stopped)}<h1>${esc(report.target.name)}</h1>
<div class="meta">${metadata(report)}</div>
${verdictLine(report.summary)}
<h2>Summary</h2>
<div class="summary">${summaryChart(report.breakdown)}${summaryTable(report.breakdown)}</div>
<h2>Requirements</h2>
${filterBar(Object.keys(report.breakdown.category), transports)}
<table class="reqs">${head}${rows.join('\n')}</table>
<script>${FILTER_SCRIPT}</script>
</body></html>
`;
}
