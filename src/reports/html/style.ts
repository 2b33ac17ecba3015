import { VERDICT_ORDER } from '../model.ts';
import { VERDICT_COLOR } from './summary-chart.ts';

/** The page's stylesheet, inline: the file is opened from disk and loads nothing. */
export const CSS = `
:root{--b:#ddd;--mut:#666}
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em 2em;color:#222}
h1{margin:.2em 0}h2{margin:1.2em 0 .5em}h4{margin:.6em 0 .3em}h5{margin:.6em 0 .3em;font-size:13px}
.meta{color:var(--mut);margin:.2em 0 1em}.meta span{margin-right:1.2em;white-space:nowrap}.meta b{color:#333;font-weight:600}
.stopped{border:2px solid #c62828;background:#fdecea;color:#7f1010;padding:.8em 1em;border-radius:6px;margin:0 0 1em;font-size:15px}
.stopped strong{font-size:16px}.stopped code{background:#fff;padding:0 .3em}
.verdict{font-size:1.2em;font-weight:600;margin:.4em 0}.good{color:#1a7f37}.bad{color:#c62828}
.summary{display:flex;flex-wrap:wrap;gap:1.5em 2.5em;align-items:flex-start}
.chart text{font:12px system-ui,sans-serif;fill:#333}.chart .group{font-weight:600}.chart .n{fill:#555}
table{border-collapse:collapse}th,td{border:1px solid var(--b);padding:.3em .5em;vertical-align:top;text-align:left}th{background:#f4f4f4}
.counts{font-size:12.5px}.counts th,.counts td{padding:.15em .45em}.counts td{text-align:right;min-width:2em}.counts td.zero{color:#bbb}
${VERDICT_ORDER.map((v) => `.counts td.v-${v}{color:${VERDICT_COLOR[v]};font-weight:600}.b-${v}{background:${VERDICT_COLOR[v]}}`).join('')}
.badge{color:#fff;border-radius:3px;padding:0 .4em;font-size:12px;white-space:nowrap}.b-not-tested{color:#333}
.filters{display:flex;flex-wrap:wrap;gap:1em;align-items:center;margin:1em 0;padding:.6em;background:#f7f7f7;border:1px solid var(--b)}
.filters label{display:flex;gap:.3em;align-items:center}.filters input{min-width:18em}
table.reqs{width:100%}.reqs td.id code{font-size:12px;word-break:break-all}.reqs .doc{color:#444;max-width:22em}.doc-title{font-weight:600}
td.s-passed{background:#e8f7ea}td.s-failed{background:#fde4e4;font-weight:600}td.s-known-deviation{background:#fff4d6}
td.s-skipped,td.s-not-tested{color:#888}td.s-na{background:#fafafa}td.tcell{white-space:nowrap}
tr.detail>td{background:#fcfcfc;padding:.2em .8em}details.failures>summary{cursor:pointer;color:#b71c1c;font-weight:600;padding:.3em 0}
.failure{border-left:4px solid #d32f2f;padding:.2em .8em;margin:.6em 0 1em;background:#fff}.tp{background:#333;color:#fff;border-radius:3px;padding:0 .4em;font-size:12px}
.msg-first{font-family:ui-monospace,monospace;font-size:12.5px;word-break:break-word}
pre{white-space:pre-wrap;word-break:break-word;background:#f5f5f5;border:1px solid #e6e6e6;padding:.5em;margin:.2em 0;max-height:24em;overflow:auto;font-size:12.5px}
.er{display:grid;grid-template-columns:1fr 1fr;gap:.8em}.er-head{font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.expected pre{background:#eef7ee;border-color:#cfe8cf}.received pre{background:#fdeeee;border-color:#f3cccc}pre.matcher{font-style:italic}
details.exchange{margin:.35em 0;border:1px solid var(--b);border-radius:4px;background:#fff}
details.exchange>summary{cursor:pointer;padding:.25em .5em;font-size:12.5px;word-break:break-all;background:#f8f8f8}
details.exchange>summary code{font-size:12px}.ex-n{color:var(--mut)}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.6em;padding:.4em;align-items:start}
.msg{border:1px solid var(--b);border-radius:4px;padding:.3em .5em;min-width:0}.msg-head{font-weight:600;font-size:12.5px}.msg-head code{font-weight:400;word-break:break-all}
.msg.req .msg-head{color:#1a4f9c}.msg.res .msg-head{color:#6a3d9a}
.headers{font-family:ui-monospace,monospace;font-size:12px;color:#444;word-break:break-all;margin:.2em 0}.headers summary{cursor:pointer;color:var(--mut)}.hn{color:#888}
.repro-head{display:flex;gap:1em;align-items:center}.copy{font-size:12px;cursor:pointer}.repro-cmd{background:#1e1e1e;color:#eee;border-color:#1e1e1e}
.known{color:#8a6d00}.source,.muted{color:var(--mut);font-size:12.5px}.count{color:var(--mut)}
@media (max-width:900px){.er,.pair{grid-template-columns:1fr}body{margin:1em}}
`;
