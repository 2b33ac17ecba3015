// One Playwright run certifies several targets side by side (a project per target): each gets its own reports in
// <report-dir>/<its file's base name>/, the console shows one run, and the exit code is the worst over the targets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestMock } from '../helpers/start-mock.ts';
import { runConform } from '../helpers/run-conform.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import type { ConformanceReport } from '../../src/reports/model.ts';
import { FAMILIES, type Family } from '../../src/specs/families.ts';
import { FAMILY_MODULES } from '../../src/server/family-modules.ts';
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { tagPattern } from '../../src/runner/deviation-sweep.ts';

// Two families, whichever the registry lists first: one with a deviation switched on, one as documented.
const [broken, clean] = FAMILIES as unknown as [Family, Family];
const deviation = Object.keys(FAMILY_MODULES[broken]?.deviations ?? {})[0] as string;
const cleanRequirement = readCatalogue(clean).requirements.find((r) => r.transports.includes('http'))?.id as string;

let mock: RunningMock;
let targetsDir = '';
before(async () => {
  targetsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-several-'));
  mock = await startTestMock([broken, clean], { targetsDir, deviate: [deviation] });
});
after(() => mock.stop());

const reportOf = (dir: string): ConformanceReport => JSON.parse(fs.readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;

test('--target a.json --target b.json: one run, a report folder per target, the worst exit code', async () => {
  const files = [broken, clean].map((f) => path.join(targetsDir, `${f}.json`));
  const grep = `${tagPattern(deviation)}|${tagPattern(cleanRequirement)}`;
  const run = await runConform(['test', '--target', files[0] as string, '--target', files[1] as string, '--grep', grep]);
  assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
  assert.equal(run.stdout.match(/running \d+ test\(s\)/g)?.length, 1, 'one Playwright run for both targets');
  assert.equal(run.report, undefined, 'no single-target report at the top of the report folder');
  const failing = reportOf(path.join(run.reportDir, broken));
  const passing = reportOf(path.join(run.reportDir, clean));
  assert.equal(failing.api, broken);
  assert.ok(failing.requirements.some((r) => r.id === deviation && r.status === 'failed'), JSON.stringify(failing.summary));
  assert.equal(passing.api, clean);
  assert.equal(passing.requirements.find((r) => r.id === cleanRequirement)?.status, 'passed', JSON.stringify(passing.summary));
  assert.equal(passing.summary.failed, 0);
  for (const f of [broken, clean]) assert.ok(run.stdout.includes(path.join(run.reportDir, f, 'conformance.html')), `the summary names ${f}'s page`);
});
