import type { Redis } from 'ioredis';
import type { StoreJournal, StoredDocument, VersionedStore } from '../core/store.ts';
import type { DurableOutcome } from '../core/pipeline.ts';
import { TURN_TAKEN } from './redis-scripts.ts';

/** How often one exchange is re-run after losing a commit race before it is answered as a server fault. */
export const MAX_RERUNS = 25;
/**
 * After this many lost races an exchange claims the next turn: no other process commits in this (tenant, family)
 * until it has (or the claim lapses), so a process starved by a faster one (a busier CPU, a longer exchange) still
 * wins in a bounded number of runs instead of losing every race to MAX_RERUNS.
 */
const CLAIM_AFTER = 3;
/** How long a claim holds if its process dies before committing. */
const CLAIM_MS = 2_000;
/** How long an exchange waits, in all, for others' claimed turns before it is answered as a server fault. */
const TURN_WAIT_MS = 3_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Stream entries read per XREAD while catching up, and the bound on rounds (a replica that far behind reloads). */
const READ_BATCH = 500;
const MAX_READ_ROUNDS = 2000;
/** Entries the log keeps (approximately): a replica further behind than that reloads the whole state. */
export const LOG_LENGTH = 10_000;

/** Stream ids ("<ms>-<seq>") in order. */
function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am !== bm ? am - bm : as - bs;
}

interface Written {
  store: VersionedStore<unknown>;
  id: string;
  /** The document before the exchange's first write of it (undefined: absent). */
  before: StoredDocument<unknown> | undefined;
  noRetry: boolean;
}

/** The writes of one run, by field ("<store>/<id>"), first "before" kept: what is committed, or rolled back. */
class Journal implements StoreJournal {
  readonly writes = new Map<string, Written>();
  /** The stores read as a whole (their names): their store-wide stamp is checked at commit. */
  readonly scans = new Set<string>();
  constructor(private readonly names: Map<VersionedStore<unknown>, string>) {}

  scanned(store: VersionedStore<unknown>): void {
    this.scans.add(this.names.get(store) as string);
  }

  wrote(store: VersionedStore<unknown>, id: string, before: StoredDocument<unknown> | undefined): void {
    const field = `${this.names.get(store)}/${id}`;
    if (!this.writes.has(field)) this.writes.set(field, { store, id, before: before && { ...before }, noRetry: false });
  }

  noRetry(store: VersionedStore<unknown>, id: string): void {
    this.wrote(store, id, store.get(id));
    this.writes.get(`${this.names.get(store)}/${id}`)!.noRetry = true;
  }
}

export interface ReplicaCounters {
  commits: number;
  reruns: number;
  forcedConflicts: number;
}

/**
 * The stores of one (tenant, family) in this process, a replica of what Redis holds. An exchange runs under this
 * process's lock of the replica: the replica catches up from the stream, the family runs synchronously on it as in
 * memory mode, and its writes are committed by one script that refuses them if another process wrote any of the
 * same documents meanwhile; then the replica is rolled back, catches up and the exchange runs again. So the families
 * know nothing of Redis, and an answer is sent only once its writes are in Redis.
 */
export class Replica {
  private readonly names = new Map<VersionedStore<unknown>, string>();
  private readonly byName = new Map<string, VersionedStore<unknown>>();
  /** The stream entry of the last write of each field the replica knows. */
  private readonly stamps = new Map<string, string>();
  private lastId = '0-0';
  private seeded = false;
  private lock: Promise<unknown> = Promise.resolve();
  private readonly keys: { docs: string; stamps: string; log: string; seeded: string; turn: string };
  /** This replica's name in a claimed turn. */
  private readonly token = globalThis.crypto.randomUUID();

  constructor(
    private readonly redis: Redis,
    prefix: string,
    stores: Array<VersionedStore<unknown>>,
    private readonly counters: ReplicaCounters,
  ) {
    stores.forEach((store, index) => {
      this.names.set(store, String(index));
      this.byName.set(String(index), store);
    });
    this.keys = { docs: `${prefix}:docs`, stamps: `${prefix}:stamps`, log: `${prefix}:log`, seeded: `${prefix}:seeded`, turn: `${prefix}:turn` };
  }

  /** One exchange, serialized with this replica's others; {ok: false} when Redis cannot take its writes. */
  exchange<T>(run: () => Promise<T>): Promise<DurableOutcome<T>> {
    const next = this.lock.then(() => this.runExclusive(run));
    this.lock = next.catch(() => undefined);
    return next;
  }

  private async runExclusive<T>(run: () => Promise<T>): Promise<DurableOutcome<T>> {
    const turn = { held: false };
    try {
      return await this.runTurns(run, turn);
    } finally {
      // A claimed turn the exchange did not use (it failed, or wrote nothing when it ran again) is given back at once.
      if (turn.held) await this.redis.conformRelease(this.keys.turn, this.token).catch(() => undefined);
    }
  }

  private async runTurns<T>(run: () => Promise<T>, turn: { held: boolean }): Promise<DurableOutcome<T>> {
    let forced = new Map<VersionedStore<unknown>, Set<string>>();
    const waitUntil = Date.now() + TURN_WAIT_MS;
    for (let attempt = 0; attempt <= MAX_RERUNS; attempt++) {
      try {
        await this.catchUp();
      } catch {
        return { ok: false };
      }
      const journal = new Journal(this.names);
      for (const store of this.names.keys()) {
        store.journal = journal;
        store.forcedConflicts = forced.get(store);
      }
      let value: T;
      try {
        value = await run();
      } catch (error) {
        this.rollback(journal);
        throw error;
      } finally {
        for (const store of this.names.keys()) {
          store.journal = undefined;
          store.forcedConflicts = undefined;
        }
      }
      if (journal.writes.size === 0) return { ok: true, value };
      const payload = [...journal.writes].map(([field, w]) => [field, this.stamps.get(field) ?? '', documentJson(w.store.get(w.id))]);
      // A store read as a whole is checked by its store-wide stamp (the field named by the store alone, no "/").
      const scans = [...journal.scans].map((name) => [name, this.stamps.get(name) ?? '']);
      let result: [1, string, string] | [0, string[]];
      const claim = attempt >= CLAIM_AFTER ? 1 : 0;
      try {
        result = await this.redis.conformCommit(this.keys.docs, this.keys.stamps, this.keys.log, this.keys.turn, JSON.stringify(payload), LOG_LENGTH, JSON.stringify(scans), this.token, claim, CLAIM_MS);
      } catch {
        // Applied or not, the stream will say so at the next catch-up; the client is not told it was.
        this.rollback(journal);
        return { ok: false };
      }
      if (result[0] === 1) {
        turn.held = false;
        this.counters.commits++;
        if (result[2] === this.lastId) {
          // Nobody committed between this replica's catch-up and its commit: its writes are the log's next entry as
          // they stand in the replica, so it keeps them (no rollback, no catch-up round trip).
          this.stamp(result[1], [...journal.writes.keys()]);
          return { ok: true, value };
        }
        // Others committed in between: the replica takes its own writes back from the stream, in order with theirs.
        this.rollback(journal);
        try {
          await this.catchUp();
        } catch {
          // Committed: the answer stands; the next exchange catches up.
        }
        return { ok: true, value };
      }
      this.rollback(journal);
      if (result[1].length === 1 && result[1][0] === TURN_TAKEN) {
        // Another process's starved exchange goes first: wait for it, without counting a lost race.
        if (Date.now() > waitUntil) return { ok: false };
        attempt--;
        await pause(1);
        continue;
      }
      if (claim) turn.held = true;
      this.counters.reruns++;
      forced = new Map();
      for (const field of result[1]) {
        const w = journal.writes.get(field);
        if (!w?.noRetry) continue;
        // An update without retries that lost the race must fail as a conflict when it runs again, as it would have
        // in one process: the other write fell inside its conflict window.
        this.counters.forcedConflicts++;
        if (!forced.has(w.store)) forced.set(w.store, new Set());
        forced.get(w.store)!.add(w.id);
      }
    }
    return { ok: false };
  }

  private rollback(journal: Journal): void {
    for (const w of [...journal.writes.values()].reverse()) w.store.restore(w.id, w.before);
  }

  /** Brings the replica to the stream's end; the first time, seeds Redis or loads the truth from it. */
  private async catchUp(): Promise<void> {
    if (!this.seeded) await this.seedOrLoad();
    for (let round = 0; round < MAX_READ_ROUNDS; round++) {
      const read = await this.redis.conformCatchUp(this.keys.log, this.keys.seeded, this.lastId, READ_BATCH);
      if (read[0] === 0 || compareIds(read[1], this.lastId) > 0) {
        // Redis lost the keys (this replica seeds them again: the newest state a process still holds), or the log
        // was trimmed past this replica's position (it reloads the whole state).
        this.seeded = false;
        await this.seedOrLoad();
        continue;
      }
      const entries = read[2];
      for (const [id, fields] of entries) {
        this.apply(id, JSON.parse(fields[1] ?? '[]') as Array<[string, string, string]>);
        this.lastId = id;
      }
      if (entries.length < READ_BATCH) return;
    }
    throw new Error('the replica is too far behind the stream');
  }

  /** The replica's own committed writes, as entry `entryId` of the log: fields and their stores stamped. */
  private stamp(entryId: string, fields: string[]): void {
    for (const field of fields) {
      this.stamps.set(field, entryId);
      this.stamps.set(field.slice(0, field.indexOf('/')), entryId);
    }
    this.lastId = entryId;
  }

  private apply(entryId: string, writes: Array<[string, string, string]>): void {
    for (const [field, , json] of writes) {
      const slash = field.indexOf('/');
      const store = this.byName.get(field.slice(0, slash));
      if (!store) continue;
      const id = field.slice(slash + 1);
      store.restore(id, json === '' ? undefined : (JSON.parse(json) as StoredDocument<unknown>));
      this.stamps.set(field, entryId);
      this.stamps.set(field.slice(0, slash), entryId);
    }
  }

  private async seedOrLoad(): Promise<void> {
    const seed: Array<[string, string]> = [];
    for (const [store, name] of this.names) for (const doc of store.all()) seed.push([`${name}/${doc.id}`, documentJson(doc)]);
    const result = await this.redis.conformSeed(this.keys.docs, this.keys.stamps, this.keys.log, this.keys.seeded, JSON.stringify(seed));
    if (result[0] === 0) {
      const [, lastId, docs, stamps] = result;
      const truth = new Map<string, string>();
      for (let i = 0; i + 1 < docs.length; i += 2) truth.set(docs[i]!, docs[i + 1]!);
      for (const [store, name] of this.names) for (const doc of store.all()) if (!truth.has(`${name}/${doc.id}`)) store.restore(doc.id, undefined);
      this.apply('', [...truth].map(([field, json]) => [field, '', json]));
      this.stamps.clear();
      for (let i = 0; i + 1 < stamps.length; i += 2) this.stamps.set(stamps[i]!, stamps[i + 1]!);
      this.lastId = lastId;
    } else {
      // This replica's state is the seed: Redis holds no stamp yet, and the log starts at the seed's entry.
      this.stamps.clear();
      this.lastId = result[1];
    }
    this.seeded = true;
  }
}

function documentJson(doc: StoredDocument<unknown> | undefined): string {
  if (!doc) return '';
  return JSON.stringify({ id: doc.id, version: doc.version, source: doc.source, visibleAt: doc.visibleAt, previous: doc.previous });
}
