import fs from 'node:fs';

/**
 * The circuit breaker of a run: a target can die after the pre-flight, and each test would then wait out its own
 * deadlines. Every Playwright worker records its exchanges here; after THRESHOLD consecutive transport-level
 * failures (refused, reset, no answer in time, not HTTP) with no answer in between, the breaker trips: the base
 * fixture fails every test that starts, and `conform test` stops the run. Workers restart after a failed test and
 * lose their memory, so the state is a file per target (its project's `breakerFile` option): one line per failure
 * since the last answer, and <file>.tripped the problem that tripped it (never reset: a straggler's answer does not
 * revive a run).
 */
export const THRESHOLD = 3;

let breakerFile: string | undefined;
/** This worker's breaker: a worker serves one project, so one target. */
export function useBreakerFile(file: string | undefined): void {
  breakerFile = file || undefined;
}
const file = (): string | undefined => breakerFile;
const trippedFile = (f: string) => `${f}.tripped`;

/** A transport-level failure: appended (O_APPEND keeps concurrent workers' lines whole). */
export function recordTransportFailure(problem: string): void {
  const f = file();
  if (!f) return;
  try {
    fs.appendFileSync(f, `${problem.replace(/\s+/g, ' ').slice(0, 300)}\n`);
    const lines = fs.readFileSync(f, 'utf8').split('\n').filter(Boolean);
    if (lines.length >= THRESHOLD) fs.writeFileSync(trippedFile(f), lines[lines.length - 1] as string, { flag: 'wx' });
  } catch {
    // Already tripped (wx), or the run's directory is gone: the breaker must never fail a test by itself.
  }
}

/** An answer arrived: the failures before it were not consecutive. */
export function recordAnswer(): void {
  const f = file();
  if (!f) return;
  try {
    if (fs.statSync(f).size > 0) fs.writeFileSync(f, '');
  } catch {
    // No failure recorded yet (no file): nothing to reset.
  }
}

/** The problem that tripped the breaker, or undefined while it holds. */
export function trippedBecause(breakerFile = file()): string | undefined {
  if (!breakerFile) return undefined;
  try {
    return fs.readFileSync(trippedFile(breakerFile), 'utf8');
  } catch {
    return undefined;
  }
}
