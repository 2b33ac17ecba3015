// A target without a committed file: CONFORM_TARGET_* variables and flags give or override the endpoints and the
// credentials, flags over environment over file; the merged target is validated like a file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT } from '../../src/specs/paths.ts';
import { startTestMock } from '../helpers/start-mock.ts';
import { writeTarget } from '../helpers/run-conform.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import { resolveTarget } from '../../src/runner/target-overrides.ts';

let mock: RunningMock;
let kuzzle: any;
before(async () => {
  mock = await startTestMock(['kuzzle'], { targetsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'conform-overrides-t-')) });
  kuzzle = JSON.parse(fs.readFileSync(path.join(mock.config.targetsDir as string, 'kuzzle.json'), 'utf8'));
});
after(() => mock.stop());

/** conform test with this environment (no CONFORM_TARGET_* inherited from the test's own). */
function conform(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string; report: any }> {
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-overrides-r-'));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONFORM_TARGET')));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), ...args, '--report-dir', reportDir], { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      const file = path.join(reportDir, 'conformance.json');
      resolve({ code, stderr, report: fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined });
    }),
  );
}

const FEW = ['--grep', 'kuzzle\\.updateSelf\\.route', '--transport', 'http'];

test('no target file: the environment gives the whole target, and a run passes', async () => {
  const run = await conform(['test', ...FEW], { CONFORM_TARGET_API: 'kuzzle', CONFORM_TARGET_HTTP: kuzzle.http, CONFORM_TARGET_USERNAME: kuzzle.auth.admin.username, CONFORM_TARGET_PASSWORD: kuzzle.auth.admin.password });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.report.target.endpoints.http, kuzzle.http);
  assert.ok(run.report.summary.passed > 0);
});

test('flags override the environment, which overrides the file: the credentials that win are the ones used', async () => {
  const wrongFile = writeTarget({ ...kuzzle, auth: { admin: { username: kuzzle.auth.admin.username, password: 'file-wrong-1' } } });
  const envWins = await conform(['test', '--target', wrongFile, ...FEW], { CONFORM_TARGET_PASSWORD: kuzzle.auth.admin.password });
  assert.equal(envWins.code, 0, envWins.stderr);
  const flagWins = await conform(['test', '--target', wrongFile, ...FEW, '--password', 'flag-wrong-2'], { CONFORM_TARGET_PASSWORD: kuzzle.auth.admin.password });
  assert.equal(flagWins.code, 2);
  assert.match(flagWins.stderr, /account "admin" cannot log in|cannot log in.*CONFORM_ERR_CREDENTIALS/);
  assert.doesNotMatch(flagWins.stderr, /flag-wrong-2|file-wrong-1/);
});

test('the merged target is validated like a file, and a secret in bad JSON is not echoed', () => {
  assert.throws(() => resolveTarget(undefined, { api: 'kuzzel' }, {}), /\/api must be one of kuzzle, devicehive, userapi/);
  assert.throws(() => resolveTarget(undefined, {}, { http: 'http://127.0.0.1:1' }), /give a target file/);
  assert.throws(() => resolveTarget(undefined, { auth: '{"users": [{"token": "s3cret-token"' }, { api: 'userapi', http: 'http://x' }), (e: Error) => /--auth is not JSON/.test(e.message) && !e.message.includes('s3cret'));
  const t = resolveTarget(undefined, { http: 'http://flag' }, { api: 'devicehive', http: 'http://env', username: 'dh', password: 'pw123' });
  assert.equal(t.http, 'http://flag');
  assert.deepEqual(t.auth, { admin: { login: 'dh', password: 'pw123' } });
});
