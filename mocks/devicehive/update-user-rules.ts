import type { DeviceHiveContext } from './context.ts';
import { fail, type Failure } from './failure.ts';
import { hiveValidatorMessage, MESSAGES } from './messages.ts';
import type { UserUpdate } from './user-update-body.ts';
import { ROLE, type Role } from './users.ts';

/** The caller as UserService sees it: the id and the role (REST: read per request; WebSocket: at authenticate). */
export interface Caller {
  id: number;
  role: Role;
}

/** Which operation asks: PUT /user/current and user/updateCurrent, or PUT /user/{id} and user/update. */
export type UpdateRoute = 'current' | 'id';

type Restricted = 'login' | 'role' | 'status' | 'password' | 'data' | 'introReviewed';

/**
 * The properties this caller may not change, by UserService.java:124-133 and the documents: "User-level accounts can
 * only change their own password and data fields."
 */
export function restrictedFields(ctx: DeviceHiveContext, update: UserUpdate, caller: Caller, route: UpdateRoute): Restricted[] {
  const deviates = (id: string) => ctx.behaviour.deviates(id);
  // devicehive.updateCurrent.role-restriction.admin-any-property: the deviation restricts administrators on /current too.
  const restricted = caller.role === ROLE.CLIENT || (route === 'current' && deviates('devicehive.updateCurrent.role-restriction.admin-any-property'));
  if (!restricted) return [];
  const fields: Restricted[] = [];
  // devicehive.updateCurrent.role-restriction.client-login-role-status: presence is checked, not change.
  if (!deviates('devicehive.updateCurrent.role-restriction.client-login-role-status')) {
    for (const key of ['login', 'role', 'status'] as const) if (update[key] !== undefined) fields.push(key);
    // devicehive.updateCurrent.default.null-as-absent: the deviation counts a JSON null as present.
    if (deviates('devicehive.updateCurrent.default.null-as-absent')) fields.push(...update.nulls);
  }
  // devicehive.updateCurrent.role-restriction.client-introreviewed: not the client's to change (the reference lets it).
  if (update.introReviewed !== undefined && !deviates('devicehive.updateCurrent.role-restriction.client-introreviewed')) fields.push('introReviewed');
  // devicehive.updateCurrent.role-restriction.client-password-data: the deviation refuses the client its own fields.
  if (deviates('devicehive.updateCurrent.role-restriction.client-password-data')) {
    if (update.password !== undefined) fields.push('password');
    if (update.data !== undefined) fields.push('data');
  }
  return fields;
}

/** StringUtils.trim: removes control characters and spaces (<= U+0020) from both ends. */
export function trimLogin(login: string): string {
  return login.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** UserService.java:70, "^.{6,128}$" on code points; Java's "." stops at line terminators. */
const PASSWORD = /^[^\n\r\u0085\u2028\u2029]{6,128}$/u;

export function passwordFailure(password: string): Failure | undefined {
  return PASSWORD.test(password) ? undefined : fail(400, MESSAGES.PASSWORD_VALIDATION_FAILED);
}

/**
 * role and status must name a value of the documents' lists. The reference maps them with values()[n] without a check:
 * out of range is an ArrayIndexOutOfBoundsException, answered 500 (devicehive.md §1.4 step 6).
 */
export function enumFailure(ctx: DeviceHiveContext, key: 'role' | 'status', value: number): Failure | undefined {
  const length = key === 'role' ? 2 : 3;
  if (value >= 0 && value < length) return undefined;
  // devicehive.all.validation.role-enum / devicehive.all.validation.status-enum
  if (ctx.behaviour.deviates(`devicehive.all.validation.${key}-enum`)) return fail(500, MESSAGES.INDEX_OUT_OF_BOUNDS(value, length));
  const message = value < 0 ? `The value of ${key} should not be less than 0.` : `The value of ${key} should not be more than ${length - 1}.`;
  return fail(400, hiveValidatorMessage([{ property: key, value, message }]));
}

/** Logins identify users at authentication: another user's login is refused (UserService.java:135-143). */
export function duplicateLoginFailure(ctx: DeviceHiveContext, login: string, selfId: number | undefined): Failure | undefined {
  const holder = ctx.users.byLogin(login);
  // devicehive.all.validation.login-unique
  if (!holder || holder.id === selfId || ctx.behaviour.deviates('devicehive.all.validation.login-unique')) return undefined;
  return fail(403, MESSAGES.DUPLICATE_LOGIN);
}

/** UserVO's rule, checked by HiveValidator: 1..128 characters (COMMON/vo/UserVO.java:49-54). */
export function voLoginFailure(login: string): Failure | undefined {
  if (login.length >= 1 && login.length <= 128) return undefined;
  return fail(400, hiveValidatorMessage([{ property: 'login', value: login, message: 'Field login cannot be empty. The length of login should not be more than 128 symbols.' }]));
}

/** The entity's rules, 3..128 and ^[\w@.-]+$, answered with their own texts (devicehive.md §1.4 step 10). */
export function entityLoginFailure(login: string): Failure | undefined {
  const messages = [login.length < 3 || login.length > 128 ? MESSAGES.LOGIN_SIZE : '', /^[\w@.-]+$/.test(login) ? '' : MESSAGES.LOGIN_PATTERN].join('');
  return messages ? fail(400, messages) : undefined;
}
