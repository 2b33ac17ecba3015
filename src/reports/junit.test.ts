// junit.xml read back by a real JUnit consumer (junit2json, over xml2js): counts, times, timestamp, properties, and
// a SHOULD failure that is neither a failure nor skipped but carries its warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, type TestCase, type TestSuite, type TestSuites } from 'junit2json';
import { renderJunit } from './junit.ts';
import { sampleReport, SAMPLE } from '../../test/helpers/sample-report.ts';

test('junit.xml: MUST failure is <failure>, SHOULD failure and known deviation pass with a warning, skipped and not tested are <skipped>', async () => {
  const report = sampleReport();
  const root = (await parse(renderJunit(report))) as TestSuites;
  const suites = root.testsuite as TestSuite[];
  const cases = suites.flatMap((s) => s.testcase ?? []);
  const cells = report.requirements.flatMap((r) => Object.keys(r.transports));
  assert.equal(root.tests, cells.length);
  assert.equal(cases.length, cells.length);
  assert.equal(root.failures, 1);
  const byName = (name: string) => cases.find((c) => c.name === name) as TestCase & { properties?: Array<{ name: string; value: string }> };
  const props = (c: ReturnType<typeof byName>) => Object.fromEntries((c.properties ?? []).map((p) => [p.name, p.value]));

  const must = byName(`${SAMPLE.mustFailed} [http]`);
  assert.equal(must.failure?.length, 1);
  assert.match(must.failure?.[0]?.message ?? '', /PUT \/_me answers HTTP 200/);
  assert.deepEqual({ ...props(must), document: undefined }, { requirement: SAMPLE.mustFailed, level: 'MUST', category: 'route', transport: 'http', verdict: 'failed', document: undefined });
  assert.ok((must.time ?? 0) > 0, 'a test time');

  const should = byName(`${SAMPLE.shouldFailed} [ws]`);
  assert.equal(should.failure, undefined);
  assert.equal(should.skipped, undefined);
  assert.match(should['system-out']?.[0] ?? '', /^WARNING: SHOULD requirement not met/);
  assert.equal(props(should).level, 'SHOULD');
  assert.equal(props(should).verdict, 'warning');

  const known = byName(`${SAMPLE.known} [ws]`);
  assert.equal(known.failure, undefined);
  assert.equal(known.skipped, undefined);
  assert.match(known['system-out']?.[0] ?? '', /KNOWN DEVIATION.*does not echo room/);

  assert.equal(byName(`${SAMPLE.skipped} [ws]`).skipped?.length, 1);
  const notTested = cases.filter((c) => c.name?.endsWith('[mqtt]'));
  assert.ok(notTested.length > 0 && notTested.every((c) => c.skipped?.length === 1), 'MQTT was not tested: skipped');
  const skippedCells = report.requirements.flatMap((r) => Object.values(r.transports)).filter((s) => s === 'skipped' || s === 'not-tested').length;
  assert.equal(suites.reduce((n, s) => n + (s.skipped ?? 0), 0), skippedCells);

  for (const s of suites) {
    assert.equal(s.timestamp, '2026-12-03T09:00:00');
    const sum = (s.testcase ?? []).reduce((n, c) => n + (c.time ?? 0), 0);
    assert.ok(Math.abs((s.time ?? 0) - sum) < 0.01, `${s.name}: suite time ${s.time} is the sum of its tests ${sum}`);
  }
});
