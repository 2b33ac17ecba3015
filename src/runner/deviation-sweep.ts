import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Family } from '../specs/families.ts';
import { ephemeralPorts, resolveMockConfig } from '../config/mock-config.ts';
import { allDeviations } from '../server/family-modules.ts';
import { startMock } from '../server/mock-server.ts';
import { readTarget } from '../target/target.ts';
import { escapeRegExp } from '../core/regex.ts';
import { runSuites } from './run-suites.ts';

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
 * Proves the suite catches each deliberate deviation: the mock with one deviation switched on, the tests of that
 * requirement run against it, and the report must show the requirement failed. `concurrency` runs that many at once.
 */
export async function sweepDeviations(family: Family, ids: string[], options: { concurrency?: number; workDir?: string } = {}): Promise<SweepRow[]> {
  const workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `conform-sweep-${family}-`));
  const known = new Set(allDeviations().keys());
  const rows: SweepRow[] = [];
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const dir = path.join(workDir, id);
      const mock = await startMock(resolveMockConfig({ flags: { families: [family], ports: ephemeralPorts(), deviate: [id], targetsDir: dir } }, known));
      try {
        const targetFile = path.join(dir, `${family}.json`);
        const report = await runSuites({ targetFile, target: readTarget(targetFile), transports: ['http', 'ws', 'mqtt'], reportDir: path.join(dir, 'report'), grep: tagPattern(id), stdio: 'ignore' });
        const detectedBy = report.requirements.filter((r) => r.status === 'failed').map((r) => r.id);
        rows.push({ deviation: id, detectedBy, detected: detectedBy.includes(id) });
      } finally {
        await mock.stop();
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  return rows.sort((a, b) => a.deviation.localeCompare(b.deviation));
}
