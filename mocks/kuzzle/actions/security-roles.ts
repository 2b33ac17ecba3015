import { getBody, getBoolean, getId, getRefresh } from '../args.ts';
import { PROTECTED_IDS } from '../builtins.ts';
import type { ActionHandler } from '../context.ts';
import { kerror } from '../errors.ts';
import { isNativeAction, nativeControllers } from '../native-api.ts';
import type { RoleControllers } from '../state.ts';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Role.validateDefinition and validateControllerRights (lib/model/security/role.ts). */
function validateControllers(id: string, controllers: unknown): asserts controllers is RoleControllers {
  if (controllers === null || controllers === undefined) throw kerror('api.assert.missing_argument', `${id}.controllers`);
  if (!isPlainObject(controllers)) throw kerror('api.assert.invalid_type', `${id}.controllers`, 'object');
  if (Object.keys(controllers).length === 0) throw kerror('api.assert.empty_argument', `${id}.controllers`);
  for (const [name, rights] of Object.entries(controllers)) {
    if (!isPlainObject(rights)) throw kerror('api.assert.invalid_type', name, 'object');
    if (Object.keys(rights).length === 0) throw kerror('api.assert.empty_argument', name);
    if (!Object.hasOwn(rights, 'actions')) throw kerror('api.assert.missing_argument', name);
    if (!isPlainObject(rights.actions)) throw kerror('api.assert.invalid_type', `${name}.actions`, 'object');
    if (Object.keys(rights.actions).length === 0) throw kerror('api.assert.empty_argument', `${name}.actions`);
    for (const [action, value] of Object.entries(rights.actions)) {
      if (typeof value !== 'boolean') throw kerror('api.assert.invalid_type', `${name}.actions.${action}`, 'boolean');
    }
  }
}

/** Role.canLogIn: the anonymous role must keep auth:login. */
function canLogIn(controllers: RoleControllers): boolean {
  return ['auth', '*'].some((c) => ['login', '*'].some((a) => controllers[c]?.actions[a] === true));
}

/**
 * roleRepository.checkRoleNativeRights / checkRolePluginsRights: native actions must exist; a controller that is not
 * native would be a plugin's, and there are none, so it is refused unless force. The "did you mean" hint is only
 * printed in development mode.
 */
function checkRights(id: string, controllers: RoleControllers, force: boolean): void {
  for (const [controller, rights] of Object.entries(controllers)) {
    const actions = Object.keys(rights.actions);
    if (controller === '*') {
      const bad = actions.find((a) => a !== '*');
      if (bad !== undefined) throw kerror('security.role.unknown_action', id, bad, '*', '');
    } else if (nativeControllers().has(controller)) {
      const bad = actions.find((a) => a !== '*' && !isNativeAction(controller, a));
      if (bad !== undefined) throw kerror('security.role.unknown_action', id, bad, controller, '');
    } else if (!force) {
      throw kerror('security.role.unknown_controller', id, controller, '');
    }
  }
}

/** security:createRole: {_id, _source: {controllers, _kuzzle_info}}, read back as stored (author null). */
export const createRole: ActionHandler = async ({ request, env }) => {
  const id = getId(request) as string;
  const body = getBody<Record<string, unknown>>(request);
  const force = getBoolean(request, 'force');
  const refresh = getRefresh(request, 'wait_for');
  const { _id: _ignoredId, _kuzzle_info: _ignoredInfo, controllers, ...rest } = Array.isArray(body) ? {} : body;
  validateControllers(id, controllers);
  if (id === 'anonymous' && !canLogIn(controllers)) throw kerror('security.role.login_required');
  checkRights(id, controllers, force);
  const source = { controllers, ...rest, _kuzzle_info: { author: null, createdAt: env.now(), updatedAt: null, updater: null } };
  const created = env.state.roles.create(id, source, { waitForRefresh: refresh === 'wait_for' });
  if (!created) throw kerror('services.storage.document_already_exists');
  return { _id: id, _source: structuredClone(created.source) };
};

export const getRole: ActionHandler = async ({ request, env }) => {
  const id = getId(request) as string;
  const doc = env.state.roles.get(id);
  if (!doc) throw kerror('security.role.not_found', id);
  return { _id: id, _source: structuredClone(doc.source) };
};

/** security:deleteRole (roleRepository.js:494-524): protected ids refused; a role a profile uses → 412 in_use. */
export const deleteRole: ActionHandler = async ({ request, env }) => {
  const id = getId(request) as string;
  if (!env.state.roles.has(id)) throw kerror('security.role.not_found', id);
  if (PROTECTED_IDS.includes(id)) throw kerror('security.role.cannot_delete');
  if (env.state.profiles.search((profile) => profile.policies.some((p) => p.roleId === id)).length > 0) throw kerror('security.role.in_use', id);
  env.state.roles.delete(id);
  return { _id: id };
};
