import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { SAMPLE, sampleReport } from '../../test/helpers/sample-report.ts';
import type { ConformanceReport } from './model.ts';

const XSS = '<script>alert(1)</script>';

/** The sample report with a remote server's hostile text in a failure message and the received value. */
function hostile(): ConformanceReport {
  const report = sampleReport();
  const r = report.requirements.find((x) => x.id === SAMPLE.mustFailed)!;
  const f = r.failures[0]!;
  f.message = `Error: the server said ${XSS}\n\nExpected: 200\nReceived: ${XSS}`;
  f.received = XSS;
  return report;
}

const ids = (html: string) => [...html.matchAll(/<tbody class="requirement" id="req-([^"]+)" data-status="([^"]+)"/g)].map((m) => ({ id: m[1]!, status: m[2]! }));

test('failures come first, passes after them', () => {
  const rows = ids(renderHtml(sampleReport()));
  assert.ok(rows.length > 10);
  assert.equal(rows[0]!.id, SAMPLE.mustFailed);
  const lastFailure = Math.max(...rows.map((r, i) => (r.status === 'failed' || r.status === 'known-deviation' ? i : -1)));
  const firstPass = rows.findIndex((r) => r.status === 'passed');
  assert.ok(lastFailure < firstPass, `a failure (row ${lastFailure}) after a pass (row ${firstPass})`);
});

test('the filters and the search box exist and every row carries what they read', () => {
  const html = renderHtml(sampleReport());
  for (const id of ['f-status', 'f-level', 'f-category', 'f-transport']) assert.match(html, new RegExp(`<select id="${id}">`));
  assert.match(html, /<input id="f-search" type="search"/);
  assert.match(html, /<option value="failed">/);
  const row = new RegExp(`<tbody class="requirement" id="req-${SAMPLE.mustFailed.replace(/\./g, '\\.')}" data-status="failed" data-verdict="failed" data-level="MUST" data-category="[^"]+" data-transports="[^"]*http[^"]*" data-search="[^"]+"`);
  assert.match(html, row);
});

test('the summary: a chart and counts by level, category and transport', () => {
  const html = renderHtml(sampleReport());
  assert.match(html, /<svg class="chart"/);
  for (const g of ['level', 'category', 'transport']) assert.match(html, new RegExp(`by ${g}</text>`));
  assert.match(html, /level: MUST/);
});

test('text from the server is escaped, never raw', () => {
  const html = renderHtml(hostile());
  assert.ok(!html.includes(XSS), 'the raw <script> is in the page');
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  // The page's own script is the only one.
  assert.equal(html.match(/<script>/g)?.length, 1);
});

test('each requirement names its document by title and section', () => {
  const report = sampleReport();
  const html = renderHtml(report);
  const r = report.requirements.find((x) => x.id === SAMPLE.mustFailed)!;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  assert.ok(html.includes(`<span class="doc-title">${esc(r.document.title)}</span> › <span class="doc-section">${esc(r.document.section)}</span>`));
});

test('a failure shows expected vs received, the exchanges and the reproduction with a copy button', () => {
  const report = sampleReport();
  const html = renderHtml(report);
  assert.match(html, /<div class="expected"><div class="er-head">expected<\/div><pre>200<\/pre>/);
  assert.match(html, /<div class="received"><div class="er-head">received<\/div><pre>404<\/pre>/);
  assert.match(html, /→ request <code>PUT http:\/\/127\.0\.0\.1:7512\/_me<\/code>/);
  assert.match(html, /← response <code>404<\/code>/);
  assert.match(html, /<button type="button" class="copy">copy<\/button><\/div><pre class="repro-cmd">curl -sS -i -X POST [^<]*\ncurl -sS -i -X PUT http:\/\/127\.0\.0\.1:7512\/_me/);
  assert.match(html, /Authorization: Bearer \$CONFORM_TOKEN/);
});

test('title and h1 are the target name; api, endpoints, date, duration and version below', () => {
  const html = renderHtml(sampleReport());
  assert.match(html, /<title>sample<\/title>/);
  assert.match(html, /<h1>sample<\/h1>/);
  for (const s of ['kuzzle', 'http://127.0.0.1:7512', '2026-12-03T09:00:00.000Z', '12.3 s', '0.1.0']) assert.ok(html.includes(s), s);
});

test('a stopped run gets a banner at the top, in HTML and in Markdown', () => {
  const report = { ...sampleReport(), stopped: { stage: 'run' as const, code: 'CONFORM_ERR_UNREACHABLE', reason: 'not run: the target stopped answering <b>x</b>' } };
  const html = renderHtml(report);
  assert.match(html, /<body>\n<div class="stopped" role="alert"><strong>Run stopped \(run\): <code>CONFORM_ERR_UNREACHABLE<\/code><\/strong><br>not run: the target stopped answering &lt;b&gt;x&lt;\/b&gt;<\/div><h1>/);
  assert.ok(!renderHtml(sampleReport()).includes('class="stopped"'));
  const md = renderMarkdown(report);
  assert.ok(md.startsWith('> [!CAUTION]\n> **Run stopped (run): `CONFORM_ERR_UNREACHABLE`.** not run: the target stopped answering'), md.slice(0, 200));
  assert.ok(renderMarkdown(sampleReport()).startsWith('# conform: sample'));
});
