import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Table from 'cli-table3';
import { FAMILIES, TRANSPORTS, type Family, type Transport } from '../specs/families.ts';
import type { ConformanceReport } from '../reports/model.ts';
import { exitCodeOf } from '../reports/model.ts';
import { readTarget } from '../runner/target.ts';
import { readBaseline } from '../runner/baseline.ts';
import { unreachableEndpoints } from '../runner/reachability.ts';
import { runSuites } from '../runner/run-suites.ts';
import { ToolError } from './errors.ts';
import type { Output } from './specs-command.ts';

export interface TestFlags {
  target?: string;
  mock?: boolean;
  family?: string[];
  transport?: string[];
  reportDir?: string;
  baseline?: string;
  grep?: string;
  workers?: number;
  shard?: string;
  timeout?: number;
}

function transportsOf(flags: TestFlags): Transport[] {
  const wanted = flags.transport ?? [...TRANSPORTS];
  const unknown = wanted.filter((t) => !(TRANSPORTS as readonly string[]).includes(t));
  if (unknown.length > 0) throw new ToolError('CONFORM_ERR_USAGE', `unknown transport ${unknown.map((u) => `"${u}"`).join(', ')}: expected one of ${TRANSPORTS.join(', ')}`);
  return wanted as Transport[];
}

/** One line per family: the counts, and where the page is. */
export function renderSummary(reports: Array<{ report: ConformanceReport; dir: string }>): string {
  const table = new Table({ head: ['target', 'api', 'passed', 'failed MUST', 'failed SHOULD/MAY', 'known', 'skipped', 'not tested', 'transports'], style: { head: [], border: [] } });
  for (const { report } of reports) {
    const s = report.summary;
    table.push([report.target.name, report.api, s.passed, s.mustFailed, s.shouldFailed, s.knownDeviations, s.skipped, s.notTested, report.transportsTested.join(',')]);
  }
  const failed = reports.flatMap(({ report }) => report.requirements.filter((r) => r.status === 'failed').map((r) => `  ${r.level.padEnd(6)} ${r.id} [${Object.entries(r.transports).filter(([, st]) => st === 'failed').map(([t]) => t).join(',')}]: ${(r.failures[0]?.message ?? '').split('\n')[0]?.slice(0, 140)}`));
  const pages = reports.map(({ dir }) => `  ${path.join(dir, 'conformance.html')}`);
  return [table.toString(), ...(failed.length ? ['failed requirements:', ...failed] : []), 'reports:', ...pages].join('\n');
}

async function certify(flags: TestFlags, targetFile: string, reportDir: string, io: Output, quiet = false): Promise<{ report: ConformanceReport; unreachable: string[] }> {
  const target = readTarget(targetFile);
  const transports = transportsOf(flags);
  if (flags.baseline) readBaseline(flags.baseline);
  const unreachable = await unreachableEndpoints(target, transports);
  for (const u of unreachable) io.err(`conform: ${u.transport} endpoint ${u.url} is unreachable (${u.problem}); its tests will fail`);
  const report = await runSuites({ targetFile, target, transports, reportDir, baseline: flags.baseline, grep: flags.grep, workers: flags.workers, shard: flags.shard, timeoutMs: flags.timeout, stdio: quiet ? 'ignore' : 'inherit' });
  return { report, unreachable: unreachable.map((u) => u.url) };
}

/**
 * `conform test --target <file>`: exit 0 when no MUST requirement failed (baseline entries excepted), 1 when one
 * did, 2 for usage, configuration or connection errors. The reports are written in every case.
 */
export async function runTest(flags: TestFlags, io: Output): Promise<number> {
  if (flags.mock) return runAgainstMock(flags, io);
  if (!flags.target) throw new ToolError('CONFORM_ERR_USAGE', 'give a target file (--target <file>) or --mock for the built-in mock');
  const reportDir = flags.reportDir ?? 'reports';
  const { report, unreachable } = await certify(flags, flags.target, reportDir, io);
  io.out(renderSummary([{ report, dir: reportDir }]));
  if (unreachable.length > 0) {
    io.err(`conform: unreachable: ${unreachable.join(', ')} [CONFORM_ERR_UNREACHABLE]`);
    return 2;
  }
  return exitCodeOf(report);
}

/** The main job on the embedded default: the built-in mock on free ports, every family and transport certified. */
async function runAgainstMock(flags: TestFlags, io: Output): Promise<number> {
  const { resolveMockConfig } = await import('../config/mock-config.ts');
  const { allDeviations } = await import('../server/family-modules.ts');
  const { startMock } = await import('../server/mock-server.ts');
  const families = (flags.family ?? [...FAMILIES]) as Family[];
  const targetsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-targets-'));
  const zero = { http: 0, mqtt: 0 };
  const mock = await startMock(resolveMockConfig({ flags: { families, ports: { kuzzle: zero, devicehive: zero, userapi: { http: 0 } }, targetsDir } }, new Set(allDeviations().keys())));
  io.out(`conform: the built-in mock is serving ${families.join(', ')} on ${mock.listeners.map((l) => l.url).join(', ')}`);
  const results: Array<{ report: ConformanceReport; dir: string }> = [];
  try {
    for (const family of families) {
      const dir = path.join(flags.reportDir ?? 'reports', family);
      io.out(`conform: certifying ${family}…`);
      const { report } = await certify(flags, path.join(targetsDir, `${family}.json`), dir, io, true);
      results.push({ report, dir });
    }
  } finally {
    await mock.stop();
  }
  io.out(renderSummary(results));
  return results.some(({ report }) => exitCodeOf(report) !== 0) ? 1 : 0;
}
