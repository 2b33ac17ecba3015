import { storeWrites } from '../core/store.ts';
import type { Durability, DurableOutcome } from '../core/pipeline.ts';
import { writeStateFile, writeStateFileSync } from './state-file.ts';

/**
 * Write-through of the `--state` file with group commit (docs/decisions/0005-state-write-through.md): an exchange
 * that changed a store is answered only once a snapshot taken after its change is on disk (fsync'd, atomically
 * renamed). Exchanges that arrive while a snapshot is being written share the next one, so under load there is at
 * most one write in flight and one waiting, whatever the number of clients. An exchange that changed nothing (a
 * read, a refused request) waits for nothing.
 */
export class StateWriter implements Durability {
  /** storeWrites() when the last snapshot on disk was taken. */
  private durableAt: number;
  private inFlight: { at: number; done: Promise<void> } | undefined;
  private queued: Promise<void> | undefined;
  private lastText: string | undefined;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => unknown,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {
    this.durableAt = -1;
  }

  /** The first snapshot, before anything listens: proves the path writable, and a failure is a refusal to start. */
  writeNow(): void {
    const at = storeWrites();
    const text = JSON.stringify(this.snapshot());
    writeStateFileSync(this.file, text);
    this.lastText = text;
    this.durableAt = at;
  }

  /** The family runs at once (one process, one state); its answer waits for the snapshot that holds its writes. */
  async exchange<T>(_scope: unknown, run: () => Promise<T>): Promise<DurableOutcome<T>> {
    const value = await run();
    try {
      await this.commit();
      return { ok: true, value };
    } catch {
      return { ok: false };
    }
  }

  /** Resolves once every store write made before the call is on disk; rejects (with CONFORM_ERR_STATE) if it cannot be. */
  commit(): Promise<void> {
    const now = storeWrites();
    if (now <= this.durableAt) return Promise.resolve();
    if (this.inFlight && now <= this.inFlight.at) return this.inFlight.done;
    if (!this.queued) {
      const after = this.inFlight?.done.catch(() => undefined) ?? Promise.resolve();
      this.queued = after.then(() => {
        this.queued = undefined;
        return this.flush();
      });
    }
    return this.queued;
  }

  private flush(): Promise<void> {
    const at = storeWrites();
    let text: string;
    try {
      // Taken synchronously: every write up to `at` is in it, whatever happens while the file is written.
      text = JSON.stringify(this.snapshot());
    } catch (error) {
      this.onError(error as Error);
      return Promise.reject(error);
    }
    const done = (text === this.lastText ? Promise.resolve() : writeStateFile(this.file, text)).then(
      () => {
        this.lastText = text;
        this.durableAt = Math.max(this.durableAt, at);
      },
      (error: Error) => {
        this.onError(error);
        throw error;
      },
    );
    const flight = { at, done };
    this.inFlight = flight;
    void done.then(
      () => this.settled(flight),
      () => this.settled(flight),
    );
    return done;
  }

  private settled(flight: { at: number; done: Promise<void> }): void {
    if (this.inFlight === flight) this.inFlight = undefined;
  }
}
