import cluster, { type Worker } from 'node:cluster';
import type { MockConfig } from '../config/mock-config.ts';
import { isRedisStore } from '../config/store-url.ts';
import { ToolError } from '../core/tool-error.ts';
import { pingStore } from '../server/mqtt-shared.ts';
import { redactUrl } from '../store/redis-connection.ts';
import { startMock } from '../server/mock-server.ts';
import type { Output } from './specs-command.ts';

/** A worker that dies after it served is replaced, at most this many times per RESTART_WINDOW_MS: a crash loop ends the mock. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
/** How long the primary waits for the workers to stop after SIGINT/SIGTERM before it kills them. */
const STOP_GRACE_MS = 10_000;

/** Primary → worker: the configuration, resolved once (the same JWT secret everywhere, so any worker accepts any token). */
interface StartMessage {
  type: 'conform:start';
  config: MockConfig;
}
/** Worker → primary: listening, with the lines of the banner it would print alone. */
interface ReadyMessage {
  type: 'conform:ready';
  banner: string[];
  urls: string[];
}

/** --workers N on the memory store is refused: N processes would each hold a state of their own, and diverge. */
export function checkWorkers(config: MockConfig): void {
  const workers = config.workers ?? 1;
  if (workers <= 1) return;
  if (!isRedisStore(config.store)) {
    throw new ToolError(
      'CONFORM_ERR_CONFIG',
      `--workers ${workers} needs a shared store: on the memory store each process would hold its own state (users, tokens, versions) and the ${workers} processes would answer differently; add --store redis://host:6379/0, or run one worker`,
    );
  }
  if (config.state) {
    throw new ToolError('CONFORM_ERR_CONFIG', `--state cannot be used with --workers ${workers}: ${workers} processes would overwrite one file with their own states; the Redis store already keeps the state across restarts`);
  }
}

export function isWorkerProcess(): boolean {
  return cluster.isWorker;
}

/** A worker: waits for the primary's configuration, listens (sharing the primary's sockets), says ready, serves until told to stop. */
export async function runWorker(): Promise<number> {
  try {
    return await serveAsWorker();
  } finally {
    // The IPC channel keeps a worker alive: without this a worker that failed to start would never exit.
    if (process.connected) process.disconnect();
  }
}

async function serveAsWorker(): Promise<number> {
  const config = await new Promise<MockConfig>((resolve) => {
    const onMessage = (message: StartMessage) => {
      if (message?.type !== 'conform:start') return;
      process.off('message', onMessage);
      resolve(message.config);
    };
    process.on('message', onMessage);
    // Asked for, not pushed on 'online': a message sent before this listener exists would be lost.
    process.send!({ type: 'conform:hello' });
  });
  const mock = await startMock(config);
  // Imported here: mock-command imports this module for the primary's side.
  const { bannerLines } = await import('./mock-command.ts');
  const lines = await bannerLines(mock);
  process.send!({ type: 'conform:ready', banner: lines, urls: mock.listeners.map((l) => l.url) } satisfies ReadyMessage);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    // The primary is gone (killed with SIGKILL): a worker never outlives it.
    process.once('disconnect', resolve);
  });
  await mock.stop();
  return 0;
}

/**
 * The primary of `--workers N`: forks N workers that listen on the configured ports (node:cluster shares each socket
 * and hands the connections out in turn), prints the banner once when all are ready, replaces a worker that dies
 * after it served (bounded), forwards SIGINT/SIGTERM and returns when every worker has exited.
 */
export async function runPrimary(config: MockConfig, io: Output): Promise<number> {
  const count = config.workers ?? 1;
  await pingStore(config.store!);
  const live = new Set<Worker>();
  const ready = new Set<Worker>();
  const restarts: number[] = [];
  let stopping = false;
  let exitCode = 0;
  let announced = false;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));

  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of live) worker.process.kill(signal);
    // A worker that does not stop in time is killed: the primary's exit is bounded.
    setTimeout(() => {
      for (const worker of live) worker.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
    if (live.size === 0) done();
  };

  const fork = (index: number) => {
    const worker = cluster.fork({ CONFORM_WORKER_INDEX: String(index) });
    live.add(worker);
    // Target files are written by one worker: N writers of the same files would race.
    const own: MockConfig = index === 0 ? config : { ...config, targetsDir: undefined };
    worker.on('message', (message: ReadyMessage | { type: 'conform:hello' }) => {
      if (message?.type === 'conform:hello') return void worker.send({ type: 'conform:start', config: own } satisfies StartMessage);
      if (message?.type !== 'conform:ready') return;
      ready.add(worker);
      if (!announced && ready.size === count) {
        announced = true;
        const lines = message.banner;
        const stop = lines.findIndex((l) => l.includes('stop with Ctrl-C'));
        const pids = [...ready].map((w) => w.process.pid).join(', ');
        lines.splice(stop === -1 ? lines.length : stop, 0, `  workers: ${count} processes (pids ${pids}) share these listeners; state and MQTT in ${redactUrl(config.store)}`);
        for (const line of lines) io.out(line);
      } else if (announced) {
        io.err(`conform mock: worker ${worker.process.pid} started`);
      }
    });
    worker.on('exit', (code, signal) => {
      live.delete(worker);
      const served = ready.delete(worker);
      if (stopping) {
        if (live.size === 0) done();
        return;
      }
      // A worker that never got ready failed to start (a port, the store): the same would happen again.
      if (!served) {
        exitCode = code && code > 0 ? code : 2;
        io.err(`conform mock: worker ${worker.process.pid} ended before it was ready (code ${code}, signal ${signal}); stopping`);
        stopAll('SIGTERM');
        return;
      }
      const now = Date.now();
      while (restarts.length > 0 && restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        exitCode = 1;
        io.err(`conform mock: worker ${worker.process.pid} died (code ${code}, signal ${signal}); ${MAX_RESTARTS} restarts within ${RESTART_WINDOW_MS / 1000} s already, stopping`);
        stopAll('SIGTERM');
        return;
      }
      restarts.push(now);
      io.err(`conform mock: worker ${worker.process.pid} died (code ${code}, signal ${signal}); starting another (restart ${restarts.length} of ${MAX_RESTARTS} per ${RESTART_WINDOW_MS / 1000} s)`);
      fork(index);
    });
  };

  const onSignal = (signal: NodeJS.Signals) => () => stopAll(signal);
  const onInt = onSignal('SIGINT');
  const onTerm = onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  for (let i = 0; i < count; i++) fork(i);
  await finished;
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  io.err('conform mock stopped');
  return exitCode;
}
