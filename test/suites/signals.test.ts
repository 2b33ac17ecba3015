// SIGINT and SIGTERM to a real `conform test --mock` run: it exits 130/143, writes the report of what completed, and
// leaves no process behind (every process of the run carries a unique environment variable; /proc is scanned for it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT } from '../../src/specs/paths.ts';

/** The pids whose environment holds marker (this test's own process excluded). */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, 'latin1').includes(marker)) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

for (const [signal, expected] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`${signal} stops the run and every process of it, writes the report of what completed, exits ${expected}`, async () => {
    const marker = `CONFORM_SIGNAL_TEST=${process.pid}-${signal}-${Date.now()}`;
    const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-signal-'));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), 'test', '--mock', '--family', 'kuzzle', '--report-dir', reportDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, [marker.split('=')[0] as string]: marker.split('=')[1] },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Completed tests: the live reporter prints "[ n/total]" as each ends (several workers start tests at once, so a
    // started test says nothing about a finished one).
    const finished = () => /\[\s*2\/\d+\]/.test(output);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !finished()) await new Promise((r) => setTimeout(r, 100));
    assert.ok(finished(), `no two tests finished within 60 s: ${output.slice(-2000)}`);
    const sent = Date.now();
    child.kill(signal);
    const code = await exited;
    const exitedAfter = Date.now() - sent;
    let remaining = processesWith(marker);
    while (remaining.length > 0 && Date.now() - sent < 20_000) {
      await new Promise((r) => setTimeout(r, 100));
      remaining = processesWith(marker);
    }
    const goneAfter = Date.now() - sent;
    console.log(`# ${signal}: conform exited ${code} after ${exitedAfter} ms; last process of the run gone after ${goneAfter} ms`);
    assert.deepEqual(remaining, [], `processes of the run remain: ${remaining.join(', ')}`);
    assert.equal(code, expected, output.slice(-2000));
    const file = path.join(reportDir, 'kuzzle', 'conformance.json');
    assert.ok(fs.existsSync(file), 'conformance.json is written');
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(report.stopped?.code, signal);
    assert.ok(report.summary.passed + report.summary.failed > 0, 'the tests that completed are in the report');
    assert.ok(report.summary.notTested > 0, 'the tests that did not run are not tested');
  });
}
