import type { DeviceHiveContext } from './context.ts';
import { fail, type Failure } from './failure.ts';
import { parseJavaTimestamp } from './json.ts';
import { MESSAGES } from './messages.ts';
import type { UserUpdate } from './user-update-body.ts';
import {
  duplicateLoginFailure,
  entityLoginFailure,
  enumFailure,
  passwordFailure,
  restrictedFields,
  trimLogin,
  voLoginFailure,
  type Caller,
  type UpdateRoute,
} from './update-user-rules.ts';
import type { Role, Status, UserRecord } from './users.ts';

/**
 * UserService.updateUser (FE/service/UserService.java:111-174; devicehive.md §1.4), shared by PUT /user/{id},
 * PUT /user/current, user/update and user/updateCurrent. Every check runs before the single write, so a refused
 * update changes nothing (the reference's transaction rolls back).
 */
export function updateUser(ctx: DeviceHiveContext, targetId: number, update: UserUpdate | null, caller: Caller, route: UpdateRoute): Failure | undefined {
  const deviates = (id: string) => ctx.behaviour.deviates(id);
  const existing = ctx.users.get(targetId);
  if (!existing) {
    // devicehive.updateUser.validation.user-not-found: the deviation answers success and does nothing.
    return deviates('devicehive.updateUser.validation.user-not-found') ? undefined : fail(404, MESSAGES.USER_NOT_FOUND(targetId));
  }
  if (update === null) return undefined;
  const refused = restrictedFields(ctx, update, caller, route);
  if (refused.length > 0) {
    // devicehive.updateCurrent.role-restriction.client-rejected-403: the deviation drops them and applies the rest.
    if (!deviates('devicehive.updateCurrent.role-restriction.client-rejected-403')) return fail(403, MESSAGES.ADMIN_PERMISSIONS_REQUIRED);
    for (const key of refused) delete update[key];
  }
  const next: UserRecord = { ...existing };
  const failure = applyFields(ctx, next, update, route);
  if (failure) return failure;
  writeExcludedFields(ctx, existing, next, update);
  ctx.users.save(next);
  return undefined;
}

function applyFields(ctx: DeviceHiveContext, next: UserRecord, update: UserUpdate, route: UpdateRoute): Failure | undefined {
  const deviates = (id: string) => ctx.behaviour.deviates(id);
  if (update.login !== undefined) {
    // devicehive.all.validation.login-trimmed
    next.login = deviates('devicehive.all.validation.login-trimmed') ? update.login : trimLogin(update.login);
    const taken = duplicateLoginFailure(ctx, next.login, next.id);
    if (taken) return taken;
  }
  if (update.password === '') {
    // devicehive.updateCurrent.validation.password-empty: the reference ignores an empty password.
    if (deviates('devicehive.updateCurrent.validation.password-empty')) next.password = '';
  } else if (update.password !== undefined) {
    // devicehive.updateCurrent.validation.password-length
    const bad = deviates('devicehive.updateCurrent.validation.password-length') ? undefined : passwordFailure(update.password);
    if (bad) return bad;
    next.password = update.password;
  }
  // devicehive.updateUser.role-restriction.admin-any-property: the deviation ignores role and status on PUT /user/{id}.
  const keepRoleStatus = route === 'id' && deviates('devicehive.updateUser.role-restriction.admin-any-property');
  if (update.role !== undefined && !keepRoleStatus) {
    const bad = enumFailure(ctx, 'role', update.role);
    if (bad) return bad;
    next.role = update.role as Role;
  }
  if (update.status !== undefined && !keepRoleStatus) {
    const bad = enumFailure(ctx, 'status', update.status);
    if (bad) return bad;
    next.status = update.status as Status;
  }
  if (update.data !== undefined) {
    // devicehive.updateCurrent.validation.data-null: the deviation ignores {"data": null}.
    if (update.data.value !== null || !deviates('devicehive.updateCurrent.validation.data-null')) next.data = update.data.value;
  } else if (deviates('devicehive.updateCurrent.default.omitted-fields-unchanged')) {
    // The reference runs existing.setData(update.getData().orElse(null)): an update without data clears it.
    next.data = null;
  }
  if (update.introReviewed !== undefined) next.introReviewed = update.introReviewed;
  // devicehive.all.validation.login-empty: UserVO's and the entity's login rules.
  if (update.login !== undefined && !deviates('devicehive.all.validation.login-empty')) return voLoginFailure(next.login) ?? entityLoginFailure(next.login);
  return undefined;
}

/** devicehive.all.field-exclusion.id-not-updatable: id and lastLogin are not the client's; the deviation writes them. */
function writeExcludedFields(ctx: DeviceHiveContext, existing: UserRecord, next: UserRecord, update: UserUpdate): void {
  if (!ctx.behaviour.deviates('devicehive.all.field-exclusion.id-not-updatable')) return;
  const lastLogin = typeof update.lastLogin === 'string' ? parseJavaTimestamp(update.lastLogin) : undefined;
  if (lastLogin !== undefined) next.lastLogin = lastLogin;
  const id = update.id;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0 && !ctx.users.get(id)) {
    ctx.users.delete(existing.id);
    next.id = id;
  }
}
