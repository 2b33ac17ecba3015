// conform diff (issue 14): two runs of the userapi suite, against the mock and against the mock with one deviation,
// differ in exactly what the deviation breaks; the diff says so per transport and exits 1 on the regression, 0 the other way.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startTestMock } from '../helpers/start-mock.ts';
import { runConform } from '../helpers/run-conform.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import { ROOT } from '../../src/specs/paths.ts';
import type { RunDiff } from '../../src/reports/diff.ts';

const DEVIATION = 'userapi.update.validation.name-alphabetic';
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'conform-diff-'));
let clean: RunningMock;
let deviating: RunningMock;
let cleanDir: string;
let deviatingDir: string;

before(async () => {
  clean = await startTestMock(['userapi'], { targetsDir: tempDir() });
  deviating = await startTestMock(['userapi'], { targetsDir: tempDir(), deviate: [DEVIATION] });
  const target = (mock: RunningMock) => path.join(mock.config.targetsDir as string, 'userapi.json');
  const a = await runConform(['test', '--target', target(clean)]);
  assert.equal(a.code, 0, a.stderr);
  const b = await runConform(['test', '--target', target(deviating)]);
  assert.equal(b.code, 1, 'the deviation fails a MUST');
  [cleanDir, deviatingDir] = [a.reportDir, b.reportDir];
});
after(async () => {
  await clean.stop();
  await deviating.stop();
});

const diff = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), 'diff', ...args], { cwd: ROOT, encoding: 'utf8' });

test('clean → deviating: newly failing is exactly what the deviating run fails, the deviation among them (http: passed → failed), exit 1; Markdown names it', () => {
  const json = diff(cleanDir, deviatingDir, '--format', 'json');
  assert.equal(json.status, 1, json.stderr);
  const result = JSON.parse(json.stdout) as RunDiff;
  // Exactly what the deviating run fails (the deviation's own requirement, and any check it also breaks).
  const failedThere = (JSON.parse(fs.readFileSync(path.join(deviatingDir, 'conformance.json'), 'utf8')) as { requirements: Array<{ id: string; status: string }> }).requirements.filter((r) => r.status === 'failed').map((r) => r.id);
  assert.ok(failedThere.includes(DEVIATION));
  assert.deepEqual(result.newlyFailing.map((r) => r.id).sort(), failedThere.sort());
  assert.deepEqual(result.newlyFailing.find((r) => r.id === DEVIATION)?.changes, [{ transport: 'http', from: 'passed', to: 'failed' }]);
  assert.deepEqual([result.newlyPassing, result.changed, result.added, result.removed], [[], [], [], []]);
  const markdown = diff(path.join(cleanDir, 'conformance.json'), deviatingDir);
  assert.equal(markdown.status, 1);
  assert.match(markdown.stdout, /newly failing/);
  assert.ok(markdown.stdout.includes(`| \`${DEVIATION}\` | MUST | http: passed → failed |`), markdown.stdout);
});

test('deviating → clean: newly passing, exit 0; a run against itself: nothing changed', () => {
  const back = diff(deviatingDir, cleanDir, '--format', 'json');
  assert.equal(back.status, 0, back.stderr);
  const passing = (JSON.parse(back.stdout) as RunDiff).newlyPassing.map((r) => r.id);
  assert.ok(passing.includes(DEVIATION), passing.join(', '));
  assert.equal((JSON.parse(back.stdout) as RunDiff).newlyFailing.length, 0);
  const same = diff(cleanDir, cleanDir);
  assert.equal(same.status, 0);
  assert.match(same.stdout, /Nothing changed\./);
});

test('a certification bundle is read through its manifest: the one run\'s folder, or the folder to name when there are several', () => {
  const bundle = tempDir();
  fs.mkdirSync(path.join(bundle, 'userapi'));
  fs.copyFileSync(path.join(deviatingDir, 'conformance.json'), path.join(bundle, 'userapi', 'conformance.json'));
  fs.writeFileSync(path.join(bundle, 'manifest.json'), JSON.stringify({ runs: [{ dir: 'userapi' }] }));
  const one = diff(cleanDir, bundle, '--format', 'json');
  assert.equal(one.status, 1, one.stderr);
  assert.ok((JSON.parse(one.stdout) as RunDiff).newlyFailing.some((r) => r.id === DEVIATION));
  fs.writeFileSync(path.join(bundle, 'manifest.json'), JSON.stringify({ runs: [{ dir: 'userapi' }, { dir: 'kuzzle' }] }));
  const several = diff(cleanDir, bundle);
  assert.equal(several.status, 2);
  assert.match(several.stderr, /is a bundle of 2 runs: give one of its folders/);
});

test('a folder without a report, a file that is not one, or two families: exit 2 with the reason', () => {
  const missing = diff(tempDir(), cleanDir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no conformance\.json there/);
  const notJson = path.join(tempDir(), 'conformance.json');
  fs.writeFileSync(notJson, '{"tool":');
  const broken = diff(notJson, cleanDir);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /is not JSON/);
  const other = path.join(tempDir(), 'conformance.json');
  fs.writeFileSync(other, JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(cleanDir, 'conformance.json'), 'utf8')), api: 'kuzzle' }));
  const families = diff(other, cleanDir);
  assert.equal(families.status, 2);
  assert.match(families.stderr, /different families \(kuzzle, userapi\)/);
});
