/**
 * Kuzzle 2.56.0's native controllers and their actions, in the funnel's registration order (lib/api/funnel.js:117-131;
 * each controller's super([...]) list). Role definitions are checked against it, and server:publicApi lists it.
 */
const ACTIONS: Record<string, string> = {
  auth:
    'checkRights checkToken createApiKey createMyCredentials createToken credentialsExist deleteApiKey deleteMyCredentials ' +
    'getCurrentUser getMyCredentials getMyRights getStrategies login logout refreshToken searchApiKeys updateMyCredentials ' +
    'updateSelf validateMyCredentials',
  bulk: 'import write mWrite deleteByQuery updateByQuery',
  cluster: 'status',
  collection:
    'create delete deleteSpecifications exists getMapping getSettings getSpecifications list refresh scrollSpecifications ' +
    'searchSpecifications truncate update updateMapping updateSpecifications validateSpecifications',
  debug: 'nodeVersion enable disable post addListener removeListener',
  document:
    'count create createOrReplace delete deleteByQuery deleteFields exists export get mCreate mCreateOrReplace mDelete ' +
    'mExists mGet mReplace mUpdate mUpsert replace scroll search update updateByQuery upsert validate',
  index: 'create delete exists list mDelete stats',
  realtime: 'count join list publish subscribe unsubscribe validate',
  security:
    'checkRights createApiKey createCredentials createFirstAdmin restrictDefaultRights createOrReplaceProfile ' +
    'createOrReplaceRole createProfile createRestrictedUser createRole createUser deleteApiKey deleteCredentials ' +
    'deleteProfile deleteRole deleteUser getAllCredentialFields getCredentialFields getCredentials getCredentialsById ' +
    'getProfile getProfileMapping getProfileRights getRole getRoleMapping getUser getUserMapping getUserRights ' +
    'getUserStrategies hasCredentials mDeleteProfiles mDeleteRoles mDeleteUsers mGetProfiles mGetRoles mGetUsers refresh ' +
    'replaceUser revokeTokens scrollProfiles scrollUsers searchApiKeys searchProfiles searchRoles searchUsers ' +
    'searchUsersByCredentials updateCredentials updateProfile updateProfileMapping updateRole updateRoleMapping updateUser ' +
    'updateUserMapping upsertUser validateCredentials',
  server: 'adminExists capabilities getAllStats getConfig getLastStats getStats healthCheck info metrics now publicApi openapi',
  admin: 'dump loadFixtures loadMappings loadSecurities refreshIndexCache resetCache resetDatabase resetSecurity shutdown',
};

/**
 * The memory-storage commands (memoryStorage and its alias ms), in the order of their routes: the funnel reads this
 * list, not the HTTP route table (native-api.test.ts checks that the two agree).
 */
export const MEMORY_STORAGE_COMMANDS =
  'bitcount bitpos dbsize getbit getrange exists geodist geohash geopos georadius georadiusbymember ' +
  'hexists hget hgetall hkeys hlen hmget hscan hstrlen hvals keys lindex llen lrange mget object ' +
  'pfcount ping pttl randomkey scan scard sdiff sinter sismember smembers srandmember sscan strlen ' +
  'sunion time ttl type zcard zcount zlexcount zrange zrangebylex zrevrangebylex zrangebyscore zrank ' +
  'zrevrange zrevrangebyscore zrevrank zscan zscore get append bgrewriteaof bgsave bitop decr decrby ' +
  'expire expireat flushdb geoadd getset hincrby hincrbyfloat hmset hset hsetnx incr incrby incrbyfloat ' +
  'linsert lpop lpush lpushx lset ltrim mexecute mset msetnx persist pexpire pexpireat pfadd pfmerge ' +
  'psetex rename renamenx rpop rpoplpush rpush rpushx sadd sdiffstore set setex setnx sinterstore smove ' +
  'sort spop sunionstore touch zadd zincrby zinterstore zunionstore del hdel lrem srem zrem ' +
  'zremrangebylex zremrangebyrank zremrangebyscore';

let cache: Map<string, string[]> | undefined;

/** controller → actions, memoryStorage and ms included. */
export function nativeControllers(): Map<string, string[]> {
  if (cache) return cache;
  cache = new Map(Object.entries(ACTIONS).map(([name, list]) => [name, list.split(' ')]));
  const ms = MEMORY_STORAGE_COMMANDS.split(' ');
  cache.set('memoryStorage', ms);
  cache.set('ms', ms);
  return cache;
}

export function isNativeAction(controller: string, action: string): boolean {
  return nativeControllers().get(controller)?.includes(action) ?? false;
}

