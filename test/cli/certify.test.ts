// conform certify and conform verify, end to end: real runs of the userapi suite (the fastest) against the built-in
// mock and against a mock with deviations given as a target with its credentials, then the bundles checked as a
// customer would (bin/conform.mjs verify), altered byte by byte, result by result, and searched for the target's
// secrets. Run `npm run build` first (bin/conform.mjs runs the build when it is fresh, the sources otherwise).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { ROOT } from '../../src/specs/paths.ts';
import { loadSchemaRegistry } from '../../src/specs/schema-registry.ts';
import { main } from '../../src/cli/main.ts';
import { startTestMock } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import type { ConformanceReport } from '../../src/reports/model.ts';
import type { BundleManifest } from '../../src/certify/manifest.ts';

const FAILED = 'userapi.update.field-exclusion.password';
const KNOWN = 'userapi.update.default.description-kept';
/** The deviated target's run: its two deviations and the token checks (whose transcripts carry the tokens). */
const GREP = 'userapi\\.update\\.(field-exclusion\\.password|default\\.description-kept|auth\\.(bearer-scheme|raw-token))';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function conform(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** conform in this process (main, as bin/conform.mjs calls it): for the checks repeated once per file. */
async function inProcess(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

/** Every file of a bundle, relative, with / separators. */
function filesOf(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/')).sort();
}

/** SHA256SUMS recomputed by the test itself, as someone covering their tracks would. */
function rewriteSums(dir: string): void {
  const lines = filesOf(dir).filter((f) => f !== 'SHA256SUMS' && f !== 'SHA256SUMS.sig').map((f) => `${crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')}  ${f}\n`);
  fs.writeFileSync(path.join(dir, 'SHA256SUMS'), lines.join(''));
}

function copyOf(dir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-bundle-copy-'));
  fs.cpSync(dir, copy, { recursive: true });
  return copy;
}

/** One byte changed near the middle: a letter or digit replaced by another, so JSON stays JSON and text stays text. */
function flipOneByte(file: string): void {
  const bytes = fs.readFileSync(file);
  for (let k = 0; k < bytes.length; k++) {
    const i = (Math.floor(bytes.length / 2) + k) % bytes.length;
    const c = bytes[i] as number;
    const swap = c >= 0x30 && c <= 0x38 ? c + 1 : c === 0x39 ? 0x30 : c >= 0x61 && c <= 0x79 ? c + 1 : c >= 0x41 && c <= 0x59 ? c + 1 : undefined;
    if (swap === undefined) continue;
    bytes[i] = swap;
    fs.writeFileSync(file, bytes);
    return;
  }
  throw new Error(`${file} has no letter or digit to change`);
}

let mock: RunningMock;
let work: string;
let plain: string; // certify --mock --family userapi
let signed: string; // certify --target (deviations) --auth … --baseline … --sign
let plainRun: Run;
let signedRun: Run;
let secrets: string[];
let publicKey: string;
let otherPublicKey: string;

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-certify-'));
  const pem = (k: crypto.KeyObject, type: 'pkcs8' | 'spki') => k.export({ format: 'pem', type }) as string;
  const pair = crypto.generateKeyPairSync('ed25519');
  const other = crypto.generateKeyPairSync('ed25519');
  fs.writeFileSync(path.join(work, 'key.pem'), pem(pair.privateKey, 'pkcs8'), { mode: 0o600 });
  fs.writeFileSync((publicKey = path.join(work, 'key.pub.pem')), pem(pair.publicKey, 'spki'));
  fs.writeFileSync((otherPublicKey = path.join(work, 'other.pub.pem')), pem(other.publicKey, 'spki'));

  mock = await startTestMock(['userapi'], { targetsDir: path.join(work, 'targets'), deviate: [FAILED, KNOWN] });
  const target = JSON.parse(fs.readFileSync(path.join(work, 'targets', 'userapi.json'), 'utf8'));
  secrets = target.auth.users.map((u: { token: string }) => u.token);
  assert.ok(secrets.length >= 2 && secrets.every((s) => s.startsWith('eyJ')), 'the target carries real tokens to look for');
  // The credentials on the command line (--auth), the way the manifest must never record them.
  const auth = JSON.stringify(target.auth);
  fs.writeFileSync(path.join(work, 'target.json'), JSON.stringify({ ...target, auth: { users: [] } }));
  fs.writeFileSync(path.join(work, 'baseline.json'), JSON.stringify({ [KNOWN]: { why: 'clears an omitted description (known, being fixed)' } }));

  plain = path.join(work, 'plain');
  signed = path.join(work, 'signed');
  // Side by side: each run mostly waits on its mock.
  [plainRun, signedRun] = await Promise.all([
    conform(['certify', '--mock', '--family', 'userapi', '--out', plain, '--quiet']),
    conform(['certify', '--target', path.join(work, 'target.json'), '--auth', auth, '--baseline', path.join(work, 'baseline.json'), '--grep', GREP, '--sign', path.join(work, 'key.pem'), '--out', signed, '--quiet']),
  ]);
});
after(async () => {
  await mock?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('certify --mock writes a bundle: manifest (valid against its schema), the reports, every transcript, README, SHA256SUMS', () => {
  assert.equal(plainRun.code, 0, plainRun.stderr);
  const files = filesOf(plain);
  for (const f of ['manifest.json', 'README.md', 'SHA256SUMS', 'userapi/conformance.json', 'userapi/conformance.html', 'userapi/junit.xml', 'userapi/summary.md']) assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
  assert.ok(!files.some((f) => f.includes('test-results') || f.includes('.conform-breaker')), 'what Playwright leaves behind is not shipped');
  const report = JSON.parse(fs.readFileSync(path.join(plain, 'userapi', 'conformance.json'), 'utf8')) as ConformanceReport;
  const transcripts = files.filter((f) => f.startsWith('userapi/transcripts/'));
  const tests = report.requirements.reduce((n, r) => n + Object.keys(r.transports).length, 0);
  assert.ok(transcripts.length >= tests, `a transcript per test: ${transcripts.length} for ${tests} requirement × transport cells`);
  const one = JSON.parse(fs.readFileSync(path.join(plain, transcripts[0] as string), 'utf8'));
  assert.equal(one.status, 'passed');
  assert.ok(one.exchanges.length > 0 && one.exchanges[0].request, 'a transcript holds the exchanges');

  const manifest = JSON.parse(fs.readFileSync(path.join(plain, 'manifest.json'), 'utf8')) as BundleManifest;
  const validate = loadSchemaRegistry().validator('bundle-manifest.schema.json');
  assert.ok(validate, 'schemas/bundle-manifest.schema.json compiles');
  assert.ok(validate(manifest), JSON.stringify(validate.errors));
  assert.equal(manifest.command, `conform certify --mock --family userapi --out ${plain} --quiet`);
  const run = manifest.runs[0] as BundleManifest['runs'][number];
  assert.equal(run.family, 'userapi');
  assert.deepEqual(run.transports, ['http']);
  assert.equal(run.verdict.result, 'passed');
  assert.equal(Object.keys(run.catalogue.requirements).length, report.requirements.length);
  const seed = fs.readFileSync(path.join(ROOT, 'specs', 'seeds', 'SHA256SUMS'), 'utf8');
  for (const [file, hash] of Object.entries(run.catalogue.documents)) assert.ok(seed.includes(`${hash}  ${file}`), `${file}'s hash is the shipped seed's`);
  const readme = fs.readFileSync(path.join(plain, 'README.md'), 'utf8');
  assert.match(readme, /\*\*Verdict: PASSED/);
  assert.match(readme, /## Reproduce\n\n```sh\nconform certify --mock --family userapi --out /);
  // sha256sum itself agrees with the bundle's SHA256SUMS (the format is the tool's).
  const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: plain }).toString();
  assert.equal(check.trim().split('\n').length, files.length - 1);
});

test('verify: a bundle from certify holds (exit 0), and says its verdict', async () => {
  const run = await conform(['verify', plain]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /holds: every checksum matches, not signed, .*verdict is recomputed: passed/);
});

test('verify: one byte changed in any file of the bundle fails it (exit 1), naming that file', async () => {
  const files = filesOf(plain);
  assert.ok(files.length > 10);
  for (const file of files) {
    const full = path.join(plain, file);
    const original = fs.readFileSync(full);
    flipOneByte(full);
    try {
      const run = await inProcess(['verify', plain]);
      assert.equal(run.code, 1, `${file}: ${run.stderr}`);
      // A changed SHA256SUMS names the entry it no longer matches (and itself in that message).
      assert.ok(run.stderr.includes(file === 'SHA256SUMS' ? 'SHA256SUMS' : `changed: ${file} `), `${file} named in: ${run.stderr}`);
      assert.match(run.stderr, /\[CONFORM_ERR_BUNDLE_INVALID\]/);
    } finally {
      fs.writeFileSync(full, original);
    }
  }
  assert.equal((await inProcess(['verify', plain])).code, 0, 'restored, it holds again');
});

test('verify: a missing file and an extra file are named', async () => {
  const copy = copyOf(plain);
  const transcript = filesOf(copy).find((f) => f.includes('/transcripts/')) as string;
  fs.rmSync(path.join(copy, transcript));
  fs.writeFileSync(path.join(copy, 'userapi', 'notes.txt'), 'added later');
  const run = await conform(['verify', copy]);
  assert.equal(run.code, 1);
  assert.ok(run.stderr.includes(`missing: ${transcript} `), run.stderr);
  assert.ok(run.stderr.includes('extra: userapi/notes.txt '), run.stderr);
});

test('certify --target with credentials: the failed MUST, the known deviation of the baseline, a signature; exit 1 as conform test', () => {
  assert.equal(signedRun.code, 1, signedRun.stderr);
  const report = JSON.parse(fs.readFileSync(path.join(signed, 'conformance.json'), 'utf8')) as ConformanceReport;
  assert.equal(report.requirements.find((r) => r.id === FAILED)?.status, 'failed');
  assert.equal(report.requirements.find((r) => r.id === KNOWN)?.status, 'known-deviation');
  const manifest = JSON.parse(fs.readFileSync(path.join(signed, 'manifest.json'), 'utf8'));
  assert.equal(manifest.runs[0].dir, '.');
  assert.equal(manifest.runs[0].verdict.result, 'failed');
  assert.equal(manifest.runs[0].baseline.file, 'baseline.json');
  assert.match(manifest.command, / --auth '\[redacted\]' /);
  assert.ok(fs.existsSync(path.join(signed, 'SHA256SUMS.sig')));
  assert.match(fs.readFileSync(path.join(signed, 'README.md'), 'utf8'), /\*\*Verdict: FAILED/);
});

test('no token or JWT of the target is anywhere in the bundle, nor in what certify printed', () => {
  const jwt = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
  const leaks: string[] = [];
  const places = [...filesOf(signed).map((f) => ({ f, text: fs.readFileSync(path.join(signed, f)).toString('latin1') })), { f: '(stdout)', text: signedRun.stdout }, { f: '(stderr)', text: signedRun.stderr }];
  for (const { f, text } of places) {
    for (const s of secrets) for (const form of [s, encodeURIComponent(s), s.split('.')[2] as string]) if (text.includes(form)) leaks.push(`${f}: a token`);
    if (jwt.test(text)) leaks.push(`${f}: a JWT`);
  }
  assert.deepEqual(leaks, []);
  // The reports still show the exchanges, with the placeholder where the token was: an empty bundle cannot pass.
  const transcripts = filesOf(signed).filter((f) => f.startsWith('transcripts/'));
  assert.ok(transcripts.length >= 4, transcripts.join(', '));
  assert.ok(transcripts.some((f) => fs.readFileSync(path.join(signed, f), 'utf8').includes('[redacted]')));
});

test('verify --key: the signer\'s key holds, another key does not, an unsigned bundle does not, a private key is refused', async () => {
  const right = await conform(['verify', signed, '--key', publicKey]);
  assert.equal(right.code, 0, right.stderr);
  assert.match(right.stdout, /signature verified.*verdict is recomputed: failed/);
  // The signature is a plain Ed25519 one over SHA256SUMS: openssl checks it without conform.
  const openssl = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', publicKey, '-rawin', '-in', 'SHA256SUMS', '-sigfile', 'SHA256SUMS.sig'], { cwd: signed }).toString();
  assert.match(openssl, /Signature Verified Successfully/);
  const wrong = await conform(['verify', signed, '--key', otherPublicKey]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /SHA256SUMS\.sig: does not match/);
  const unsigned = await inProcess(['verify', plain, '--key', publicKey]);
  assert.equal(unsigned.code, 1);
  assert.match(unsigned.stderr, /SHA256SUMS\.sig: missing/);
  const privateKey = await inProcess(['verify', signed, '--key', path.join(work, 'key.pem')]);
  assert.equal(privateKey.code, 2);
  assert.match(privateKey.stderr, /a private key; give the public one .*\[CONFORM_ERR_KEY\]/);
  assert.ok(!privateKey.stderr.includes('BEGIN'), 'the key is never printed');
});

test('verify recomputes the verdict: a failed requirement marked passed is caught, even with SHA256SUMS recomputed', async () => {
  // 1. The requirement's status and verdict rewritten: its transports still say failed.
  const a = copyOf(signed);
  const edit = (dir: string, change: (r: ConformanceReport) => void) => {
    const file = path.join(dir, 'conformance.json');
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ConformanceReport;
    change(report);
    fs.writeFileSync(file, JSON.stringify(report, null, 2));
    rewriteSums(dir);
  };
  edit(a, (r) => Object.assign(r.requirements.find((x) => x.id === FAILED) as object, { status: 'passed', verdict: 'passed' }));
  const first = await conform(['verify', a]);
  assert.equal(first.code, 1);
  assert.ok(first.stderr.includes(`conformance.json: ${FAILED} says passed, but its transports give failed (http: failed)`), first.stderr);
  assert.ok(!first.stderr.includes('changed:'), 'the checksums match: only the recomputation catches it');

  // 2. Rewritten from the transports up, failures and summary too: the manifest's verdict no longer follows.
  const b = copyOf(signed);
  edit(b, (r) => {
    const req = r.requirements.find((x) => x.id === FAILED) as ConformanceReport['requirements'][number];
    Object.assign(req, { status: 'passed', verdict: 'passed', transports: { http: 'passed' }, failures: [] });
    Object.assign(r.summary, { passed: r.summary.passed + 1, failed: r.summary.failed - 1, mustFailed: r.summary.mustFailed - 1 });
  });
  const second = await inProcess(['verify', b]);
  assert.equal(second.code, 1);
  assert.match(second.stderr, /manifest\.json: \. claims the verdict failed, but the per-requirement results give passed/);

  // 3. The summary left as it was: it no longer adds up.
  const c = copyOf(signed);
  edit(c, (r) => Object.assign(r.requirements.find((x) => x.id === FAILED) as object, { status: 'passed', verdict: 'passed', transports: { http: 'passed' }, failures: [] }));
  const third = await inProcess(['verify', c]);
  assert.equal(third.code, 1);
  assert.match(third.stderr, /the summary says passed \d+, failed 1, mustFailed 1, but the requirements give passed \d+, failed 0, mustFailed 0/);

  // 4. Everything rewritten consistently, manifest included: only the signature tells.
  const d = copyOf(signed);
  edit(d, (r) => {
    const req = r.requirements.find((x) => x.id === FAILED) as ConformanceReport['requirements'][number];
    Object.assign(req, { status: 'passed', verdict: 'passed', transports: { http: 'passed' }, failures: [] });
    Object.assign(r.summary, { passed: r.summary.passed + 1, failed: r.summary.failed - 1, mustFailed: r.summary.mustFailed - 1 });
  });
  const manifestFile = path.join(d, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const s = manifest.runs[0].verdict.summary;
  Object.assign(s, { passed: s.passed + 1, failed: s.failed - 1, mustFailed: s.mustFailed - 1 });
  manifest.runs[0].verdict.result = 'passed';
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  rewriteSums(d);
  assert.equal((await inProcess(['verify', d])).code, 0, 'consistent all the way up: checksums cannot tell');
  const keyed = await inProcess(['verify', d, '--key', publicKey]);
  assert.equal(keyed.code, 1);
  assert.match(keyed.stderr, /SHA256SUMS\.sig: does not match/);
});

test('verify: a known deviation the shipped baseline does not list, and a MUST turned SHOULD, are caught', async () => {
  const copy = copyOf(signed);
  fs.writeFileSync(path.join(copy, 'baseline.json'), '{}');
  const file = path.join(copy, 'conformance.json');
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ConformanceReport;
  Object.assign(report.requirements.find((r) => r.id === FAILED) as object, { level: 'SHOULD', verdict: 'warning' });
  Object.assign(report.summary, { mustFailed: report.summary.mustFailed - 1, shouldFailed: report.summary.shouldFailed + 1 });
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  rewriteSums(copy);
  const run = await inProcess(['verify', copy]);
  assert.equal(run.code, 1);
  assert.ok(run.stderr.includes(`${KNOWN} is a known deviation on http, but the bundle's baseline does not list it`), run.stderr);
  assert.ok(run.stderr.includes(`${FAILED} is at level SHOULD, but the requirement is MUST`), run.stderr);
});

test('verify: a bundle of another requirement set lists the requirement ids added, removed and changed since', async () => {
  const copy = copyOf(plain);
  const file = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const recorded = manifest.runs[0].catalogue;
  const [first, second] = Object.keys(recorded.requirements) as [string, string];
  delete recorded.requirements[first]; // not in the old set: added since
  recorded.requirements[second] = '0'.repeat(64); // changed since
  recorded.requirements['userapi.update.route.retired'] = '1'.repeat(64); // removed since
  recorded.sha256 = 'f'.repeat(64);
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
  rewriteSums(copy);
  const run = await inProcess(['verify', copy]);
  assert.equal(run.code, 1);
  assert.ok(run.stderr.includes(`added ${first}; removed userapi.update.route.retired; changed ${second}`), run.stderr);
});

test('verify: a missing folder or SHA256SUMS, or a manifest that is not JSON, is exit 2 with a clear message', async () => {
  const missing = await conform(['verify', path.join(work, 'no-such-bundle')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no-such-bundle does not exist \[CONFORM_ERR_BUNDLE_UNREADABLE\]/);
  const noSums = copyOf(plain);
  fs.rmSync(path.join(noSums, 'SHA256SUMS'));
  const a = await inProcess(['verify', noSums]);
  assert.equal(a.code, 2);
  assert.match(a.stderr, /has no SHA256SUMS: .*\[CONFORM_ERR_BUNDLE_UNREADABLE\]/);
  const badManifest = copyOf(plain);
  fs.writeFileSync(path.join(badManifest, 'manifest.json'), '{"format":');
  const b = await inProcess(['verify', badManifest]);
  assert.equal(b.code, 2);
  assert.match(b.stderr, /manifest\.json is not JSON .*\[CONFORM_ERR_BUNDLE_UNREADABLE\]/);
});

test('certify refuses, before running anything, an --out that is not empty and a --sign key that is not Ed25519', async () => {
  const notEmpty = await inProcess(['certify', '--mock', '--family', 'userapi', '--out', plain]);
  assert.equal(notEmpty.code, 2);
  assert.match(notEmpty.stderr, /is not empty .*\[CONFORM_ERR_BUNDLE_OUT\]/);
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  fs.writeFileSync(path.join(work, 'rsa.pem'), rsa);
  const out = path.join(work, 'never');
  const wrongKey = await inProcess(['certify', '--mock', '--family', 'userapi', '--out', out, '--sign', path.join(work, 'rsa.pem')]);
  assert.equal(wrongKey.code, 2);
  assert.match(wrongKey.stderr, /a rsa key, not Ed25519 .*\[CONFORM_ERR_KEY\]/);
  assert.ok(!fs.existsSync(out), 'nothing was run or written');
  const noKey = await inProcess(['certify', '--mock', '--family', 'userapi', '--out', out, '--sign', path.join(work, 'absent.pem')]);
  assert.equal(noKey.code, 2);
  assert.match(noKey.stderr, /cannot be read \(ENOENT\) \[CONFORM_ERR_KEY\]/);
});
