// The userapi suite proved right: it passes the mock, catches every deviation, reports a real-server profile
// exactly, and its reports are complete and valid.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestMock } from '../helpers/start-mock.ts';
import { runConform } from '../helpers/run-conform.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import { schemaValidator } from '../../src/core/validation.ts';
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { readProfile } from '../../src/specs/profiles.ts';
import { FAMILY_MODULES } from '../../src/server/family-modules.ts';
import { sweepDeviations } from '../../src/runner/deviation-sweep.ts';
import { ROOT } from '../../src/specs/paths.ts';
import fsTemp from 'node:os';

const validateReport = schemaValidator('report.schema.json');
const targetsOf = (mock: RunningMock) => path.join(mock.config.targetsDir as string, 'userapi.json');

let documented: RunningMock;
before(async () => {
  documented = await startTestMock(['userapi'], { targetsDir: fs.mkdtempSync(path.join(fsTemp.tmpdir(), 'conform-t-')) });
});
after(() => documented.stop());

test('against the mock (documented profile) every userapi requirement passes; the four reports are written and valid', async () => {
  const run = await runConform(['test', '--target', targetsOf(documented)]);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(run.report && validateReport(run.report), JSON.stringify(validateReport.errors));
  const ids = readCatalogue('userapi').requirements.map((r) => r.id);
  assert.deepEqual(run.report.requirements.map((r) => r.id), ids);
  const notPassed = run.report.requirements.filter((r) => r.status !== 'passed').map((r) => `${r.id}: ${r.status}`);
  assert.deepEqual(notPassed, []);
  assert.doesNotMatch(JSON.stringify(run.report), /eyJ[A-Za-z0-9_-]+\.eyJ/, 'no token in the report');
  for (const file of ['conformance.html', 'junit.xml', 'summary.md']) assert.ok(fs.existsSync(path.join(run.reportDir, file)), file);
  assert.match(fs.readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8'), /<property name="requirement" value="userapi\.update\.route\.put-user-update"\/>/);
  assert.match(run.stdout, /conformance\.html/);
});

test('every userapi deviation of the mock is caught by the suite, by its own requirement', async () => {
  const ids = Object.keys(FAMILY_MODULES.userapi?.deviations ?? {});
  const rows = await sweepDeviations('userapi', ids);
  console.log(['deviation → detected by', ...rows.map((r) => `  ${r.deviation} → ${r.detectedBy.join(', ') || 'NOT DETECTED'}`)].join('\n'));
  assert.deepEqual(rows.filter((r) => !r.detected).map((r) => r.deviation), []);
});

test('with the userapi-laravel profile the failures are exactly the profile’s deviations, and its shipped baseline exits 0', async () => {
  const laravel = await startTestMock(['userapi'], { profiles: { userapi: 'userapi-laravel' }, targetsDir: fs.mkdtempSync(path.join(fsTemp.tmpdir(), 'conform-t-')) });
  try {
    const profile = readProfile('userapi-laravel.yaml').deviations.map((d) => d.requirement).sort();
    const run = await runConform(['test', '--target', targetsOf(laravel)]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.report?.requirements.filter((r) => r.status === 'failed').map((r) => r.id).sort(), profile);
    const baselined = await runConform(['test', '--target', targetsOf(laravel), '--baseline', path.join(ROOT, 'suites', 'baselines', 'userapi-laravel.json')]);
    assert.equal(baselined.code, 0, baselined.stdout);
    assert.equal(baselined.report?.summary.knownDeviations, profile.length);
  } finally {
    await laravel.stop();
  }
});
