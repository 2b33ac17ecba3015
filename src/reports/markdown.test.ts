import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from './markdown.ts';
import { SAMPLE, sampleReport } from '../../test/helpers/sample-report.ts';

/** The rows of the failure table (the not-applicable table after it left out). */
const failureTable = (md: string) => (md.split('### Not applicable')[0] ?? '').split('\n').filter((l) => l.startsWith('| ') && l.includes('`'));

test('summary.md: a requirement whose tests were skipped is listed as not applicable, with the reason, never as passed', () => {
  const md = renderMarkdown(sampleReport());
  const rows = (md.split('### Not applicable')[1] ?? '').split('\n').filter((l) => l.startsWith('| ') && l.includes('`'));
  assert.deepEqual(rows, [`| ⏭️ \`${SAMPLE.skipped}\` | MUST | ws | not applicable (the target has no such route) |`]);
});

test('summary.md: the name as heading, the verdict with the api, the counts by level', () => {
  const md = renderMarkdown(sampleReport());
  assert.ok(md.startsWith('# sample\n\n❌ **1 MUST requirement(s) failed** · api kuzzle · transports tested: http, ws · 12.3 s · conform 0.1.0\n'), md.slice(0, 200));
  assert.match(md, /\n\| level \| failed \| warning \| known deviation \| skipped \| not tested \| passed \|\n/);
  assert.match(md, /\n\| MUST \| 1 \| 0 \| 1 \| 1 \| 1 \| \d+ \|\n\| SHOULD \| 0 \| 1 \| 0 \|/);
});

test('summary.md: one row per failure, failures first: id, level, title, transport, the message’s first line', () => {
  const lines = failureTable(renderMarkdown(sampleReport()));
  assert.deepEqual(lines, [
    `| ❌ \`${SAMPLE.mustFailed}\` | MUST | PUT /_me with a JSON body updates the user the Authorization token belongs to | http | Error: PUT /_me answers HTTP 200 |`,
    `| ⚠️ \`${SAMPLE.shouldFailed}\` | SHOULD | refresh=false is accepted (the update succeeds without waiting for indexation) | ws | Error: expect(received).toMatchObject(expected) |`,
    `| 🔶 \`${SAMPLE.known}\` | MUST | Every WebSocket response to a request carries room equal to its requestId | ws | Error: the answer carries room r1 (baseline: sample baseline: this server does not echo room) |`,
  ]);
});

test('summary.md: a server’s text cannot break the table or inject markup', () => {
  const report = sampleReport();
  report.requirements.find((r) => r.id === SAMPLE.mustFailed)!.failures[0]!.message = 'Error: a | b <script>alert(1)</script> `x`\nsecond line';
  const md = renderMarkdown(report);
  assert.ok(md.includes("| http | Error: a \\| b &lt;script&gt;alert(1)&lt;/script&gt; 'x' |"));
  assert.ok(!md.includes('<script>') && !md.includes('second line'));
});

test('summary.md: a stopped run starts with a caution note saying why; a complete one has none', () => {
  const report = { ...sampleReport(), stopped: { stage: 'pre-flight' as const, code: 'CONFORM_ERR_AUTH', reason: 'the target refused\nthe credentials <b>' } };
  const md = renderMarkdown(report);
  assert.ok(md.startsWith('> [!CAUTION]\n> **Run stopped (pre-flight): `CONFORM_ERR_AUTH`.** the target refused the credentials &lt;b&gt;\n\n# sample\n'), md.slice(0, 200));
  assert.doesNotMatch(renderMarkdown(sampleReport()), /CAUTION/);
});

test('summary.md: a run without failures has no failure table, and a long list is cut', () => {
  const clean = sampleReport();
  for (const r of clean.requirements) r.failures = [];
  assert.doesNotMatch(renderMarkdown(clean), /### Failures/);
  const many = sampleReport();
  const r = many.requirements.find((x) => x.id === SAMPLE.mustFailed)!;
  r.failures = Array.from({ length: 60 }, () => r.failures[0]!);
  const md = renderMarkdown(many);
  assert.equal(failureTable(md).length, 50);
  assert.match(md, /… and 12 more failures: see conformance\.html\./);
});

test('the generative phase\'s budget and seed are in summary.md and conformance.html, to reproduce a run from either', async () => {
  const { renderHtml } = await import('./html.ts');
  const report = { ...sampleReport(), generate: { cases: 5, seed: 4242 } };
  assert.ok(renderMarkdown(report).includes('generated: 5 cases a test, seed 4242'));
  assert.ok(renderHtml(report).includes('5 cases a test, seed 4242'));
  assert.ok(!renderMarkdown(sampleReport()).includes('generated:'), 'absent when the run had no generative settings');
});
