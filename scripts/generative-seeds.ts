/**
 * The generative phase against the mock over several seeds (issue 12's proof): for each profile, a mock with it, and
 * for each seed one `conform test` of the generated tests only, with the profile's shipped baseline (a real server's
 * known deviations do not count). Prints one line per run and exits 1 if any run had a failure.
 *
 *   tsx scripts/generative-seeds.ts [--seeds 1..10] [--cases 5] [--profiles documented,<profile>,…]
 *                                   [--families <family>,…] [--timeout 300]
 *
 * Default profiles: documented and every real-server profile of specs/profiles/.
 *
 * "documented" runs every family (or those of --families); another profile runs its own family. Needs `npm run build` (bin/conform.mjs).
 * Every run is a child process killed after --timeout seconds, so the loop is bounded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ephemeralPorts, resolveMockConfig } from '../src/config/mock-config.ts';
import { allDeviations } from '../src/server/family-modules.ts';
import { startMock } from '../src/server/mock-server.ts';
import { FAMILIES, type Family } from '../src/specs/families.ts';
import { readProfile } from '../src/specs/profiles.ts';
import { ROOT } from '../src/specs/paths.ts';
import type { ConformanceReport } from '../src/reports/model.ts';
/** The generated tests' names: "<id> [<transport>] generated: …" (suites/generative/declare.ts). */
const GENERATED_TESTS = '\\] generated: ';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : (args[at + 1] ?? fallback);
};
/** "1..10" or "3,7,9": at most 100 seeds (bounded). */
function seedsOf(text: string): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text);
  const seeds = range ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i) : text.split(',').map(Number);
  if (seeds.length === 0 || seeds.length > 100 || seeds.some((s) => !Number.isInteger(s) || s < 0)) {
    console.error(`generative-seeds: --seeds takes "a..b" or a list of at most 100 non-negative integers, not ${JSON.stringify(text)} [CONFORM_ERR_USAGE]`);
    process.exit(2);
  }
  return seeds;
}
const seeds = seedsOf(option('--seeds', '1..10'));
const cases = Number(option('--cases', '5'));
const timeoutMs = Number(option('--timeout', '300')) * 1000;
const shipped = fs.readdirSync(path.join(ROOT, 'specs', 'profiles')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
const profiles = option('--profiles', ['documented', ...shipped].join(',')).split(',');
const only = args.includes('--families') ? option('--families', '').split(',') : undefined;

interface Run {
  code: number | null;
  timedOut: boolean;
  stderr: string;
}

/** One `conform test` child, killed after timeoutMs. */
function conform(argv: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + String(d)).slice(-2000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stderr });
    });
  });
}

const known = new Set(allDeviations().keys());
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-seeds-'));
let bad = 0;
const started = performance.now();
for (const profile of profiles) {
  const families: Family[] = (profile === 'documented' ? [...FAMILIES] : [readProfile(`${profile}.yaml`).family as Family]).filter((f) => !only || only.includes(f));
  if (families.length === 0) continue;
  const targetsDir = path.join(work, profile, 'targets');
  const mock = await startMock(resolveMockConfig({ flags: { families, ports: ephemeralPorts(), profiles: Object.fromEntries(families.map((f) => [f, profile])), targetsDir } }, known));
  try {
    for (const family of families) {
      const baseline = path.join(ROOT, 'suites', 'baselines', `${profile}.json`);
      for (const seed of seeds) {
        const reportDir = path.join(work, profile, family, String(seed));
        const t0 = performance.now();
        const run = await conform([
          'test', '--target', path.join(targetsDir, `${family}.json`), '--grep', GENERATED_TESTS, '--generate', String(cases), '--generate-seed', String(seed),
          '--report-dir', reportDir, '--quiet', ...(profile !== 'documented' && fs.existsSync(baseline) ? ['--baseline', baseline] : []),
        ]);
        const file = path.join(reportDir, 'conformance.json');
        const report = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ConformanceReport) : undefined;
        const failed = report?.requirements.filter((r) => r.status === 'failed').map((r) => r.id) ?? [];
        const ok = run.code === 0 && !run.timedOut && failed.length === 0 && report !== undefined;
        if (!ok) bad += 1;
        const s = report?.summary;
        console.log(`${ok ? 'ok  ' : 'FAIL'} ${profile} ${family} seed ${seed}: exit ${run.code}${run.timedOut ? ' (timed out)' : ''}, ${s ? `${s.passed} passed, ${s.failed} failed, ${s.knownDeviations} known` : 'no report'}, ${((performance.now() - t0) / 1000).toFixed(1)} s${failed.length ? ` — ${failed.join(', ')}` : ''}${!ok && !report ? `\n  ${run.stderr.trim().split('\n').slice(-3).join('\n  ')}` : ''}`);
        if (!ok && report) for (const r of report.requirements.filter((x) => x.status === 'failed')) console.log(`    ${r.id}: ${(r.failures[0]?.message ?? '').split('\n').slice(0, 3).join(' | ')}`);
      }
    }
  } finally {
    await mock.stop();
  }
}
console.log(`${bad === 0 ? 'every run passed' : `${bad} run(s) failed`} (${((performance.now() - started) / 1000).toFixed(0)} s; reports in ${work})`);
process.exit(bad === 0 ? 0 : 1);
