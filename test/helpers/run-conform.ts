import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT } from '../../src/specs/paths.ts';
import type { ConformanceReport } from '../../src/reports/model.ts';

export interface ConformRun {
  code: number | null;
  stdout: string;
  stderr: string;
  reportDir: string;
  report?: ConformanceReport;
}

/** Runs the conform CLI as a user would, in a child process, and reads the report it wrote. */
export async function runConform(args: string[], reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-report-'))): Promise<ConformRun> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), ...args, '--report-dir', reportDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const file = path.join(reportDir, 'conformance.json');
  const report = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ConformanceReport) : undefined;
  return { code, stdout, stderr, reportDir, report };
}

export function writeTarget(target: object): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conform-target-')), 'target.json');
  fs.writeFileSync(file, JSON.stringify(target));
  return file;
}
