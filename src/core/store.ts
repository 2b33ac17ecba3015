/**
 * A versioned, in-memory document collection that behaves like the storage behind the real servers where a
 * client can observe it: every write bumps the document's version; a write is visible to searches only after the
 * refresh delay unless it waits for the refresh (Elasticsearch's refresh=wait_for); writes on one document are
 * serialized, and an update without retries (retryOnConflict 0) conflicts with any write inside its conflict window.
 */
export interface StoredDocument<T> {
  id: string;
  version: number;
  source: T;
  /** Epoch ms from which searches see this version. */
  visibleAt: number;
  /** The version searches see until visibleAt (undefined: the document is new and invisible until then). */
  previous?: { version: number; source: T };
}

const nextTurn: (fn: () => void) => void = (globalThis as { setImmediate?: (fn: () => void) => void }).setImmediate ?? ((fn) => setTimeout(fn, 0));

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : nextTurn(resolve)));
}

/**
 * How many writes every store of this process has taken. `--state` reads it to know whether an exchange changed
 * anything (a read must not pay for a snapshot): every mutable state of the families lives in a VersionedStore, so
 * a write that does not go through one would not be persisted. Process-wide on purpose: a store needs no wiring,
 * and another mock in the same process only costs an extra snapshot.
 */
let writes = 0;

export function storeWrites(): number {
  return writes;
}

export class VersionConflictError extends Error {
  constructor(readonly id: string, readonly retries: number) {
    super(`version conflict on "${id}" after ${retries} retries`);
    this.name = 'VersionConflictError';
  }
}

export interface WriteOptions {
  /** true: visible to searches when the write returns (wait_for); false: after the refresh delay. */
  waitForRefresh: boolean;
}

export interface StoreOptions {
  refreshDelayMs: number;
  now: () => number;
  /**
   * The conflict window: time an update with retryOnConflict 0 spends between reading and writing a document; any
   * other write of the document inside it makes it conflict, as in Elasticsearch. 0 means one turn of the event
   * loop, so requests that arrive together conflict while a lone request pays no timer.
   */
  updateWindowMs: number;
}

/**
 * What hears of every write of a store before it is made (the shared store's replica, src/store/): `before` is the
 * document as it was (undefined: absent), so the write set can be checked against the truth and rolled back.
 */
export interface StoreJournal {
  wrote(store: VersionedStore<unknown>, id: string, before: StoredDocument<unknown> | undefined): void;
  /** The write was an update with retryOnConflict 0: a conflict on it is the client's, not re-run away. */
  noRetry(store: VersionedStore<unknown>, id: string): void;
  /**
   * The exchange read the store as a whole (every document, a search, a secondary index): what it decided may rest
   * on the absence of a document (a unique address, a unique login), so any other write of the store meanwhile makes
   * its commit conflict.
   */
  scanned(store: VersionedStore<unknown>): void;
}

/**
 * Every store constructed while a collector is open, in construction order: how the shared store finds the stores of
 * a family mock without the family naming them (creation order is the same in every process of one build).
 */
let collector: Array<VersionedStore<unknown>> | undefined;

export function collectStores<R>(create: () => R): { created: R; stores: Array<VersionedStore<unknown>> } {
  const previous = collector;
  const stores: Array<VersionedStore<unknown>> = [];
  collector = stores;
  try {
    return { created: create(), stores };
  } finally {
    collector = previous;
  }
}

export class VersionedStore<T> {
  private readonly docs = new Map<string, StoredDocument<T>>();
  /** Set by the shared store while an exchange runs; none in memory mode. */
  journal: StoreJournal | undefined;
  /** Ids whose update with retryOnConflict 0 must conflict (the re-run after a conflict another process won). */
  forcedConflicts: ReadonlySet<string> | undefined;

  constructor(private readonly options: StoreOptions) {
    collector?.push(this as VersionedStore<unknown>);
  }

  private wrote(id: string): void {
    this.journal?.wrote(this as VersionedStore<unknown>, id, this.docs.get(id) as StoredDocument<unknown> | undefined);
  }

  /**
   * Sets a document as another process wrote it, or back as it was (undefined: absent): no version bump, no journal.
   * IndexedStore overrides it so its indexes follow.
   */
  restore(id: string, doc: StoredDocument<T> | undefined): void {
    if (doc) this.docs.set(id, doc);
    else this.docs.delete(id);
    writes++;
  }

  get(id: string): StoredDocument<T> | undefined {
    return this.docs.get(id);
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Creates a document; returns undefined when the id exists. */
  create(id: string, source: T, write: WriteOptions): StoredDocument<T> | undefined {
    if (this.docs.has(id)) return undefined;
    this.wrote(id);
    const doc: StoredDocument<T> = { id, version: 1, source, visibleAt: this.visibleAt(write) };
    this.docs.set(id, doc);
    writes++;
    return doc;
  }

  /** Creates or replaces. */
  put(id: string, source: T, write: WriteOptions): StoredDocument<T> {
    const old = this.docs.get(id);
    this.wrote(id);
    const doc: StoredDocument<T> = {
      id,
      version: (old?.version ?? 0) + 1,
      source,
      visibleAt: this.visibleAt(write),
      previous: old ? { version: old.version, source: this.searchable(old) ?? old.source } : undefined,
    };
    this.docs.set(id, doc);
    writes++;
    return doc;
  }

  /**
   * Read, transform, write. `change` may throw to abort (validation); nothing is written then.
   *
   * With retryOnConflict > 0 the write is applied at once, in the caller's turn: real storage serializes writes on
   * one document far faster than a client can send them, so a burst of updates with retries all succeed, each on
   * the version the previous one wrote, and a queued update never waits for an event-loop turn (50 in flight no
   * longer meant one winner per turn). Being synchronous, it cannot interleave with another write.
   *
   * With retryOnConflict 0 the update spends the conflict window between reading and writing, as an Elasticsearch
   * update without retries does: if any other write changed the document meanwhile, it fails with
   * VersionConflictError. That is how a client can still provoke and observe a conflict.
   */
  update(id: string, change: (current: T) => T, write: WriteOptions & { retryOnConflict: number; conflictWindowMs?: number }): Promise<StoredDocument<T> | undefined> {
    if (write.retryOnConflict <= 0) return this.race(id, change, write, write.conflictWindowMs ?? this.options.updateWindowMs);
    try {
      return Promise.resolve(this.applyNow(id, change, write));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private applyNow(id: string, change: (current: T) => T, write: WriteOptions): StoredDocument<T> | undefined {
    const current = this.docs.get(id);
    return current ? this.put(id, change(current.source), write) : undefined;
  }

  private async race(id: string, change: (current: T) => T, write: WriteOptions, windowMs: number): Promise<StoredDocument<T> | undefined> {
    const current = this.docs.get(id);
    if (!current) return undefined;
    const next = change(current.source);
    await pause(windowMs);
    const now = this.docs.get(id);
    if (!now) return undefined;
    if (now.version !== current.version || this.forcedConflicts?.has(id)) throw new VersionConflictError(id, 0);
    this.journal?.noRetry(this as VersionedStore<unknown>, id);
    return this.put(id, next, write);
  }

  delete(id: string): boolean {
    if (this.docs.has(id)) this.wrote(id);
    const deleted = this.docs.delete(id);
    if (deleted) writes++;
    return deleted;
  }

  /** All documents as they are now (a get by id sees writes at once, as in Elasticsearch). */
  all(): StoredDocument<T>[] {
    this.journal?.scanned(this as VersionedStore<unknown>);
    return [...this.docs.values()];
  }

  /** What a search sees now: refreshed versions only. */
  search(predicate: (source: T, id: string) => boolean = () => true): Array<{ id: string; source: T }> {
    this.journal?.scanned(this as VersionedStore<unknown>);
    const hits: Array<{ id: string; source: T }> = [];
    for (const doc of this.docs.values()) {
      const source = this.searchable(doc);
      if (source !== undefined && predicate(source, doc.id)) hits.push({ id: doc.id, source });
    }
    return hits;
  }

  clear(): void {
    for (const id of this.docs.keys()) this.wrote(id);
    this.docs.clear();
    writes++;
  }

  export(): Array<{ id: string; version: number; source: T }> {
    return this.all().map((d) => ({ id: d.id, version: d.version, source: d.source }));
  }

  import(entries: Array<{ id: string; version: number; source: T }>): void {
    for (const id of this.docs.keys()) this.wrote(id);
    for (const e of entries) if (!this.docs.has(e.id)) this.wrote(e.id);
    this.docs.clear();
    for (const e of entries) this.docs.set(e.id, { id: e.id, version: e.version, source: e.source, visibleAt: 0 });
    writes++;
  }

  private visibleAt(write: WriteOptions): number {
    return write.waitForRefresh ? this.options.now() : this.options.now() + this.options.refreshDelayMs;
  }

  private searchable(doc: StoredDocument<T>): T | undefined {
    if (doc.visibleAt <= this.options.now()) return doc.source;
    return doc.previous?.source;
  }
}
