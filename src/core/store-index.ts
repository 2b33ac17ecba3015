import { Heap } from 'heap-js';
import { VersionedStore, type StoreOptions, type StoredDocument, type WriteOptions } from './store.ts';

/**
 * Secondary indexes of a VersionedStore, so that a lookup by something other than the id (a login, a token's owner,
 * the next expiry) costs no scan of every document: a scan per request made user creation and logins slow down
 * linearly with the data (issue 11, defect 8). An index hears of every write through IndexedStore.
 */
export interface StoreWatcher<T> {
  /** A document was created or replaced (`previous`: the source it replaced, if any). */
  set(id: string, source: T, previous: T | undefined): void;
  delete(id: string, source: T): void;
  clear(): void;
  /** Told how to report a lookup to the store's journal: a lookup by key reads the store as a whole (a unique login). */
  observe?(onRead: () => void): void;
}

/**
 * A VersionedStore whose every write reaches its watchers. Only the public write methods are overridden (update()
 * writes through put()), so the store's conflict logic stays the store's.
 */
export class IndexedStore<T> extends VersionedStore<T> {
  constructor(
    options: StoreOptions,
    private readonly watchers: ReadonlyArray<StoreWatcher<T>>,
  ) {
    super(options);
    for (const w of watchers) w.observe?.(() => this.journal?.scanned(this as VersionedStore<unknown>));
  }

  override create(id: string, source: T, write: WriteOptions): StoredDocument<T> | undefined {
    const doc = super.create(id, source, write);
    if (doc) for (const w of this.watchers) w.set(id, source, undefined);
    return doc;
  }

  override put(id: string, source: T, write: WriteOptions): StoredDocument<T> {
    const previous = this.get(id)?.source;
    const doc = super.put(id, source, write);
    for (const w of this.watchers) w.set(id, source, previous);
    return doc;
  }

  override delete(id: string): boolean {
    const source = this.get(id)?.source;
    const deleted = super.delete(id);
    if (deleted) for (const w of this.watchers) w.delete(id, source as T);
    return deleted;
  }

  override restore(id: string, doc: StoredDocument<T> | undefined): void {
    const previous = this.get(id)?.source;
    super.restore(id, doc);
    if (doc) for (const w of this.watchers) w.set(id, doc.source, previous);
    else if (previous !== undefined) for (const w of this.watchers) w.delete(id, previous);
  }

  override clear(): void {
    super.clear();
    for (const w of this.watchers) w.clear();
  }

  override import(entries: Array<{ id: string; version: number; source: T }>): void {
    super.import(entries);
    for (const w of this.watchers) w.clear();
    for (const e of entries) for (const w of this.watchers) w.set(e.id, e.source, undefined);
  }
}

/** The ids of the documents by one key of theirs (a login, an owner), in the order the keys were given to them. */
export class KeyIndex<T, K> implements StoreWatcher<T> {
  private readonly byKey = new Map<K, Set<string>>();
  private onRead: (() => void) | undefined;

  constructor(private readonly keyOf: (source: T) => K) {}

  observe(onRead: () => void): void {
    this.onRead = onRead;
  }

  ids(key: K): ReadonlySet<string> {
    this.onRead?.();
    return this.byKey.get(key) ?? EMPTY;
  }

  set(id: string, source: T, previous: T | undefined): void {
    const key = this.keyOf(source);
    if (previous !== undefined) {
      const before = this.keyOf(previous);
      if (before === key) return;
      this.remove(id, before);
    }
    let ids = this.byKey.get(key);
    if (!ids) this.byKey.set(key, (ids = new Set()));
    ids.add(id);
  }

  delete(id: string, source: T): void {
    this.remove(id, this.keyOf(source));
  }

  clear(): void {
    this.byKey.clear();
  }

  private remove(id: string, key: K): void {
    const ids = this.byKey.get(key);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) this.byKey.delete(key);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The documents that expire, soonest first (heap-js's binary min-heap), so expiring what is due costs O(log n) per
 * expired document instead of a scan of all. Deletes are lazy: an entry whose document is gone or has another expiry
 * now is skipped when it surfaces, and the heap is rebuilt when such entries outnumber the live ones.
 */
export class ExpiryQueue<T> implements StoreWatcher<T> {
  private heap = newHeap();
  /** The expiry each live document has now: what tells a heap entry still counts. */
  private readonly live = new Map<string, number>();

  /** `expiresAt` undefined: the document never expires. */
  constructor(private readonly expiresAt: (source: T) => number | undefined) {}

  set(id: string, source: T): void {
    const at = this.expiresAt(source);
    if (at === undefined) {
      this.live.delete(id);
      return;
    }
    this.live.set(id, at);
    this.heap.push({ at, id });
    if (this.heap.size() > 2 * this.live.size + 1024) this.rebuild();
  }

  delete(id: string): void {
    this.live.delete(id);
  }

  clear(): void {
    this.heap = newHeap();
    this.live.clear();
  }

  /** Removes and returns the ids whose expiry is at or before `now`. */
  due(now: number): string[] {
    const out: string[] = [];
    for (let top = this.heap.peek(); top !== undefined && top.at <= now; top = this.heap.peek()) {
      this.heap.pop();
      if (this.live.get(top.id) !== top.at) continue;
      this.live.delete(top.id);
      out.push(top.id);
    }
    return out;
  }

  /** Documents with an expiry. */
  get size(): number {
    return this.live.size;
  }

  private rebuild(): void {
    this.heap = newHeap();
    this.heap.init([...this.live].map(([id, at]) => ({ at, id })));
  }
}

function newHeap(): Heap<{ at: number; id: string }> {
  // Not a.at - b.at: Infinity - Infinity is NaN, which no heap can order.
  return new Heap<{ at: number; id: string }>((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
