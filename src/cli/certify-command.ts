import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { ConformanceReport } from '../reports/model.ts';
import { processRedactor } from '../core/redact.ts';
import { readDataFile } from '../specs/data-file.ts';
import { catalogueIdentity, sha256 } from '../specs/catalogue-identity.ts';
import { TRANSCRIPTS_DIR } from '../target/run-plan.ts';
import { listFiles, SIGNATURE_FILE, SUMS_FILE, writeSums } from '../certify/checksums.ts';
import { readPrivateKey, sign } from '../certify/signature.ts';
import { BUNDLE_FORMAT, bundleResult, MANIFEST_FILE, platform, runOf, type BundleManifest, type BundleRun } from '../certify/manifest.ts';
import { renderBundleReadme } from '../certify/bundle-readme.ts';
import { redactedCommand } from '../certify/command-line.ts';
import { reportDirs, runTest, type TestFlags } from './test-command.ts';
import { packageVersion } from './exit-codes.ts';
import { ToolError } from './errors.ts';
import type { Output } from './specs-command.ts';

export interface CertifyFlags extends Omit<TestFlags, 'reportDir' | 'shard' | 'transcripts'> {
  out: string;
  sign?: string;
}

/** What Playwright leaves beside the reports that a certificate does not need: its output folder, the breaker files. */
const LEFT_BEHIND = ['test-results', '.conform-breaker', '.conform-breaker.tripped'];

/** --out must be new or empty: SHA256SUMS covers every file in the folder, so a stray file would be certified too. */
function prepareOut(out: string): void {
  try {
    if (fs.existsSync(out)) {
      if (!fs.statSync(out).isDirectory()) throw new ToolError('CONFORM_ERR_BUNDLE_OUT', `--out ${out} is a file, not a folder`);
      const entries = fs.readdirSync(out);
      if (entries.length > 0) throw new ToolError('CONFORM_ERR_BUNDLE_OUT', `--out ${out} is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, e.g. ${entries[0]}): a bundle's ${SUMS_FILE} covers every file in its folder; give a new or empty folder`);
    }
    fs.mkdirSync(out, { recursive: true });
    fs.accessSync(out, fs.constants.W_OK);
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError('CONFORM_ERR_BUNDLE_OUT', `--out ${out} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** The baseline, copied into the bundle (its hash in the manifest), and its profile's name when it is a profile. */
function shipBaseline(file: string | undefined, out: string): { baseline: BundleRun['baseline']; profile: string | null } {
  if (!file) return { baseline: null, profile: null };
  const name = `baseline${path.extname(file).toLowerCase() || '.json'}`;
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(path.join(out, name), bytes);
  const data = readDataFile(file) as { name?: unknown; deviations?: unknown };
  return { baseline: { file: name, sha256: sha256(bytes) }, profile: Array.isArray(data.deviations) && typeof data.name === 'string' ? data.name : null };
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * `conform certify --out <dir>`: `conform test` (the same targets, flags and exit code) with the reports, every
 * transcript, a manifest, a README and SHA256SUMS (signed with --sign) in one folder that anyone can check with
 * `conform verify`, without trusting whoever hands it over.
 */
export async function runCertify(flags: CertifyFlags, io: Output, argv: readonly string[]): Promise<number> {
  const out = path.resolve(flags.out);
  // The key first: a run of minutes that then cannot be signed helps nobody.
  const key: KeyObject | undefined = flags.sign ? readPrivateKey(flags.sign) : undefined;
  prepareOut(out);
  const started = new Date();
  const { out: _out, sign: _sign, ...rest } = flags;
  const testFlags: TestFlags = { ...rest, reportDir: out, transcripts: true };
  const exitCode = await runTest(testFlags, io);
  const durationMs = Date.now() - started.getTime();

  const { baseline, profile } = shipBaseline(flags.baseline, out);
  const runs: BundleRun[] = [];
  for (const dir of reportDirs(testFlags)) {
    const file = path.join(dir, 'conformance.json');
    if (!fs.existsSync(file)) throw new ToolError('CONFORM_ERR_RUN', `the run wrote no ${file}: there is nothing to certify`);
    for (const left of LEFT_BEHIND) fs.rmSync(path.join(dir, left), { recursive: true, force: true });
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ConformanceReport;
    const run = runOf(toPosix(path.relative(out, dir)) || '.', report, catalogueIdentity(report.api), baseline, profile);
    // The names and URLs a target chose go through the redactor; the hashes must not (a short hex password would
    // turn a hash into "[redacted]"), so the manifest is redacted field by field, not as text.
    run.target = processRedactor.value(run.target);
    runs.push(run);
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    tool: { name: 'conform', version: packageVersion() },
    command: redactedCommand(['conform', 'certify'], argv, processRedactor),
    startedAt: started.toISOString(),
    durationMs,
    platform: platform(),
    exitCode,
    runs,
  };
  fs.writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'README.md'), processRedactor.text(renderBundleReadme(manifest, key !== undefined)));
  const sums = writeSums(out);
  if (key) fs.writeFileSync(path.join(out, SIGNATURE_FILE), sign(Buffer.from(sums), key));

  const files = listFiles(out).files;
  const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(out, f)).size, 0);
  const transcripts = files.filter((f) => f.split('/').includes(TRANSCRIPTS_DIR)).length;
  io.out(`conform: bundle ${flags.out}: ${bundleResult(runs)}; ${files.length} files (${transcripts} transcripts), ${(bytes / 1024).toFixed(0)} KiB${key ? ', signed' : ''}; check it with: conform verify ${flags.out}${key ? ' --key <public key>' : ''}`);
  return exitCode;
}
