import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Child<T> {
  process: ChildProcess;
  ready: T;
  /** Milliseconds from spawn to the ready line. */
  startMs: number;
  /** Peak resident memory so far, in MB (VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Runs a TypeScript file in its own Node process and waits for the JSON line it prints when ready. */
export function startChild<T>(script: string, args: string[] = [], timeoutMs = 20_000): Promise<Child<T>> {
  return startProcess(['--import', 'tsx', path.join(BENCH_DIR, script), ...args], (out) => {
    const line = out.split('\n').find((l) => l.trim().startsWith('{'));
    return line ? (JSON.parse(line) as T) : undefined;
  }, timeoutMs);
}

/** Runs Node with these arguments and waits until `ready` finds what it needs in the standard output so far. */
export async function startProcess<T>(args: string[], ready: (stdout: string) => T | undefined, timeoutMs = 20_000): Promise<Child<T>> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const value = await new Promise<T>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} was not ready within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const found = ready(buffer);
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`)));
  });
  const startMs = performance.now() - started;
  return {
    process: child,
    ready: value,
    startMs,
    peakRssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 102.4) / 10;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
