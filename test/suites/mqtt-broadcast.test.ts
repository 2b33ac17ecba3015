// A Kuzzle target that publishes every MQTT answer to every connected client, not only to the requester (`conform
// mock --deviate kuzzle.all.transport.mqtt-requester-only`): the suite ends, writes its reports, and fails exactly
// the requirement that an answer goes only to the requester. The other MQTT tests, which run side by side and so
// receive each other's answers, must take none of them for their own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runConform } from '../helpers/run-conform.ts';
import { startMockProcess, type MockProcess } from '../helpers/mock-process.ts';

const BROADCAST = 'kuzzle.all.transport.mqtt-requester-only';
const targetsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-broadcast-'));
let mock: MockProcess;

before(async () => {
  mock = startMockProcess(['--family', 'kuzzle', '--deviate', BROADCAST, '--targets-dir', targetsDir]);
  await mock.ready;
});
after(async () => {
  mock.child.kill('SIGTERM');
  await mock.exited;
});

test('against a target that broadcasts its MQTT answers, the Kuzzle suite ends, writes its reports and fails only the requester-only requirement', async () => {
  const run = await runConform(['test', '--target', path.join(targetsDir, 'kuzzle.json'), '--quiet']);
  assert.ok(run.report, `no report: ${run.stderr}`);
  for (const file of ['conformance.html', 'junit.xml', 'summary.md']) assert.ok(fs.existsSync(path.join(run.reportDir, file)), file);
  assert.equal(run.report.stopped, undefined, 'the run ended by itself');
  const notPassed = run.report.requirements.filter((r) => r.status !== 'passed').map((r) => `${r.id} ${JSON.stringify(r.transports)}: ${r.failures[0]?.message.split('\n')[0] ?? ''}`);
  assert.equal(notPassed.length, 1, notPassed.join('\n'));
  const failed = run.report.requirements.find((r) => r.id === BROADCAST);
  assert.equal(failed?.status, 'failed', notPassed.join('\n'));
  assert.deepEqual(failed?.transports, { mqtt: 'failed' });
  assert.match(failed?.failures[0]?.message ?? '', /the answer was broadcast/);
  // A SHOULD: a warning, so the run's verdict is still a pass.
  assert.equal(run.code, 0, run.stderr);
});
