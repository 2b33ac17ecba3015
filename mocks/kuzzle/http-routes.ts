/**
 * Kuzzle 2.56.0's native HTTP routes (lib/api/httpRoutes.js), in declaration order, as "VERB path action" per
 * controller. The mock registers them all, so static prefixes shadow the generic /:index/... routes exactly as on the
 * real server (kuzzle.md §1.1), and server:publicApi lists them for kuzzle-sdk (§7.1).
 */
export const NATIVE_ROUTES: Record<string, readonly string[]> = {
  auth: [
    "GET /_me getCurrentUser", "GET /_me/_rights getMyRights", "GET /_me/credentials/:strategy getMyCredentials",
    "GET /_me/credentials/:strategy/_exists credentialsExist", "GET /strategies getStrategies",
    "GET /users/_me getCurrentUser", "GET /users/_me/_rights getMyRights",
    "GET /credentials/:strategy/_me getMyCredentials", "GET /credentials/:strategy/_me/_exists credentialsExist",
    "GET /_login/:strategy login", "POST /_login/:strategy login", "POST /_logout logout",
    "POST /_checkToken checkToken", "POST /_createToken createToken", "POST /_refreshToken refreshToken",
    "POST /_me/credentials/:strategy/_create createMyCredentials",
    "POST /_me/credentials/:strategy/_validate validateMyCredentials",
    "POST /credentials/:strategy/_me/_create createMyCredentials",
    "POST /credentials/:strategy/_me/_validate validateMyCredentials", "POST /_checkRights checkRights",
    "POST /api-keys/_create createApiKey", "POST /api-keys/_search searchApiKeys",
    "DELETE /_me/credentials/:strategy deleteMyCredentials", "DELETE /credentials/:strategy/_me deleteMyCredentials",
    "DELETE /api-keys/:_id deleteApiKey", "PUT /_me updateSelf",
    "PUT /_me/credentials/:strategy/_update updateMyCredentials", "PUT /_updateSelf updateSelf",
    "PUT /credentials/:strategy/_me/_update updateMyCredentials",
  ],
  debug: [
    "GET /debug/_nodeVersion nodeVersion", "POST /debug/_post post", "POST /debug/_enable enable",
    "POST /debug/_disable disable",
  ],
  document: [
    "GET /:index/:collection/_export export", "GET /:index/:collection/_search search",
    "GET /:index/:collection/:_id get", "GET /:index/:collection/_mGet mGet",
    "GET /:index/:collection/:_id/_exists exists", "POST /:index/:collection/_mExists mExists",
    "GET /_scroll/:scrollId scroll", "POST /:index/:collection/_count count",
    "POST /:index/:collection/_create create", "POST /:index/:collection/:_id/_create create",
    "POST /:index/:collection/_export export", "POST /:index/:collection/_search search",
    "POST /:index/:collection/_mGet mGet", "POST /:index/:collection/_mCreate mCreate",
    "POST /:index/:collection/_mUpsert mUpsert", "POST /:index/:collection/:_id/_upsert upsert",
    "POST /:index/:collection/_validate validate", "DELETE /:index/:collection/:_id delete",
    "DELETE /:index/:collection/:_id/_fields deleteFields", "DELETE /:index/:collection/_query deleteByQuery",
    "DELETE /:index/:collection/_mDelete mDelete", "PUT /:index/:collection/:_id createOrReplace",
    "PUT /:index/:collection/_mCreateOrReplace mCreateOrReplace", "PUT /:index/:collection/:_id/_replace replace",
    "PUT /:index/:collection/_mReplace mReplace", "PUT /:index/:collection/_mUpdate mUpdate",
    "PUT /:index/:collection/:_id/_update update", "PUT /:index/:collection/:_id/_upsert upsert",
    "PUT /:index/:collection/_query updateByQuery", "PATCH /:index/:collection/_mUpdate mUpdate",
    "PATCH /:index/:collection/:_id/_update update",
  ],
  collection: [
    "GET /:index/:collection/_exists exists", "GET /:index/:collection/_mapping getMapping",
    "GET /:index/:collection/_settings getSettings", "GET /:index/:collection/_specifications getSpecifications",
    "GET /validations/_scroll/:scrollId scrollSpecifications", "GET /:index/_list list",
    "POST /:index/:collection/_validateSpecifications validateSpecifications",
    "POST /validations/_search searchSpecifications", "POST /:index/:collection/_refresh refresh",
    "DELETE /:index/:collection/_specifications deleteSpecifications",
    "DELETE /:index/:collection/_truncate truncate", "DELETE /:index/:collection delete",
    "PUT /:index/:collection create", "POST /:index/:collection update",
    "PUT /:index/:collection/_mapping updateMapping", "PUT /:index/:collection/_specifications updateSpecifications",
  ],
  admin: [
    "POST /admin/_refreshIndexCache refreshIndexCache", "POST /admin/_resetCache resetCache",
    "POST /admin/_resetSecurity resetSecurity", "POST /admin/_resetDatabase resetDatabase",
    "POST /admin/_resetKuzzleData resetKuzzleData", "POST /admin/_dump dump", "POST /admin/_shutdown/ shutdown",
    "POST /admin/_loadFixtures loadFixtures", "POST /admin/_loadMappings loadMappings",
    "POST /admin/_loadSecurities loadSecurities",
  ],
  index: [
    "GET /:index/_exists exists", "GET /:index/_autoRefresh getAutoRefresh", "GET /_list list",
    "GET /_storageStats stats", "POST /:index/_create create", "DELETE /:index delete", "DELETE /_mDelete mDelete",
    "DELETE /_mdelete mDelete",
  ],
  realtime: [
    "GET /_listSubscriptions list", "POST /:index/:collection/_publish publish",
  ],
  security: [
    "GET /profiles/:_id getProfile", "GET /profiles/:_id/_rights getProfileRights", "GET /roles/:_id getRole",
    "GET /users/:_id getUser", "GET /users/:_id/_strategies getUserStrategies", "GET /users/_mGet mGetUsers",
    "GET /users/:_id/_rights getUserRights", "GET /profiles/_mapping getProfileMapping",
    "GET /roles/_mapping getRoleMapping", "GET /users/_mapping getUserMapping",
    "GET /users/_scroll/:scrollId scrollUsers", "GET /credentials/:strategy/:_id getCredentials",
    "GET /credentials/:strategy/:_id/_byId getCredentialsById",
    "GET /credentials/:strategy/:_id/_exists hasCredentials",
    "GET /credentials/:strategy/_fields getCredentialFields", "GET /credentials/_fields getAllCredentialFields",
    "GET /profiles/_scroll/:scrollId scrollProfiles", "POST /_security/:collection/_refresh refresh",
    "POST /_createFirstAdmin/:_id createFirstAdmin", "POST /_createFirstAdmin createFirstAdmin",
    "POST /_restrictDefaultRights restrictDefaultRights",
    "POST /credentials/:strategy/:_id/_create createCredentials", "POST /profiles/:_id/_create createProfile",
    "POST /roles/:_id/_create createRole", "POST /users/_createRestricted createRestrictedUser",
    "POST /users/:_id/_createRestricted createRestrictedUser", "POST /users/_create createUser",
    "POST /users/:_id/_create createUser", "POST /profiles/_mDelete mDeleteProfiles",
    "POST /roles/_mDelete mDeleteRoles", "POST /users/_mDelete mDeleteUsers", "POST /profiles/_mGet mGetProfiles",
    "POST /users/_mGet mGetUsers", "POST /roles/_mGet mGetRoles", "POST /profiles/_search searchProfiles",
    "POST /roles/_search searchRoles", "POST /users/_search searchUsers",
    "POST /credentials/:strategy/users/_search searchUsersByCredentials", "POST /users/:_id/_upsert upsertUser",
    "POST /credentials/:strategy/:_id/_validate validateCredentials", "POST /_checkRights/:userId checkRights",
    "POST /users/:userId/api-keys/_create createApiKey", "POST /users/:userId/api-keys/_search searchApiKeys",
    "DELETE /profiles/:_id deleteProfile", "DELETE /roles/:_id deleteRole", "DELETE /users/:_id deleteUser",
    "DELETE /credentials/:strategy/:_id deleteCredentials", "DELETE /users/:_id/tokens revokeTokens",
    "DELETE /users/:userId/api-keys/:_id deleteApiKey", "PUT /profiles/:_id createOrReplaceProfile",
    "PUT /roles/:_id createOrReplaceRole", "PUT /credentials/:strategy/:_id/_update updateCredentials",
    "PUT /profiles/:_id/_update updateProfile", "PUT /roles/:_id/_update updateRole",
    "PUT /users/:_id/_update updateUser", "PUT /users/:_id/_replace replaceUser",
    "PUT /profiles/_mapping updateProfileMapping", "PUT /roles/_mapping updateRoleMapping",
    "PUT /users/_mapping updateUserMapping",
  ],
  server: [
    "GET /_adminExists adminExists", "GET /_getAllStats getAllStats", "GET /_getConfig getConfig",
    "GET /_capabilities capabilities", "GET /_getLastStats getLastStats", "GET /_getStats getStats", "GET / info",
    "GET /_healthCheck healthCheck", "GET /_serverInfo info", "GET /_now now", "GET /_publicApi publicApi",
    "GET /_openapi openapi", "GET /_metrics metrics",
  ],
  cluster: [
    "GET /cluster/_status status",
  ],
  bulk: [
    "POST /:index/:collection/_bulk import", "POST /:index/:collection/_mWrite mWrite",
    "POST /:index/:collection/_write write", "DELETE /:index/:collection/_bulk/_query deleteByQuery",
    "PATCH /:index/:collection/_bulk/_query updateByQuery",
  ],
};

/**
 * The memory-storage routes ("ms" controller), compacted: the action is the path's first segment without its "_",
 * or given after "=".
 */
const MS_ROUTES: Record<string, string> = {
  GET:
    '_bitcount/:_id _bitpos/:_id _dbsize _getbit/:_id _getrange/:_id _exists _geodist/:_id/:member1/:member2 ' +
    '_geohash/:_id _geopos/:_id _georadius/:_id _georadiusbymember/:_id _hexists/:_id/:field _hget/:_id/:field ' +
    '_hgetall/:_id _hkeys/:_id _hlen/:_id _hmget/:_id _hscan/:_id _hstrlen/:_id/:field _hvals/:_id _keys/:pattern ' +
    '_lindex/:_id/:idx _llen/:_id _lrange/:_id _mget _object/:_id _pfcount _ping _pttl/:_id _randomkey _scan ' +
    '_scard/:_id _sdiff/:_id _sinter _sismember/:_id/:member _smembers/:_id _srandmember/:_id _sscan/:_id ' +
    '_strlen/:_id _sunion _time _ttl/:_id _type/:_id _zcard/:_id _zcount/:_id _zlexcount/:_id _zrange/:_id ' +
    '_zrangebylex/:_id _zrevrangebylex/:_id _zrangebyscore/:_id _zrank/:_id/:member _zrevrange/:_id ' +
    '_zrevrangebyscore/:_id _zrevrank/:_id/:member _zscan/:_id _zscore/:_id/:member :_id=get',
  POST:
    '_append/:_id _bgrewriteaof _bgsave _bitop/:_id _decr/:_id _decrby/:_id _expire/:_id _expireat/:_id _flushdb ' +
    '_geoadd/:_id _getset/:_id _hincrby/:_id _hincrbyfloat/:_id _hmset/:_id _hset/:_id _hsetnx/:_id _incr/:_id ' +
    '_incrby/:_id _incrbyfloat/:_id _linsert/:_id _lpop/:_id _lpush/:_id _lpushx/:_id _lset/:_id _ltrim/:_id ' +
    '_mexecute _mset _msetnx _persist/:_id _pexpire/:_id _pexpireat/:_id _pfadd/:_id _pfmerge/:_id _psetex/:_id ' +
    '_rename/:_id _renamenx/:_id _rpop/:_id _rpoplpush _rpush/:_id _rpushx/:_id _sadd/:_id _sdiffstore/:_id ' +
    '_set/:_id _setex/:_id _setnx/:_id _sinterstore _smove/:_id _sort/:_id _spop/:_id _sunionstore _touch ' +
    '_zadd/:_id _zincrby/:_id _zinterstore/:_id _zunionstore/:_id',
  DELETE:
    '=del _hdel/:_id _lrem/:_id _srem/:_id _zrem/:_id _zremrangebylex/:_id _zremrangebyrank/:_id ' +
    '_zremrangebyscore/:_id',
};

export interface RouteEntry {
  verb: string;
  path: string;
  controller: string;
  action: string;
}

/** Every native route, the memory-storage ones last. */
export function nativeRoutes(): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const [controller, list] of Object.entries(NATIVE_ROUTES)) {
    for (const line of list) {
      const [verb = '', path = '', action = ''] = line.split(' ');
      routes.push({ verb, path, controller, action });
    }
  }
  for (const [verb, list] of Object.entries(MS_ROUTES)) {
    for (const item of list.split(' ')) {
      const [tail = '', named] = item.split('=');
      const action = named ?? tail.split('/')[0]!.slice(1);
      routes.push({ verb, path: tail === '' ? '/ms' : `/ms/${tail}`, controller: 'ms', action });
    }
  }
  return routes;
}
