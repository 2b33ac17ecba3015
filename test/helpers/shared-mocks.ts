import { startMockProcess, type MockProcess } from './mock-process.ts';

/** A `conform mock --store redis://…` child process (bin/conform.mjs: `npm run build` first), its URLs and seeded credentials. */
export interface SharedMock {
  process: MockProcess;
  /** "<family> <transport>" → URL, from the banner. */
  urls: Record<string, string>;
  /** family → the credentials its banner line gives. */
  credentials: Record<string, any>;
  stop(): Promise<void>;
}

export async function startSharedMock(storeUrl: string, args: string[] = []): Promise<SharedMock> {
  const child = startMockProcess(['--store', storeUrl, ...args]);
  const urls = await child.ready;
  const credentials: Record<string, any> = {};
  for (const m of child.output().matchAll(/^ {2}(\S+)\s+credentials (\{.*\})$/gm)) credentials[m[1]!] = JSON.parse(m[2]!);
  return {
    process: child,
    urls,
    credentials,
    stop: async () => {
      if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGTERM');
      await child.exited;
    },
  };
}

export function portOf(url: string): number {
  return Number(new URL(url).port);
}
