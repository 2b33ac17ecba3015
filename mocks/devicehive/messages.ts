/**
 * The reference server's texts, named after their keys in devicehive-frontend/src/main/resources/messages.properties
 * (devicehive.md §1-§4): clients match on them, so they are copied exactly.
 */
export const MESSAGES = {
  UNAUTHORIZED: 'Unauthorized',
  TOKEN_EXPIRED: 'Token expired',
  INVALID_CREDENTIALS: 'Invalid credentials',
  ACCESS_DENIED: 'Access is denied',
  INVALID_REQUEST_PARAMETERS: 'Invalid request parameters',
  UNPARSEABLE_SORT_ORDER: (order: string) => `Unparseable sort order : ${order}`,
  USER_NOT_FOUND: (id: number | string) => `User with id = ${id} not found`,
  USER_LOGIN_NOT_FOUND: (login: string) => `User with login = ${login} not found or bad password`,
  USER_NOT_ACTIVE: 'User is locked or disabled',
  INVALID_AUTH_REQUEST_PARAMETERS: 'Invalid or empty authorization request parameters',
  DUPLICATE_LOGIN: 'User with such login already exists. Please, select another one',
  PASSWORD_VALIDATION_FAILED: 'Password can contain only from 6 to 128 symbols!',
  INVALID_USER_ROLE: 'User role is invalid or empty',
  USER_ID_REQUIRED: 'User id is wrong or empty',
  NETWORK_ID_REQUIRED: 'Network id is wrong or empty',
  DEVICE_TYPE_ID_REQUIRED: 'Device type id is wrong or empty',
  NETWORK_NOT_FOUND: (id: number) => `Network with id = ${id} not found`,
  DEVICE_TYPE_NOT_FOUND: (id: number) => `Device type with id = ${id} not found`,
  USER_NETWORK_NOT_FOUND: (networkId: number, userId: number) => `Network with id ${networkId} for user with id ${userId} was not found`,
  USER_DEVICE_TYPE_NOT_FOUND: (deviceTypeId: number, userId: number) => `Device type with id ${deviceTypeId} for user with id ${userId} not found`,
  DEVICE_TYPE_ASSIGNMENT_NOT_ALLOWED: 'Cannot assign device type to user with all device types allowed',
  USER_REQUIRED: 'User is required',
  ADMIN_PERMISSIONS_REQUIRED: 'Admin permissions required for this action',
  CANT_DELETE_CURRENT_USER_KEY: 'You can not delete a user or access key that you use to authenticate this request',
  CAN_NOT_GET_CURRENT_USER: 'Can not get current user.',
  INVALID_TOKEN_TYPE: 'Invalid token type',
  EXPIRED_TOKEN: 'Token has expired',
  PAYLOAD_NOT_FOUND: 'Missing or invalid payload in request',
  ACTIONS_TYPES: 'Actions list should contain only Strings or Integers',
  NULL_JWT: 'JWT String argument cannot be null or empty.',
  MALFORMED_JSON: 'Malformed Json received.',
  UNKNOWN_ENDPOINT: "'action' field could not be parsed to known endpoint",
  ILLEGAL_ARGUMENT: (action: string) => `Illegal argument: ${action}`,
  /** Jersey's own texts for routing failures (AllExceptionMapper keeps the exception message). */
  HTTP_400: 'HTTP 400 Bad Request',
  HTTP_404: 'HTTP 404 Not Found',
  HTTP_405: 'HTTP 405 Method Not Allowed',
  HTTP_413: 'HTTP 413 Request Entity Too Large',
  HTTP_415: 'HTTP 415 Unsupported Media Type',
  INTERNAL_SERVER_ERROR: 'Internal Server Error',
  /** The JPA entity's login rules (devicehive-rdbms-dao model/User.java:58-75). */
  LOGIN_SIZE: 'Field cannot be empty. The length of login should be from 3 to 128 symbols.',
  LOGIN_PATTERN: 'Login can contain only lowercase or uppercase letters, numbers, and some special symbols (_@.)',
  /** ArrayIndexOutOfBoundsException text of Java 17 for UserRole.values()[n] / UserStatus.values()[n]. */
  INDEX_OUT_OF_BOUNDS: (index: number, length: number) => `Index ${index} out of bounds for length ${length}`,
} as const;

/** One violation in HiveValidator's words: "On property <p> (value: <v>): <message> ; ". */
export interface Violation {
  property: string;
  value: unknown;
  message: string;
}

/** HiveValidator.buildMessage (CSVC/util/HiveValidator.java:52-72): the header, then one line per violation. */
export function hiveValidatorMessage(violations: Violation[]): string {
  const lines = violations.map((v) => `On property ${v.property} (value: ${v.value === undefined || v.value === null ? 'null' : String(v.value)}): ${v.message} ; `);
  return `Error! Make sure, that the passed object is correct and properly structured. Validation failed: \n${lines.join('\n')}`;
}
