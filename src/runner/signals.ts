import os from 'node:os';

/**
 * SIGINT and SIGTERM during `conform test`: the first one is remembered and handed to whoever is running (the
 * Playwright run forwards it and waits for its reports; the mock is stopped by its owner), a second one asks them to
 * stop now. Without these handlers node would die at once, leaving Playwright's process group running.
 */
export type StopSignal = 'SIGINT' | 'SIGTERM';

let received: StopSignal | undefined;
let count = 0;
const listeners = new Set<(signal: StopSignal, count: number) => void>();
let installed = false;

export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      received ??= signal;
      count += 1;
      for (const listener of [...listeners]) listener(received, count);
    });
  }
}

/** The first stop signal received, if any. */
export function receivedSignal(): StopSignal | undefined {
  return received;
}

/** Calls fn on every stop signal until the returned function is called. */
export function onStopSignal(fn: (signal: StopSignal, count: number) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The shell's convention: 128 + the signal's number (130 for SIGINT, 143 for SIGTERM). */
export function exitCodeOfSignal(signal: StopSignal): number {
  return 128 + (os.constants.signals[signal] ?? 0);
}
