import { createHash } from 'node:crypto';
import type { ConformanceReport } from '../model.ts';
import { failuresFirst, VERDICT_ORDER } from '../model.ts';
import { LEVELS, TRANSPORTS, type Transport } from '../../specs/families.ts';
import { esc } from './escape.ts';
import { requirementRow } from './requirement-row.ts';
import { summaryChart, summaryTable, VERDICT_COLOR } from './summary-chart.ts';

const CSS = `
:root{--b:#ddd;--mut:#666}
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em 2em;color:#222}
h1{margin:.2em 0}h2{margin-top:1.4em}h4{margin:.6em 0 .3em}h5{margin:.6em 0 .3em;font-size:13px}
.meta{color:var(--mut);margin:.2em 0 1em}.meta span{margin-right:1.2em;white-space:nowrap}.meta b{color:#333;font-weight:600}
.stopped{border:2px solid #c62828;background:#fdecea;color:#7f1010;padding:.8em 1em;border-radius:6px;margin:1em 0;font-size:15px}
.stopped strong{font-size:16px}.stopped code{background:#fff;padding:0 .3em}
.verdict{font-size:1.2em;font-weight:600}.good{color:#1a7f37}.bad{color:#c62828}
.summary{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start}
.chart text{font:12px system-ui,sans-serif;fill:#333}.chart .group{font-weight:600}.chart .n{fill:#555}
table{border-collapse:collapse}th,td{border:1px solid var(--b);padding:.3em .5em;vertical-align:top;text-align:left}th{background:#f4f4f4}
.counts td{text-align:right;min-width:2.5em}.counts td.zero{color:#bbb}
${VERDICT_ORDER.map((v) => `.counts td.v-${v}{color:${VERDICT_COLOR[v]};font-weight:600}.b-${v}{background:${VERDICT_COLOR[v]}}`).join('')}
.badge{color:#fff;border-radius:3px;padding:0 .4em;font-size:12px;white-space:nowrap}.b-not-tested{color:#333}
.filters{display:flex;flex-wrap:wrap;gap:1em;align-items:center;margin:1em 0;padding:.6em;background:#f7f7f7;border:1px solid var(--b)}
.filters label{display:flex;gap:.3em;align-items:center}.filters input{min-width:18em}
table.reqs{width:100%}.reqs td.id code{font-size:12px;word-break:break-all}.reqs .doc{color:#444;max-width:22em}.doc-title{font-weight:600}
td.s-passed{background:#e8f7ea}td.s-failed{background:#fde4e4;font-weight:600}td.s-known-deviation{background:#fff4d6}
td.s-skipped,td.s-not-tested{color:#888}td.s-na{background:#fafafa}
tr.detail>td{background:#fcfcfc;padding:.2em .8em}details.failures>summary{cursor:pointer;color:#b71c1c;font-weight:600;padding:.3em 0}
.failure{border-left:4px solid #d32f2f;padding:.2em .8em;margin:.6em 0 1em;background:#fff}.tp{background:#333;color:#fff;border-radius:3px;padding:0 .4em;font-size:12px}
.msg-first{font-family:ui-monospace,monospace;font-size:12.5px}
pre{white-space:pre-wrap;word-break:break-word;background:#f5f5f5;border:1px solid #e6e6e6;padding:.5em;margin:.2em 0;max-height:24em;overflow:auto;font-size:12.5px}
.er{display:grid;grid-template-columns:1fr 1fr;gap:.8em}.er-head{font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.expected pre{background:#eef7ee;border-color:#cfe8cf}.received pre{background:#fdeeee;border-color:#f3cccc}
.exchange{margin:.5em 0;display:grid;grid-template-columns:auto 1fr 1fr;gap:.6em;align-items:start}.ex-n{color:var(--mut);font-size:12px;padding-top:.3em}
.msg{border:1px solid var(--b);border-radius:4px;padding:.3em .5em;min-width:0}.msg-head{font-weight:600;font-size:12.5px}.msg-head code{font-weight:400;word-break:break-all}
.req .msg-head,.msg.req .msg-head{color:#1a4f9c}.msg.res .msg-head{color:#6a3d9a}.headers{font-family:ui-monospace,monospace;font-size:12px;color:#444;word-break:break-all;margin:.2em 0}.hn{color:#888}
.repro-head{display:flex;gap:1em;align-items:center}.copy{font-size:12px;cursor:pointer}.repro-cmd{background:#1e1e1e;color:#eee;border-color:#1e1e1e}
.known{color:#8a6d00}.source,.muted{color:var(--mut);font-size:12.5px}.count{color:var(--mut)}
`;

const SCRIPT = `(function(){
var q=function(s){return document.getElementById(s)};
var rows=Array.prototype.slice.call(document.querySelectorAll('tbody.requirement'));
function apply(){
  var st=q('f-status').value,lv=q('f-level').value,ct=q('f-category').value,tp=q('f-transport').value,s=q('f-search').value.trim().toLowerCase(),n=0;
  rows.forEach(function(r){
    var ok=(!st||r.getAttribute('data-status')===st||r.getAttribute('data-verdict')===st)&&(!lv||r.getAttribute('data-level')===lv)&&(!ct||r.getAttribute('data-category')===ct)
      &&(!tp||(' '+r.getAttribute('data-transports')+' ').indexOf(' '+tp+' ')>=0)&&(!s||r.getAttribute('data-search').indexOf(s)>=0);
    r.hidden=!ok;if(ok)n++;
  });
  q('f-count').textContent=n+' of '+rows.length+' requirements';
}
['f-status','f-level','f-category','f-transport'].forEach(function(id){q(id).addEventListener('change',apply)});
q('f-search').addEventListener('input',apply);
document.addEventListener('click',function(e){
  var b=e.target;if(!b||!b.classList||!b.classList.contains('copy'))return;
  var pre=b.closest('.repro').querySelector('pre'),text=pre.textContent;
  function done(){b.textContent='copied';setTimeout(function(){b.textContent='copy'},1500)}
  function fallback(){var r=document.createRange();r.selectNodeContents(pre);var sel=getSelection();sel.removeAllRanges();sel.addRange(r);try{document.execCommand('copy');done()}catch(x){b.textContent='select and copy'}}
  if(navigator.clipboard&&navigator.clipboard.writeText)navigator.clipboard.writeText(text).then(done,fallback);else fallback();
});
apply();
})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

function select(id: string, label: string, options: Array<[string, string]>): string {
  return `<label for="${id}">${esc(label)} <select id="${id}"><option value="">all</option>${options.map(([v, l]) => `<option value="${esc(v)}">${esc(l)}</option>`).join('')}</select></label>`;
}

/** conformance.html: one self-contained page (inline CSS, SVG and script; nothing loaded from anywhere). */
export function renderPage(report: ConformanceReport): string {
  const transports: Transport[] = TRANSPORTS.filter((t) => t in report.breakdown.transport || report.requirements.some((r) => t in r.transports));
  const requirements = failuresFirst(report.requirements);
  const s = report.summary;
  const verdict = s.mustFailed > 0 ? `<p class="verdict bad">${s.mustFailed} MUST requirement(s) failed</p>` : '<p class="verdict good">No MUST requirement failed</p>';
  const stopped = report.stopped
    ? `<div class="stopped" role="alert"><strong>Run stopped (${esc(report.stopped.stage)}): <code>${esc(report.stopped.code)}</code></strong><br>${esc(report.stopped.reason)}</div>`
    : '';
  const endpoints = Object.entries(report.target.endpoints).map(([t, u]) => `${t} ${u}`).join(', ');
  const meta = [
    ['api', report.api],
    ['endpoints', endpoints || 'none'],
    ['transports tested', report.transportsTested.join(', ') || 'none'],
    ['started', report.startedAt],
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
    [report.tool.name, report.tool.version],
  ]
    .map(([k, v]) => `<span><b>${esc(k)}</b> ${esc(v)}</span>`)
    .join('');
  const counts = `<p>${s.passed} passed · ${s.failed} failed (${s.mustFailed} MUST, ${s.shouldFailed} SHOULD/MAY as warnings) · ${s.knownDeviations} known deviations · ${s.skipped} skipped · ${s.notTested} not tested</p>`;
  const categories = Object.keys(report.breakdown.category);
  const filters = `<div class="filters" role="search">${select('f-status', 'status', [
    ['failed', 'failed (MUST and warnings)'],
    ['warning', 'warning (SHOULD/MAY failed)'],
    ['known-deviation', 'known deviation'],
    ['skipped', 'skipped'],
    ['not-tested', 'not tested'],
    ['passed', 'passed'],
  ])}${select('f-level', 'level', LEVELS.map((l) => [l, l]))}${select('f-category', 'category', categories.map((c) => [c, c]))}${select('f-transport', 'transport', transports.map((t) => [t, t]))}<label for="f-search">search <input id="f-search" type="search" placeholder="id or title"></label><span id="f-count" class="count"></span></div>`;
  const head = `<thead><tr><th>id</th><th>title</th><th>document › section</th><th>level</th><th>category</th>${transports.map((t) => `<th>${esc(t)}</th>`).join('')}<th>verdict</th></tr></thead>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${SCRIPT_HASH}'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(report.target.name)}</title>
<style>${CSS}</style></head><body>
${stopped}<h1>${esc(report.target.name)}</h1>
<div class="meta">${meta}</div>
${verdict}${counts}
<h2>Summary</h2>
<div class="summary">${summaryChart(report.breakdown)}${summaryTable(report.breakdown)}</div>
<h2>Requirements</h2>
${filters}
<table class="reqs">${head}${requirements.map((r) => requirementRow(r, transports)).join('\n')}</table>
<script>${SCRIPT}</script>
</body></html>
`;
}
