import { nativeRoutes, type RouteEntry } from './http-routes.ts';

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

let cache: Map<string, string[]> | undefined;

/** controller → actions; memoryStorage and its alias ms hold the memory-storage commands of the routes. */
export function nativeControllers(): Map<string, string[]> {
  if (cache) return cache;
  cache = new Map(Object.entries(ACTIONS).map(([name, list]) => [name, list.split(' ')]));
  const ms = [...new Set(nativeRoutes().filter((r) => r.controller === 'ms').map((r) => r.action))];
  cache.set('memoryStorage', ms);
  cache.set('ms', ms);
  return cache;
}

export function isNativeAction(controller: string, action: string): boolean {
  return nativeControllers().get(controller)?.includes(action) ?? false;
}

export type ApiDefinition = Record<string, Record<string, { action: string; controller: string; http?: Array<{ path: string; url: string; verb: string }> }>>;

/**
 * serverController._buildApiDefinition (serverController.js:345-389): controller → action → {action, controller,
 * http: [{path, url, verb}]}, the http key only for actions with routes, the routes in declaration order.
 */
export function buildApiDefinition(routes: RouteEntry[] = nativeRoutes()): ApiDefinition {
  const definition: ApiDefinition = {};
  for (const [name, actions] of nativeControllers()) {
    const list: ApiDefinition[string] = {};
    for (const action of actions) {
      const entry: ApiDefinition[string][string] = { action, controller: name };
      for (const route of routes) {
        const owner = route.controller === name || (name === 'memoryStorage' && route.controller === 'ms');
        if (owner && route.action === action) (entry.http ??= []).push({ path: route.path, url: route.path, verb: route.verb });
      }
      list[action] = entry;
    }
    definition[name] = list;
  }
  return definition;
}
