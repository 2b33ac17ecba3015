/**
 * Start-up time and memory of `conform mock --generate users=<n>` for one family, as a user runs it (bin/conform.mjs,
 * the build in dist/: run `npm run build` first). Time: from spawn to the "conform mock is ready" line; memory: the
 * process's peak resident set (VmHWM, Linux /proc), read once it is ready. Each run is bounded by a time-out.
 *
 *   node --import tsx bench/generate-startup.ts [family] [count...]
 *   node --import tsx bench/generate-startup.ts devicehive 0 1000 100000
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TIME_OUT_MS = 600_000;

interface Startup {
  count: number;
  readyMs: number;
  peakRssMb: number;
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

function measure(family: string, count: number): Promise<Startup> {
  const args = [path.join(ROOT, 'bin', 'conform.mjs'), 'mock', '--ephemeral', '--family', family];
  if (count > 0) args.push('--generate', `users=${count}`);
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${family} users=${count}: not ready within ${TIME_OUT_MS} ms`));
    }, TIME_OUT_MS);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!stdout.includes('conform mock is ready')) return;
      const readyMs = Math.round(performance.now() - started);
      const rss = peakRssMb(child.pid as number);
      clearTimeout(timer);
      child.kill('SIGTERM');
      child.once('exit', () => resolve({ count, readyMs, peakRssMb: rss }));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!stdout.includes('conform mock is ready')) reject(new Error(`${family} users=${count}: exited ${code}: ${stderr.slice(0, 500)}`));
    });
  });
}

const [family = 'devicehive', ...counts] = process.argv.slice(2);
for (const count of counts.length > 0 ? counts.map(Number) : [0, 100_000]) {
  const { readyMs, peakRssMb: rss } = await measure(family, count);
  console.log(`${family} --generate users=${count}: ready in ${readyMs} ms, peak RSS ${rss} MB`);
}
