import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtml } from './html.ts';
import { esc } from './html/escape.ts';
import { SAMPLE, sampleReport } from '../../test/helpers/sample-report.ts';
import type { ConformanceReport } from './model.ts';

const XSS = '<script>alert(1)</script>';

/** The sample report with a remote server's hostile text in a message, a received value, an exchange and the name. */
function hostile(): ConformanceReport {
  const report = sampleReport();
  report.target.name = `evil ${XSS}`;
  const f = report.requirements.find((x) => x.id === SAMPLE.mustFailed)!.failures[0]!;
  f.message = `Error: the server said ${XSS}\n\nExpected: 200\nReceived: ${XSS}`;
  f.received = XSS;
  f.exchanges = [{ transport: 'http', request: { method: 'GET', url: `http://x/${XSS}` }, response: { status: 500, headers: { 'x-evil': XSS }, body: { error: XSS } } }];
  f.reproduction = `curl '${XSS}'`;
  return report;
}

const rows = (html: string) => [...html.matchAll(/<tbody class="requirement" id="req-([^"]+)" data-status="([^"]+)"/g)].map((m) => ({ id: m[1]!, status: m[2]! }));

/** The <tbody> of one requirement, its failures included. */
function tbody(html: string, id: string): string {
  const start = html.indexOf(`<tbody class="requirement" id="req-${id}"`);
  assert.ok(start >= 0, `no row for ${id}`);
  return html.slice(start, html.indexOf('</tbody>', start));
}

test('failures come first: the MUST failure, then the warning and the known deviation, passes after them', () => {
  const list = rows(renderHtml(sampleReport()));
  assert.ok(list.length > 10);
  assert.deepEqual(list.slice(0, 3).map((r) => r.id), [SAMPLE.mustFailed, SAMPLE.shouldFailed, SAMPLE.known]);
  const lastFailure = Math.max(...list.map((r, i) => (r.status === 'failed' || r.status === 'known-deviation' ? i : -1)));
  assert.ok(lastFailure < list.findIndex((r) => r.status === 'passed'));
});

test('the filters and the search box exist and every row carries what they read', () => {
  const html = renderHtml(sampleReport());
  for (const id of ['f-status', 'f-level', 'f-category', 'f-transport']) assert.match(html, new RegExp(`<select id="${id}"><option value="">all</option>`));
  assert.match(html, /<input id="f-search" type="search"/);
  for (const v of ['failed', 'warning', 'known-deviation', 'MUST', 'SHOULD', 'MAY', 'http', 'ws', 'route']) assert.ok(html.includes(`<option value="${v}">`), v);
  const row = tbody(html, SAMPLE.shouldFailed);
  assert.match(row, /data-status="failed" data-verdict="warning" data-level="SHOULD" data-category="default" data-transports="http ws mqtt"/);
  // Per transport: the SHOULD passed on HTTP and failed on WebSocket, so "failed on http" must not list it.
  assert.match(row, /data-t-http="passed passed" data-t-ws="failed warning" data-t-mqtt="not-tested not-tested"/);
  assert.match(row, /data-search="kuzzle\.updateself\.default\.refresh-false refresh=false is accepted/);
});

test('the summary: a bar per level, category and transport in an inline SVG, and the same counts as a table', () => {
  const report = sampleReport();
  const html = renderHtml(report);
  assert.match(html, /<svg class="chart" role="img"/);
  for (const g of ['level', 'category', 'transport']) assert.match(html, new RegExp(`by ${g}</text>`));
  const must = report.breakdown.level.MUST!;
  assert.match(html, new RegExp(`<tr><th scope="row">level: MUST</th><td class="v-failed">${must.failed}</td>`));
  assert.match(html, /<rect [^>]*fill="#d32f2f"><title>MUST: 1 failed<\/title><\/rect>/);
  assert.match(html, /<tr><th scope="row">transport: ws<\/th>/);
});

test('text from the server is escaped everywhere: message, received, exchange, reproduction, name', () => {
  const html = renderHtml(hostile());
  assert.ok(!html.includes(XSS), 'a raw <script> from the server is in the page');
  assert.equal(html.match(/<script>/g)?.length, 1, "the page's own script is the only one");
  const row = tbody(html, SAMPLE.mustFailed);
  assert.ok(row.includes(`<p class="msg-first">Error: the server said ${esc(XSS)}</p>`));
  assert.ok(row.includes(`<div class="received"><div class="er-head">received</div><pre>${esc(XSS)}</pre>`));
  assert.ok(row.includes(`<code>GET http://x/${esc(XSS)}</code>`));
  assert.ok(row.includes(`<span class="hn">x-evil:</span> ${esc(XSS)}`));
  assert.ok(row.includes(`<pre class="repro-cmd">curl ${esc(`'${XSS}'`)}</pre>`));
  assert.ok(html.includes(`<title>evil ${esc(XSS)}</title>`));
  // The script is allowed by its hash only, so even markup that slipped through could not run.
  assert.match(html, /script-src 'sha256-[A-Za-z0-9+/]+=*'/);
});

test('each requirement names its document by title and section (the file only on hover)', () => {
  const report = sampleReport();
  const html = renderHtml(report);
  for (const id of [SAMPLE.mustFailed, SAMPLE.shouldFailed]) {
    const r = report.requirements.find((x) => x.id === id)!;
    assert.ok(r.document.title && r.document.section);
    assert.ok(tbody(html, id).includes(`<td class="doc" title="${esc(r.document.file)}"><span class="doc-title">${esc(r.document.title)}</span> › <span class="doc-section">${esc(r.document.section)}</span></td>`));
  }
});

test('a failure: expected beside received, the reproduction with a copy button, the exchanges as request/response', () => {
  const row = tbody(renderHtml(sampleReport()), SAMPLE.mustFailed);
  assert.match(row, /<details class="failures"><summary>1 failure: Error: PUT \/_me answers HTTP 200<\/summary>/);
  assert.match(row, /<div class="er"><div class="expected"><div class="er-head">expected<\/div><pre>200<\/pre><\/div><div class="received"><div class="er-head">received<\/div><pre>404<\/pre>/);
  // The copy button is hidden until the script shows it: without scripts it could do nothing.
  assert.match(row, /<button type="button" class="copy" hidden>copy<\/button>.*<pre class="repro-cmd">curl -sS -i -X POST [^<]*\ncurl -sS -i -X PUT http:\/\/127\.0\.0\.1:7512\/_me -H &quot;Authorization: Bearer \$CONFORM_TOKEN&quot;/s);
  assert.match(row, /<details class="exchange" open><summary><span class="ex-n">#2<\/span> <span class="tp">http<\/span> <code>PUT http:\/\/127\.0\.0\.1:7512\/_me<\/code> → <code>404<\/code><\/summary>/);
  assert.match(row, /<div class="msg req"><div class="msg-head">→ request <code>PUT http:\/\/127\.0\.0\.1:7512\/_me<\/code><\/div><div class="headers"><span class="hn">authorization:<\/span> Bearer \[REDACTED\]/);
  // Bodies pretty-printed, not one JSON line pushing the columns off-screen.
  assert.ok(row.includes(`<pre class="body">{\n  &quot;fullname&quot;: &quot;O&#39;Brien&quot;\n}</pre>`));
  assert.match(row, /<details class="headers"><summary>1 header · application\/json<\/summary>/);
  // The order: expected/received, reproduction, full message, exchanges.
  const at = (s: string) => row.indexOf(s);
  assert.ok(at('class="er"') < at('class="repro"') && at('class="repro"') < at('class="full-message"') && at('class="full-message"') < at('class="exchanges"'));
});

test('a failure whose message prints no Expected: line shows the matcher instead', () => {
  const report = sampleReport();
  const f = report.requirements.find((x) => x.id === SAMPLE.mustFailed)!.failures[0]!;
  f.message = 'Error: expect(received).toBeUndefined()\n\nReceived: "status must be success"';
  delete f.expected;
  f.received = '"status must be success"';
  const row = tbody(renderHtml(report), SAMPLE.mustFailed);
  assert.ok(row.includes('<div class="expected"><div class="er-head">expected</div><pre class="matcher">toBeUndefined()</pre>'));
});

test('title and h1 are the target name alone; api, endpoints, date, duration and version are metadata', () => {
  const report = sampleReport();
  report.target.name = 'conform mock (kuzzle, documented)';
  const html = renderHtml(report);
  assert.match(html, /<title>conform mock \(kuzzle, documented\)<\/title>/);
  assert.match(html, /<h1>conform mock \(kuzzle, documented\)<\/h1>\n<div class="meta"><span><b>api<\/b> kuzzle<\/span><span><b>endpoints<\/b> http http:\/\/127\.0\.0\.1:7512, ws ws:\/\/127\.0\.0\.1:7512, mqtt mqtt:\/\/127\.0\.0\.1:1883<\/span>/);
  for (const s of ['<b>transports tested</b> http, ws', '<b>started</b> 2026-12-03T09:00:00.000Z', '<b>duration</b> 12.3 s', '<b>conform</b> 0.1.0']) assert.ok(html.includes(s), s);
});

test('a stopped run gets a banner above everything, escaped; a complete run has none', () => {
  const report = { ...sampleReport(), stopped: { stage: 'run' as const, code: 'CONFORM_ERR_UNREACHABLE', reason: 'not run: the target stopped answering <b>x</b>' } };
  assert.match(renderHtml(report), /<body>\n<div class="stopped" role="alert"><strong>Run stopped \(run\): <code>CONFORM_ERR_UNREACHABLE<\/code><\/strong><br>not run: the target stopped answering &lt;b&gt;x&lt;\/b&gt;<\/div><h1>/);
  assert.ok(!renderHtml(sampleReport()).includes('class="stopped"'));
});

test('self-contained: nothing is loaded from anywhere', () => {
  const html = renderHtml(sampleReport());
  assert.doesNotMatch(html, /<(link|img|iframe)\b|<script [^>]*src=|@import|url\(/i);
  assert.match(html, /default-src 'none'/);
});
