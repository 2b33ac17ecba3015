// The proof that a family's suite is right: it passes the mock, catches every deviation by its own requirement,
// reports a real-server profile exactly, and its reports are complete and valid.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestMock } from './start-mock.ts';
import { runConform } from './run-conform.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import { schemaValidator } from '../../src/core/validation.ts';
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { readProfile } from '../../src/specs/profiles.ts';
import { FAMILY_MODULES } from '../../src/server/family-modules.ts';
import { sweepDeviations } from '../../src/runner/deviation-sweep.ts';
import { ROOT } from '../../src/specs/paths.ts';
import type { Family } from '../../src/specs/families.ts';

const validateReport = schemaValidator('report.schema.json');
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'conform-t-'));

export function proveSuite(family: Family, profileName: string): void {
  const targetOf = (mock: RunningMock) => path.join(mock.config.targetsDir as string, `${family}.json`);
  let documented: RunningMock;
  before(async () => {
    documented = await startTestMock([family], { targetsDir: tempDir() });
  });
  after(() => documented.stop());

  test(`${family}: against the mock (documented profile) every requirement passes on every transport; the reports are valid`, async () => {
    const started = performance.now();
    const run = await runConform(['test', '--target', targetOf(documented)]);
    console.log(`${family}: the whole suite ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    assert.ok(run.report && validateReport(run.report), `${run.stderr}\n${JSON.stringify(validateReport.errors)}`);
    const notPassed = run.report.requirements.filter((r) => r.status !== 'passed').map((r) => `${r.id}: ${r.status} ${r.failures[0]?.message ?? ''}`);
    assert.deepEqual(notPassed, []);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.report.requirements.map((r) => r.id), readCatalogue(family).requirements.map((r) => r.id));
    for (const r of run.report.requirements) for (const t of r.transports ? Object.keys(r.transports) : []) assert.equal(r.transports[t as 'http'], 'passed', `${r.id} [${t}]`);
    assert.doesNotMatch(JSON.stringify(run.report), /"password"|eyJ[A-Za-z0-9_-]{10,}\.eyJ/, 'no password or token in the report');
    for (const file of ['conformance.html', 'junit.xml', 'summary.md']) assert.ok(fs.existsSync(path.join(run.reportDir, file)), file);
  });

  test(`${family}: every deviation of the mock is caught by the suite, by its own requirement`, async () => {
    const ids = Object.keys(FAMILY_MODULES[family]?.deviations ?? {});
    const started = performance.now();
    const rows = await sweepDeviations(family, ids);
    console.log([`${family}: deviation → detected by (${rows.length} in ${((performance.now() - started) / 1000).toFixed(0)} s)`, ...rows.map((r) => `  ${r.deviation} → ${r.detectedBy.join(', ') || 'NOT DETECTED'}`)].join('\n'));
    assert.deepEqual(rows.filter((r) => !r.detected).map((r) => r.deviation), []);
  });

  test(`${family}: with the ${profileName} profile the failures are exactly its deviations; its shipped baseline exits 0`, async () => {
    const real = await startTestMock([family], { profiles: { [family]: profileName }, targetsDir: tempDir() });
    try {
      const profile = readProfile(`${profileName}.yaml`).deviations.map((d) => d.requirement).sort();
      const run = await runConform(['test', '--target', targetOf(real)]);
      assert.deepEqual(run.report?.requirements.filter((r) => r.status === 'failed').map((r) => r.id).sort(), profile);
      const baselined = await runConform(['test', '--target', targetOf(real), '--baseline', path.join(ROOT, 'suites', 'baselines', `${profileName}.json`)]);
      assert.equal(baselined.code, 0, baselined.stdout);
      assert.equal(baselined.report?.summary.knownDeviations, profile.length);
    } finally {
      await real.stop();
    }
  });
}
