import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Family, Transport } from '../specs/families.ts';
import type { ConformanceReport } from '../reports/model.ts';
import { ephemeralPorts, resolveMockConfig } from '../config/mock-config.ts';
import { allDeviations } from '../server/family-modules.ts';
import { startMock } from '../server/mock-server.ts';
import { readTarget } from '../target/target.ts';
import { runTargets } from './run-suites.ts';
import { escapeRegExp } from '../core/regex.ts';
import type { GenerateSettings } from '../target/run-plan.ts';

export interface SweepRow {
  deviation: string;
  /** The requirement ids the suite failed against the mock with this deviation switched on. */
  detectedBy: string[];
  detected: boolean;
}

/** A grep pattern for the tests that carry this id as a tag. */
export function tagPattern(id: string): string {
  return `@${escapeRegExp(id)}(\\s|$)`;
}

/**
 * Proves the suite catches each deliberate deviation: a mock per deviation, with it switched on, and one Playwright
 * run over them all, a project per mock running the tests of that requirement; each report must show the
 * requirement failed. `concurrency` is the run's number of workers; `tests` the grep of the tests run per deviation
 * (default: the deviation's own requirement's; the generative phase's table runs only the generated tests).
 */
export async function sweepDeviations(family: Family, ids: string[], options: { concurrency?: number; workDir?: string; tests?: (id: string) => string; generate?: GenerateSettings } = {}): Promise<SweepRow[]> {
  const workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `conform-sweep-${family}-`));
  const known = new Set(allDeviations().keys());
  const mocks = await Promise.all(
    ids.map((id) => startMock(resolveMockConfig({ flags: { families: [family], ports: ephemeralPorts(), deviate: [id], targetsDir: path.join(workDir, id) } }, known))),
  );
  try {
    const runs = ids.map((id) => ({ target: readTarget(path.join(workDir, id, `${family}.json`)), transports: ['http', 'ws', 'mqtt'] as Transport[], reportDir: path.join(workDir, id, 'report'), project: id, only: (options.tests ?? tagPattern)(id) }));
    const reports = await runTargets(runs, { stdio: 'ignore', workers: options.concurrency ?? 2, ...(options.generate ? { generate: options.generate } : {}) }, workDir);
    const rows = ids.map((deviation, i) => {
      const detectedBy = (reports[i] as ConformanceReport).requirements.filter((r) => r.status === 'failed').map((r) => r.id);
      return { deviation, detectedBy, detected: detectedBy.includes(deviation) };
    });
    return rows.sort((a, b) => a.deviation.localeCompare(b.deviation));
  } finally {
    await Promise.all(mocks.map((m) => m.stop()));
  }
}
