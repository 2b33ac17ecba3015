import { startMockProcess, type MockProcess } from './mock-process.ts';
import { startRedis, type RedisServer } from './redis-server.ts';

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

/** A redis-server of its own and two mock processes on it (A and B); stop() ends all three, whatever started. */
export interface SharedPair {
  redis: RedisServer;
  a: SharedMock;
  b: SharedMock;
  stop(): Promise<void>;
}

export async function startSharedPair(args: string[] = []): Promise<SharedPair> {
  const redis = await startRedis();
  const started = await Promise.allSettled([startSharedMock(redis.url, args), startSharedMock(redis.url, args)]);
  const stop = async () => {
    await Promise.allSettled(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    await redis.stop();
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stop();
    throw (failed as PromiseRejectedResult).reason;
  }
  const [a, b] = started.map((s) => (s as PromiseFulfilledResult<SharedMock>).value) as [SharedMock, SharedMock];
  return { redis, a, b, stop };
}
