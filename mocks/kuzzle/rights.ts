import { restrictionsOf } from './profile-model.ts';
import type { KuzzleState, RoleControllers } from './state.ts';

/** Role.isActionAllowed (lib/model/security/role.ts): the controller or "*", then the action or "*", must be true. */
function roleAllows(controllers: RoleControllers | undefined, controller: string, action: string): boolean {
  if (!controllers) return false;
  const memoryStorage = controller === 'ms' || controller === 'memoryStorage';
  const rights =
    (memoryStorage ? (controllers.ms ?? controllers.memoryStorage) : undefined) ??
    (Object.hasOwn(controllers, controller) ? controllers[controller] : controllers['*']);
  if (!rights?.actions) return false;
  const value = Object.hasOwn(rights.actions, action) ? rights.actions[action] : rights.actions['*'];
  return value === true;
}

/** Role.checkRestrictions: restrictions only matter for actions on an index. */
function withinRestrictions(restrictions: Map<string, string[]> | undefined, index: unknown, collection: unknown): boolean {
  if (!restrictions || restrictions.size === 0 || !index) return true;
  const collections = restrictions.get(String(index));
  if (collections === undefined) return false;
  return collections.length === 0 || collections.includes(String(collection));
}

/**
 * User.isActionAllowed: some policy of some profile of the user has a role allowing controller:action, within the
 * policy's index/collection restrictions.
 */
export function isActionAllowed(
  state: KuzzleState,
  profileIds: readonly string[],
  request: { controller: string; action: string; index?: unknown; collection?: unknown },
): boolean {
  for (const profileId of profileIds) {
    const profile = state.profiles.get(profileId)?.source;
    for (const policy of profile?.policies ?? []) {
      const role = state.roles.get(policy.roleId)?.source;
      if (roleAllows(role?.controllers, request.controller, request.action) && withinRestrictions(restrictionsOf(policy), request.index, request.collection)) {
        return true;
      }
    }
  }
  return false;
}
