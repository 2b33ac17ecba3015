import type { Redis, Result } from 'ioredis';

/**
 * The shared store's two Lua scripts (run with EVALSHA through ioredis's defineCommand, atomic in Redis). Keys of one
 * (tenant, family): `docs` (hash: "<store>/<id>" → the document's JSON), `stamps` (hash: "<store>/<id>" → the id of
 * the stream entry that last wrote it, kept after a delete so a re-created document is a new write), `log` (the
 * stream of every commit, in order), `seeded` (set once the seed is in).
 */

/**
 * Seeds the keys if nobody did (SET NX), else returns the truth: {0, lastLogId, docs…, stamps…}. ARGV[1]: JSON array
 * of [field, documentJson] of the local seed.
 */
const SEED = `
if redis.call('SET', KEYS[4], '1', 'NX') then
  for _, w in ipairs(cjson.decode(ARGV[1])) do redis.call('HSET', KEYS[1], w[1], w[2]) end
  return {1}
end
local last = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', 1)
local lastId = '0-0'
if #last > 0 then lastId = last[1][1] end
return {0, lastId, redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2])}
`;

/**
 * One exchange's writes, all or nothing. ARGV[1]: JSON array of [field, baseStamp, documentJson] ("" base: the
 * replica knew no write of it; "" document: deleted). Any field whose stamp is not its base (another process wrote it
 * since the replica read it) refuses the whole commit: {0, conflicted fields}. Else the writes are logged (XADD),
 * applied and stamped: {1, entry id}.
 */
const COMMIT = `
local writes = cjson.decode(ARGV[1])
local conflicts = {}
for _, w in ipairs(writes) do
  local current = redis.call('HGET', KEYS[2], w[1])
  if (current or '') ~= w[2] then conflicts[#conflicts + 1] = w[1] end
end
if #conflicts > 0 then return {0, conflicts} end
local id = redis.call('XADD', KEYS[3], '*', 'w', ARGV[1])
for _, w in ipairs(writes) do
  redis.call('HSET', KEYS[2], w[1], id)
  if w[3] == '' then redis.call('HDEL', KEYS[1], w[1]) else redis.call('HSET', KEYS[1], w[1], w[3]) end
end
return {1, id}
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    conformSeed(docs: string, stamps: string, log: string, seeded: string, seed: string): Result<[1] | [0, string, string[], string[]], Context>;
    conformCommit(docs: string, stamps: string, log: string, writes: string): Result<[1, string] | [0, string[]], Context>;
  }
}

export function defineStoreScripts(redis: Redis): void {
  redis.defineCommand('conformSeed', { numberOfKeys: 4, lua: SEED });
  redis.defineCommand('conformCommit', { numberOfKeys: 3, lua: COMMIT });
}
