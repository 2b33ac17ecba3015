import type { DeviceHiveContext } from './context.ts';
import { fail, type Failure } from './failure.ts';
import { MESSAGES } from './messages.ts';

/**
 * What a user may reach: networks and device types (BaseUserService, UserService). The mock has neither networks nor
 * device types, so a user's lists are always empty and every lookup or assignment of one ends in "not found"; only the
 * allDeviceTypesAvailable switch is real state (it decides the dt claim of the user's login tokens).
 */

const missingUser = (id: number) => fail(404, MESSAGES.USER_NOT_FOUND(id));

/** getNetwork: the user first, then the network among the user's own (none here). */
export function userNetwork(ctx: DeviceHiveContext, userId: number, networkId: number): Failure {
  return ctx.users.get(userId) ? fail(404, MESSAGES.USER_NETWORK_NOT_FOUND(networkId, userId)) : missingUser(userId);
}

/** assignNetwork / unassignNetwork: the user first, then the network (none exists). */
export function networkAssignment(ctx: DeviceHiveContext, userId: number, networkId: number): Failure {
  return ctx.users.get(userId) ? fail(404, MESSAGES.NETWORK_NOT_FOUND(networkId)) : missingUser(userId);
}

/** getDeviceType: the user first, then the device type among the user's own (none here). */
export function userDeviceType(ctx: DeviceHiveContext, userId: number, deviceTypeId: number): Failure {
  return ctx.users.get(userId) ? fail(404, MESSAGES.USER_DEVICE_TYPE_NOT_FOUND(deviceTypeId, userId)) : missingUser(userId);
}

/** getDeviceTypes: every device type when all are available, else the assigned ones; both empty in the mock. */
export function userDeviceTypes(ctx: DeviceHiveContext, userId: number): [] | Failure {
  return ctx.users.get(userId) ? [] : missingUser(userId);
}

/** assignDeviceType / unassignDeviceType: refused while all device types are allowed, then the device type (none exists). */
export function deviceTypeAssignment(ctx: DeviceHiveContext, userId: number, deviceTypeId: number): Failure {
  const user = ctx.users.get(userId);
  if (!user) return missingUser(userId);
  if (user.allDeviceTypesAvailable) return fail(403, MESSAGES.DEVICE_TYPE_ASSIGNMENT_NOT_ALLOWED);
  return fail(404, MESSAGES.DEVICE_TYPE_NOT_FOUND(deviceTypeId));
}

/** allowAllDeviceTypes / disallowAllDeviceTypes: the switch, written as a whole row. */
export function setAllDeviceTypes(ctx: DeviceHiveContext, userId: number, allowed: boolean): Failure | undefined {
  const user = ctx.users.get(userId);
  if (!user) return missingUser(userId);
  ctx.users.save({ ...user, allDeviceTypesAvailable: allowed });
  return undefined;
}
