import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../../src/specs/paths.ts';

/** `conform mock` in a child process, as a user starts it (bin/conform.mjs), on ephemeral ports of 127.0.0.1. */
export interface MockProcess {
  child: ChildProcess;
  /** Resolves with the listener URLs once the banner says ready; rejects with the output if the process ends first. */
  ready: Promise<Record<string, string>>;
  /** What it printed on stdout so far (the banner, once ready). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function startMockProcess(args: string[]): MockProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), 'mock', '--host', '127.0.0.1', '--ephemeral', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const ready = new Promise<Record<string, string>>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += d;
      if (!stdout.includes('stop with Ctrl-C')) return;
      // "  <family> <transport> <url>" lines of the banner.
      const urls: Record<string, string> = {};
      for (const m of stdout.matchAll(/^ {2}(\S+)\s+(http|ws|mqtt)\s+(\S+)$/gm)) urls[`${m[1]} ${m[2]}`] = m[3]!;
      resolve(urls);
    });
    child.stderr!.on('data', (d) => (stderr += d));
    void exited.then((end) => reject(new Error(`conform mock ended before ready (code ${end.code}, signal ${end.signal}):\n${end.stdout}\n${end.stderr}`)));
  });
  ready.catch(() => undefined);
  return { child, ready, exited, output: () => stdout };
}
