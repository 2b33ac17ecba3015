import type { Redis, Result } from 'ioredis';

/**
 * The shared store's two Lua scripts (run with EVALSHA through ioredis's defineCommand, atomic in Redis). Keys of one
 * (tenant, family): `docs` (hash: "<store>/<id>" → the document's JSON), `stamps` (hash: "<store>/<id>" → the id of
 * the stream entry that last wrote it, kept after a delete so a re-created document is a new write), `log` (the
 * stream of every commit, in order), `seeded` (set once the seed is in).
 */

/**
 * Seeds the keys if nobody did (SET NX): {1, the seed's log entry}; else returns the truth: {0, lastLogId, docs…, stamps…}. ARGV[1]: JSON array
 * of [field, documentJson] of the local seed.
 */
const SEED = `
if redis.call('SET', KEYS[4], '1', 'NX') then
  for _, w in ipairs(cjson.decode(ARGV[1])) do redis.call('HSET', KEYS[1], w[1], w[2]) end
  -- An empty entry marks the seed in the log: a replica's position is never before the log (trimming is detectable).
  return {1, redis.call('XADD', KEYS[3], '*', 'w', '[]')}
end
local last = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', 1)
local lastId = '0-0'
if #last > 0 then lastId = last[1][1] end
return {0, lastId, redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2])}
`;

/** What a commit answers instead of its conflicts while another process holds the turn. */
export const TURN_TAKEN = '~turn';

/**
 * One exchange's writes, all or nothing. ARGV[1]: JSON array of [field, baseStamp, documentJson] ("" base: the
 * replica knew no write of it; "" document: deleted); ARGV[3]: JSON array of [store, baseStamp] of the stores it read
 * as a whole. Any field whose stamp is not its base (another process wrote it since the replica read it), or any such
 * store another process wrote meanwhile (its store-wide stamp, the field named by the store alone), refuses the
 * whole commit: {0, conflicted fields}. Else the writes are logged (XADD), applied and stamped, field and store: {1,
 * entry id, the entry before it}.
 *
 * Turns (KEYS[4]): an exchange that lost several races claims the next commit (ARGV[5] = 1, ARGV[4] its replica's
 * token, for ARGV[6] ms); while the claim holds, others' commits are refused with {0, {TURN_TAKEN}} and wait, and the
 * claimant's commit, after its catch-up, cannot lose. It releases the turn when it commits.
 */
const COMMIT = `
local turn = redis.call('GET', KEYS[4])
if turn and turn ~= ARGV[4] then return {0, {'${TURN_TAKEN}'}} end
local writes = cjson.decode(ARGV[1])
local conflicts = {}
for _, w in ipairs(writes) do
  local current = redis.call('HGET', KEYS[2], w[1])
  if (current or '') ~= w[2] then conflicts[#conflicts + 1] = w[1] end
end
for _, s in ipairs(cjson.decode(ARGV[3])) do
  local current = redis.call('HGET', KEYS[2], s[1])
  if (current or '') ~= s[2] then conflicts[#conflicts + 1] = s[1] end
end
if #conflicts > 0 then
  if ARGV[5] == '1' then redis.call('SET', KEYS[4], ARGV[4], 'PX', ARGV[6]) end
  return {0, conflicts}
end
-- The entry before this one: a replica that had read up to it takes its own writes as they are, without a catch-up.
local last = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', 1)
local previous = '0-0'
if #last > 0 then previous = last[1][1] end
-- The log is trimmed (approximately) to its last LOG_LENGTH entries; a replica left further behind reloads.
local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[2], '*', 'w', ARGV[1])
for _, w in ipairs(writes) do
  redis.call('HSET', KEYS[2], w[1], id)
  local store = string.match(w[1], '^([^/]*)/')
  if store then redis.call('HSET', KEYS[2], store, id) end
  if w[3] == '' then redis.call('HDEL', KEYS[1], w[1]) else redis.call('HSET', KEYS[1], w[1], w[3]) end
end
if turn then redis.call('DEL', KEYS[4]) end
return {1, id, previous}
`;

/**
 * The entries after ARGV[1] (at most ARGV[2]) and the log's first id, so the caller sees a gap (trimmed past its
 * position): {1, firstId, entries}; {0} when the keys are not seeded (Redis lost its data, or was flushed).
 */
const CATCH_UP = `
if redis.call('EXISTS', KEYS[2]) == 0 then return {0} end
local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
local firstId = '0-0'
if #first > 0 then firstId = first[1][1] end
return {1, firstId, redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', tonumber(ARGV[2]))}
`;

/** Gives the turn back (KEYS[1]) if this replica (ARGV[1]) holds it: its exchange ended without committing. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    conformSeed(docs: string, stamps: string, log: string, seeded: string, seed: string): Result<[1, string] | [0, string, string[], string[]], Context>;
    conformCommit(docs: string, stamps: string, log: string, turn: string, writes: string, logLength: number, scans: string, token: string, claim: number, claimMs: number): Result<[1, string, string] | [0, string[]], Context>;
    conformRelease(turn: string, token: string): Result<number, Context>;
    conformCatchUp(log: string, seeded: string, after: string, count: number): Result<[0] | [1, string, Array<[string, string[]]>], Context>;
  }
}

export function defineStoreScripts(redis: Redis): void {
  redis.defineCommand('conformSeed', { numberOfKeys: 4, lua: SEED });
  redis.defineCommand('conformCommit', { numberOfKeys: 4, lua: COMMIT });
  redis.defineCommand('conformRelease', { numberOfKeys: 1, lua: RELEASE });
  redis.defineCommand('conformCatchUp', { numberOfKeys: 2, lua: CATCH_UP });
}
