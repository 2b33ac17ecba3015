/**
 * The JWT action ids and names (COMMON/auth/HiveAction.java, Constants.java:123-141; devicehive.md §3). Permissions
 * come from the token's actions, not from the user's role.
 */
export const ACTION = {
  ANY: 0,
  NONE: 1,
  GET_NETWORK: 2,
  GET_CURRENT_USER: 10,
  UPDATE_CURRENT_USER: 11,
  MANAGE_USER: 12,
  MANAGE_NETWORK: 14,
  MANAGE_TOKEN: 15,
  GET_DEVICE_TYPE: 17,
  MANAGE_DEVICE_TYPE: 18,
} as const;

const NAMES: ReadonlyArray<readonly [number, string]> = [
  [0, '*'],
  [2, 'GetNetwork'],
  [3, 'GetDevice'],
  [4, 'GetDeviceNotification'],
  [5, 'GetDeviceCommand'],
  [6, 'RegisterDevice'],
  [7, 'CreateDeviceCommand'],
  [8, 'UpdateDeviceCommand'],
  [9, 'CreateDeviceNotification'],
  [10, 'GetCurrentUser'],
  [11, 'UpdateCurrentUser'],
  [12, 'ManageUser'],
  [13, 'ManageConfiguration'],
  [14, 'ManageNetwork'],
  [15, 'ManageToken'],
  [16, 'ManagePlugin'],
  [17, 'GetDeviceType'],
  [18, 'ManageDeviceType'],
];

/** HiveAction.CLIENT_ACTIONS: what a client-role user's login token carries (no ManageUser). */
export const CLIENT_ACTIONS: readonly number[] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17];
/** HiveAction.KNOWN_ACTIONS: what `a` containing 0 ("*") grants. */
const KNOWN_ACTIONS: readonly number[] = [...CLIENT_ACTIONS, 12, 13, 14, 18].sort((a, b) => a - b);

/** HiveAction.fromString: case-insensitive; unknown names give undefined (and are dropped by callers). */
export function actionIdOf(name: string): number | undefined {
  const lower = name.toLowerCase();
  return NAMES.find(([, n]) => n.toLowerCase() === lower)?.[0];
}

/** HiveAction.fromId: ids 0..18. */
export function isActionId(id: number): boolean {
  return Number.isInteger(id) && id >= 0 && id <= 18;
}

/** What a token's `a` grants (JwtTokenAuthenticationProvider.java:84-93): "*" = every known action, [] = the client set. */
export function grantedActions(a: readonly number[] | null): ReadonlySet<number> {
  if (a === null) return new Set();
  if (a.includes(ACTION.ANY)) return new Set(KNOWN_ACTIONS);
  if (a.length === 0) return new Set(CLIENT_ACTIONS);
  return new Set(a.filter(isActionId));
}
