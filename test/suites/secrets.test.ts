// No secret leaves a run: conform test against targets with known secrets (right and wrong passwords, real tokens,
// an unreachable endpoint), then every file the run wrote (reports, test-results/, blob reports unzipped) and
// everything it printed is searched for them. The reports must still say what failed, with the placeholder where a
// secret was, so an empty report cannot pass.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startTestMock } from '../helpers/start-mock.ts';
import { runConform, writeTarget, type ConformRun } from '../helpers/run-conform.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import type { Family } from '../../src/specs/families.ts';

const WRONG = { kuzzle: 'wrong-Kz-pass-7731', devicehive: 'wrong-Dh-pass-9913' };
/**
 * A few tests per case (each failing test costs Playwright a new worker): logins, fixture users and their tokens, and
 * with the right credentials the real-server profiles' failures, whose transcripts reach the reports.
 */
const RIGHT: Record<Family, string> = {
  kuzzle: 'kuzzle\\.updateProfile\\.(envelope\\.result-version|default\\.force-false)|kuzzle\\.updateSelf\\.auth\\.authorization-header',
  devicehive: 'devicehive\\.(updateUser\\.auth\\.update-current-user-token|all\\.envelope\\.http-error|all\\.auth\\.bearer-header)',
  userapi: 'userapi\\.update\\.(auth\\.(bearer-scheme|raw-token)|validation\\.name-required)',
};
const BROKEN: Record<Family, string> = {
  kuzzle: 'kuzzle\\.updateSelf\\.auth\\.(authorization-header|jwt-argument)',
  devicehive: 'devicehive\\.all\\.auth\\.(bearer-header|invalid-token)',
  userapi: 'userapi\\.update\\.auth\\.(raw-token|bearer-scheme)',
};
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
/** Bearer and a token (a digit or a symbol in it: "Bearer header" in a title, "Bearer garbage" as a test's input are no tokens). */
const BEARER = /Bearer\s+(?!\[redacted\])(?=[A-Za-z]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{8,}/;
/** The passwords the suites generate for their fixture users (kuzzle) and the catalogue's client password (DeviceHive). */
const GENERATED = /pw-[a-z0-9]+-[a-z0-9]+-secret|secret123/;

let mock: RunningMock;
let closedPort = 0;
const targets = {} as Record<Family, any>;
before(async () => {
  // The real-server profiles make some tests fail with the right credentials, so their transcripts reach the reports.
  mock = await startTestMock(['kuzzle', 'devicehive', 'userapi'], { targetsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'conform-secrets-')), profiles: { kuzzle: 'kuzzle-2.56', devicehive: 'devicehive-4', userapi: 'userapi-laravel' } });
  for (const family of ['kuzzle', 'devicehive', 'userapi'] as Family[]) targets[family] = JSON.parse(fs.readFileSync(path.join(mock.config.targetsDir as string, `${family}.json`), 'utf8'));
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
after(() => mock.stop());

/** The same target with every endpoint on a closed port; with a secret, also credentials in the HTTP URL (user:pass@). */
function unreachable(target: any, secret?: string): any {
  const out = { ...target };
  for (const t of ['http', 'ws', 'mqtt'] as const) if (out[t]) out[t] = out[t].replace(/\/\/127\.0\.0\.1:\d+/, `//127.0.0.1:${closedPort}`);
  if (secret) out.http = out.http.replace('//', `//conform:${encodeURIComponent(secret)}@`);
  return out;
}

/** Every file under a directory, zips (Playwright's blob reports) unpacked, as text. */
function everyFile(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? (entry as any).path, entry.name);
    let text = file.endsWith('.zip') ? execFileSync('unzip', ['-p', file], { maxBuffer: 1 << 28 }).toString('utf8') : fs.readFileSync(file, 'utf8');
    // A blob report holds the attachments (the transcripts) base64-encoded: searched decoded too.
    if (file.endsWith('.zip')) text += [...text.matchAll(/"base64":"([A-Za-z0-9+/=]{8,})"/g)].map((m) => Buffer.from(m[1] as string, 'base64').toString('utf8')).join('\n');
    out.push({ file: path.relative(dir, file), text });
  }
  return out;
}

/** Each place a secret appears: "<file>: <secret>". */
function leaks(run: ConformRun, secrets: string[]): string[] {
  const found: string[] = [];
  const places = [...everyFile(run.reportDir), { file: '(stdout)', text: run.stdout }, { file: '(stderr)', text: run.stderr }];
  for (const { file, text } of places) {
    for (const s of secrets) for (const form of new Set([s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])) if (text.includes(form)) found.push(`${file}: ${form.slice(0, 24)}… ×${text.split(form).length - 1}`);
    for (const [name, re] of [['a JWT', JWT], ['Bearer <token>', BEARER], ['a generated password', GENERATED]] as const) {
      const m = text.match(new RegExp(re.source, 'g'));
      if (m) found.push(`${file}: ${name} ×${m.length} (${m[0].slice(0, 40)})`);
    }
  }
  return found;
}

interface Case {
  label: string;
  family: Family;
  target: () => any;
  secrets: () => string[];
  grep: string;
  extra?: string[];
  /** What the failures (or, for a run the pre-flight stopped, the report's `stopped.reason`) must still say. */
  says: RegExp;
  /** The pre-flight stops this run before any test: the report says why instead of carrying failures. */
  preflight?: boolean;
}

const cases: Case[] = [
  { label: 'kuzzle, right password (sharded: blob report)', family: 'kuzzle', grep: RIGHT.kuzzle, target: () => targets.kuzzle, secrets: () => [targets.kuzzle.auth.admin.password], extra: ['--shard', '1/1'], says: /./ },
  { label: 'kuzzle, wrong password', preflight: true, family: 'kuzzle', grep: BROKEN.kuzzle, target: () => ({ ...targets.kuzzle, auth: { admin: { username: 'admin', password: WRONG.kuzzle } } }), secrets: () => [WRONG.kuzzle, targets.kuzzle.auth.admin.password], says: /admin|credentials|refused/ },
  { label: 'kuzzle, unreachable', preflight: true, family: 'kuzzle', grep: BROKEN.kuzzle, target: () => unreachable(targets.kuzzle), secrets: () => [targets.kuzzle.auth.admin.password], says: /ECONNREFUSED|failed/ },
  { label: 'devicehive, right password', family: 'devicehive', grep: RIGHT.devicehive, target: () => targets.devicehive, secrets: () => [targets.devicehive.auth.admin.password], says: /./ },
  { label: 'devicehive, wrong password', preflight: true, family: 'devicehive', grep: BROKEN.devicehive, target: () => ({ ...targets.devicehive, auth: { admin: { login: 'dhadmin', password: WRONG.devicehive } } }), secrets: () => [WRONG.devicehive, targets.devicehive.auth.admin.password], says: /dhadmin|credentials|refused/ },
  { label: 'devicehive, unreachable', preflight: true, family: 'devicehive', grep: BROKEN.devicehive, target: () => unreachable(targets.devicehive), secrets: () => [targets.devicehive.auth.admin.password], says: /ECONNREFUSED|failed/ },
  { label: 'userapi, real tokens', family: 'userapi', grep: RIGHT.userapi, target: () => targets.userapi, secrets: () => targets.userapi.auth.users.map((u: { token: string }) => u.token), says: /./ },
  { label: 'userapi, unreachable, a password in the endpoint URL', preflight: true, family: 'userapi', grep: BROKEN.userapi, target: () => unreachable(targets.userapi, 'userapi-url-secret'), secrets: () => [...targets.userapi.auth.users.map((u: { token: string }) => u.token), 'userapi-url-secret'], says: /ECONNREFUSED|failed|credentials/ },
];

test('no password, token or JWT in any file a run wrote or any line it printed; the reports still say what failed', async () => {
  const runs = await Promise.all(cases.map(async (c) => {
    const started = performance.now();
    const run = await runConform(['test', '--target', writeTarget(c.target()), '--grep', c.grep, '--timeout', '8000', ...(c.extra ?? [])]);
    console.log(`${c.label}: ${((performance.now() - started) / 1000).toFixed(1)} s, ${run.report?.requirements.flatMap((r) => r.failures).length ?? 0} failures`);
    return run;
  }));
  const problems: string[] = [];
  cases.forEach((c, i) => {
    const run = runs[i] as ConformRun;
    const found = leaks(run, c.secrets());
    if (found.length > 0) problems.push(`${c.label}:\n    ${found.join('\n    ')}`);
    // Useful reports: written, with failures that say why, and the placeholder where a secret was recorded.
    if (!run.report) return void problems.push(`${c.label}: no conformance.json (exit ${run.code}): ${run.stderr.slice(0, 500)}`);
    if (c.preflight) {
      if (run.code !== 2) problems.push(`${c.label}: exit ${run.code}, not 2 (a configuration or reachability error)`);
      if (!c.says.test(run.report.stopped?.reason ?? '')) problems.push(`${c.label}: stopped.reason does not match ${c.says}: ${run.report.stopped?.reason}`);
      return;
    }
    const failures = run.report.requirements.flatMap((r) => r.failures);
    if (failures.length === 0) problems.push(`${c.label}: no failure in the report`);
    if (!failures.some((f) => c.says.test(f.message))) problems.push(`${c.label}: no failure message matches ${c.says}: ${failures[0]?.message}`);
    if (!failures.some((f) => f.exchanges.length > 0)) problems.push(`${c.label}: no failure carries its transcript`);
    if (!fs.readFileSync(path.join(run.reportDir, 'conformance.json'), 'utf8').includes('[redacted]')) problems.push(`${c.label}: no [redacted] placeholder in conformance.json`);
  });
  const sharded = runs[0] as ConformRun;
  const blob = everyFile(sharded.reportDir).find((f) => f.file.startsWith('blob-') && f.file.endsWith('.zip'));
  if (!blob?.text.includes('"name":"transcript"') || !blob.text.includes('[redacted]')) problems.push('the sharded run wrote no blob report with its transcripts (redacted) in it');
  assert.deepEqual(problems, []);
});
