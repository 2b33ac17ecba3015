import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { Baseline, ConformanceReport } from '../reports/model.ts';
import { ToolError } from '../core/tool-error.ts';
import { schemaValidator } from '../core/validation.ts';
import { describeAjvError } from '../core/ajv-errors.ts';
import { parseJson } from '../core/json.ts';
import { readBaseline } from '../target/baseline.ts';
import { readCatalogue } from '../specs/catalogue.ts';
import { FAMILIES, type Family } from '../specs/families.ts';
import { catalogueChanges, identityOf } from '../specs/catalogue-identity.ts';
import { checkSums, SIGNATURE_FILE, SUMS_FILE } from './checksums.ts';
import { verifySignature } from './signature.ts';
import { bundleResult, MANIFEST_FILE, type BundleManifest, type BundleRun } from './manifest.ts';
import { recomputeVerdict, type VerdictResult } from './recompute-verdict.ts';

export interface Verification {
  /** Every way the bundle does not hold, one line each, naming the file. Empty: it holds. */
  problems: string[];
  /** What it certifies, recomputed: per run, and the bundle's. */
  runs: Array<{ dir: string; family: string; target: string; result: VerdictResult }>;
  result: VerdictResult | undefined;
  signed: boolean;
}

function unreadable(message: string): never {
  throw new ToolError('CONFORM_ERR_BUNDLE_UNREADABLE', message);
}

/** The bundle's folder, SHA256SUMS and manifest.json: without them there is nothing to check against (exit 2). */
function readEssentials(dir: string): { sums: Buffer; manifest: unknown } {
  if (!fs.existsSync(dir)) unreadable(`${dir} does not exist`);
  if (!fs.statSync(dir).isDirectory()) unreadable(`${dir} is not a folder (a bundle is the folder conform certify --out wrote)`);
  const read = (file: string) => {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) unreadable(`${dir} has no ${file}: it is not a bundle conform certify wrote, or not all of one`);
    try {
      return fs.readFileSync(full);
    } catch (error) {
      return unreadable(`${path.join(dir, file)} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  };
  const sums = read(SUMS_FILE);
  const parsed = parseJson(read(MANIFEST_FILE).toString('utf8'));
  if (!parsed.ok) unreadable(`${path.join(dir, MANIFEST_FILE)} is not JSON (${parsed.message})`);
  return { sums, manifest: parsed.value };
}

/** A run's report, or the problem of not having one (its absence is also a checksum problem, named there). */
function readReport(dir: string, run: BundleRun, problems: string[]): ConformanceReport | undefined {
  const rel = run.dir === '.' ? 'conformance.json' : `${run.dir}/conformance.json`;
  const full = path.join(dir, rel);
  if (!fs.existsSync(full)) {
    problems.push(`${rel}: missing, so the verdict of ${run.target.name} cannot be recomputed`);
    return undefined;
  }
  const parsed = parseJson(fs.readFileSync(full, 'utf8'));
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') {
    problems.push(`${rel}: not a JSON report (${parsed.ok ? 'not an object' : parsed.message})`);
    return undefined;
  }
  return parsed.value as ConformanceReport;
}

/**
 * The requirement set the run was measured against, against this conform's: the same content hash, or which
 * requirement ids were added, removed or changed since (and which documents changed). The report must list exactly
 * the recorded requirements, and at this conform's level where a requirement is unchanged (a MUST quietly turned
 * SHOULD would otherwise pass as a warning).
 */
function checkCatalogue(run: BundleRun, report: ConformanceReport | undefined, rel: string, problems: string[]): void {
  if (!(FAMILIES as readonly string[]).includes(run.family)) {
    problems.push(`${MANIFEST_FILE}: ${run.dir} is of the family ${JSON.stringify(run.family)}, which this conform does not have`);
    return;
  }
  const catalogue = readCatalogue(run.family as Family);
  const current = identityOf(catalogue);
  const recorded = run.catalogue;
  if (recorded.family !== run.family) problems.push(`${MANIFEST_FILE}: ${run.dir} is of ${run.family} but records the requirement set of ${recorded.family}`);
  if (recorded.sha256 !== current.sha256) {
    const { added, removed, changed } = catalogueChanges(recorded, current);
    const list = (ids: string[]) => (ids.length ? ids.join(', ') : 'none');
    problems.push(
      `catalogue: ${run.family} was certified against version ${recorded.version} (${recorded.sha256.slice(0, 12)}…), this conform carries version ${current.version} (${current.sha256.slice(0, 12)}…): ` +
        `added ${list(added)}; removed ${list(removed)}; changed ${list(changed)}${added.length + removed.length + changed.length === 0 ? ' (only outside the requirements: operations, notes or the version)' : ''}`,
    );
  } else if (recorded.version !== current.version) problems.push(`catalogue: ${run.family} has the same content but version ${recorded.version} in the bundle, ${current.version} here`);
  for (const [file, hash] of Object.entries(recorded.documents)) {
    const now = current.documents[file];
    if (now === undefined) problems.push(`catalogue: the document ${file} the ${run.family} set derived from is not one this conform's set derives from`);
    else if (now !== hash) problems.push(`catalogue: the document ${file} changed since (SHA-256 ${hash.slice(0, 12)}… in the bundle, ${now.slice(0, 12)}… here)`);
  }
  for (const file of Object.keys(current.documents)) if (!(file in recorded.documents)) problems.push(`catalogue: ${run.family} now also derives from ${file}, which the bundle does not record`);
  if (!report || !Array.isArray(report.requirements)) return;
  const ids = new Set(report.requirements.map((r) => r.id));
  const missing = Object.keys(recorded.requirements).filter((id) => !ids.has(id));
  const unknown = [...ids].filter((id) => !(id in recorded.requirements));
  if (missing.length > 0) problems.push(`${rel}: has no result for ${missing.join(', ')} of the recorded requirement set`);
  if (unknown.length > 0) problems.push(`${rel}: has results for ${unknown.join(', ')}, which the recorded requirement set does not have`);
  const levels = new Map(catalogue.requirements.filter((r) => current.requirements[r.id] === recorded.requirements[r.id]).map((r) => [r.id, r.level]));
  for (const r of report.requirements) {
    const level = levels.get(r.id);
    if (level && r.level !== level) problems.push(`${rel}: ${r.id} is at level ${r.level}, but the requirement is ${level}`);
  }
  if (report.api !== run.family) problems.push(`${rel}: is a report of ${report.api}, the manifest says ${run.family}`);
}

/** The manifest's account of a run against its report: the verdict, the counts and the transports it claims. */
function checkRun(dir: string, run: BundleRun, problems: string[]): { result: VerdictResult } | undefined {
  const rel = run.dir === '.' ? 'conformance.json' : `${run.dir}/conformance.json`;
  const report = readReport(dir, run, problems);
  checkCatalogue(run, report, rel, problems);
  if (!report) return undefined;
  let baseline: Baseline | undefined;
  if (run.baseline) {
    try {
      baseline = readBaseline(path.join(dir, run.baseline.file));
    } catch (error) {
      problems.push(`${run.baseline.file}: the run's baseline cannot be read (${(error as Error).message})`);
    }
  }
  const recomputed = recomputeVerdict(report, baseline, rel);
  problems.push(...recomputed.problems);
  if (run.verdict.result !== recomputed.result) problems.push(`${MANIFEST_FILE}: ${run.dir} claims the verdict ${run.verdict.result}, but the per-requirement results give ${recomputed.result}`);
  const wrong = (Object.keys(recomputed.summary) as Array<keyof typeof recomputed.summary>).filter((k) => run.verdict.summary[k] !== recomputed.summary[k]);
  if (wrong.length > 0) problems.push(`${MANIFEST_FILE}: ${run.dir} claims ${wrong.map((k) => `${k} ${run.verdict.summary[k]}`).join(', ')}, but the per-requirement results give ${wrong.map((k) => `${k} ${recomputed.summary[k]}`).join(', ')}`);
  const tested = [...(report.transportsTested ?? [])].sort().join(',');
  if ([...run.transports].sort().join(',') !== tested) problems.push(`${MANIFEST_FILE}: ${run.dir} claims the transports ${run.transports.join(', ')}, its report ${tested || 'none'}`);
  return { result: recomputed.result };
}

/**
 * conform verify: every check a customer needs before believing a bundle. The checksums first (each file that
 * changed, is missing or extra), the signature with a key, the manifest's shape, then per run the requirement set
 * against this conform's and the verdict recomputed from the per-requirement results. Throws CONFORM_ERR_BUNDLE_UNREADABLE
 * (exit 2) only when there is nothing to check against; everything else is a problem in the list.
 */
export function verifyBundle(dir: string, key: KeyObject | undefined): Verification {
  const { sums, manifest } = readEssentials(dir);
  const problems = checkSums(dir, sums.toString('utf8')).map((p) => p.message);
  const sigFile = path.join(dir, SIGNATURE_FILE);
  const signed = fs.existsSync(sigFile);
  if (key) {
    if (!signed) problems.push(`${SIGNATURE_FILE}: missing: the bundle is not signed, and --key asks for a signature`);
    else if (!verifySignature(sums, fs.readFileSync(sigFile), key)) problems.push(`${SIGNATURE_FILE}: does not match: ${SUMS_FILE} was not signed by this key, or changed after it was signed`);
  }
  const validate = schemaValidator('bundle-manifest.schema.json');
  if (!validate(manifest)) {
    for (const e of validate.errors ?? []) problems.push(`${MANIFEST_FILE}: ${describeAjvError(e, 'words')}`);
    return { problems, runs: [], result: undefined, signed };
  }
  const m = manifest as BundleManifest;
  const runs: Verification['runs'] = [];
  for (const run of m.runs) {
    const checked = checkRun(dir, run, problems);
    if (checked) runs.push({ dir: run.dir, family: run.family, target: run.target.name, result: checked.result });
  }
  const result = runs.length === m.runs.length ? bundleResult(runs.map((r) => ({ verdict: { result: r.result } }))) : undefined;
  return { problems, runs, result, signed };
}
