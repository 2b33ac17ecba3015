import type { DeviceHiveContext } from './context.ts';
import { fail, type Failure } from './failure.ts';
import type { Json } from './json.ts';
import { hiveValidatorMessage, MESSAGES, type Violation } from './messages.ts';
import { duplicateLoginFailure, entityLoginFailure, passwordFailure, trimLogin } from './update-user-rules.ts';
import { readUserUpdate, WRONG_TYPE, type UserUpdate } from './user-update-body.ts';
import { STATUS, type Role, type Status, type UserRecord } from './users.ts';

/** The bean-validation annotations of UserUpdate (COMMON/model/updates/UserUpdate.java:39-53), checked on create only. */
function createViolations(user: UserUpdate): Violation[] {
  const out: Violation[] = [];
  const { login, role, status, password } = user;
  if (login !== undefined && (login.length < 1 || login.length > 128)) out.push({ property: 'login', value: login, message: 'Field login cannot be empty. The length of login should not be more than 128 symbols.' });
  if (role !== undefined && role > 1) out.push({ property: 'role', value: role, message: 'The value of role should not be more than 1.' });
  if (role !== undefined && role < 0) out.push({ property: 'role', value: role, message: 'The value of role should not be less than 0.' });
  if (status !== undefined && status > 3) out.push({ property: 'status', value: status, message: 'The value of status should not be more than 3.' });
  if (status !== undefined && status < 0) out.push({ property: 'status', value: status, message: 'The value of status should not be less than 0.' });
  if (password !== undefined && password.length > 128) out.push({ property: 'password', value: password, message: 'The length of password should not be more than 128 symbols.' });
  return out;
}

/**
 * POST /user, a fixture route (UserResourceImpl.insertUser, UserService.createUser; devicehive.md §2). The documents
 * say nothing about it, so it answers as the reference does, quirks included (status 3 passes the annotations and
 * fails as UserStatus.values()[3]).
 */
export function createUser(ctx: DeviceHiveContext, body: Json | undefined, wrongType: string = MESSAGES.INVALID_REQUEST_PARAMETERS): UserRecord | Failure {
  const user = readUserUpdate(body, ctx.behaviour);
  // A field of the wrong type is Jersey's binding error over REST, Gson's "Malformed Json received." over WebSocket.
  if (user === WRONG_TYPE) return fail(400, wrongType);
  if (user === null) return fail(400, 'Error! Validation failed: Object is null');
  const violations = createViolations(user);
  if (violations.length > 0) return fail(400, hiveValidatorMessage(violations));
  if (user.status === 3) return fail(500, MESSAGES.INDEX_OUT_OF_BOUNDS(3, 3));
  if (user.login === undefined) return fail(400, hiveValidatorMessage([{ property: 'login', value: null, message: 'login field cannot be null.' }]));
  if (user.role === undefined) return fail(400, MESSAGES.INVALID_USER_ROLE);
  const login = trimLogin(user.login);
  const taken = duplicateLoginFailure(ctx, login, undefined);
  if (taken) return taken;
  if (user.password === undefined || user.password === '') return fail(400, MESSAGES.PASSWORD_VALIDATION_FAILED);
  const invalid = passwordFailure(user.password) ?? entityLoginFailure(login);
  if (invalid) return invalid;
  return ctx.users.insert({
    login,
    password: user.password,
    role: user.role as Role,
    status: (user.status ?? STATUS.ACTIVE) as Status,
    lastLogin: null,
    data: user.data?.value ?? null,
    introReviewed: user.introReviewed ?? false,
    allDeviceTypesAvailable: true,
    loginAttempts: 0,
  });
}
