import { formatMessage } from './format-message.ts';

/**
 * Every Kuzzle error the mock can answer, declared once: id → [code, status, message template]. Codes are
 * (domain << 24) | (subdomain << 16) | error, copied from kuzzle 2.56.0 lib/kerror/codes/*.json (kuzzle.md §10).
 */
const CATALOGUE = {
  'api.assert.invalid_type': [33619969, 400, 'Wrong type for argument "%s" (expected: %s)'],
  'api.assert.invalid_argument': [33619970, 400, 'Invalid argument "%s". Expected: %s'],
  'api.assert.missing_argument': [33619971, 400, 'Missing argument "%s".'],
  'api.assert.empty_argument': [33619972, 400, 'The argument "%s" is empty.'],
  'api.assert.mutually_exclusive': [33619973, 400, 'Arguments "%s" and "%s" are mutually exclusive'],
  'api.assert.unexpected_argument': [33619975, 400, 'Unexpected argument "%s" (accepted arguments: %s)'],
  'api.assert.body_required': [33619976, 400, 'The request must specify a body.'],
  'api.assert.forbidden_argument': [33619979, 400, 'The argument "%s" is not allowed by this API action.'],
  'api.process.overloaded': [33685506, 503, 'Request discarded: Kuzzle Server is temporarily overloaded.'],
  'api.process.controller_not_found': [33685508, 404, 'API controller "%s" not found.'],
  'api.process.action_not_found': [33685509, 404, 'API action "%s":"%s" not found'],
  'api.process.incompatible_sdk_version': [33685510, 400, 'Incompatible SDK client. Your SDK version (%s) does not match Kuzzle requirement (%s).'],
  'api.process.admin_exists': [33685513, 412, 'Admin user is already set.'],
  'security.token.invalid': [117506049, 401, 'Invalid token.'],
  'security.token.expired': [117506054, 401, 'Token expired'],
  'security.credentials.unknown_strategy': [117571585, 400, 'Unknown authentication strategy "%s"'],
  'security.credentials.database_inconsistency': [117571586, 500, 'Internal database inconsistency detected: existing credentials found on non-existing user %s.'],
  'security.rights.unauthorized': [117637121, 401, 'Unauthorized: authentication required to execute the action "%s:%s".'],
  'security.rights.forbidden': [117637122, 403, 'Insufficient permissions to execute the action "%s:%s" (User "%s").'],
  'security.user.already_exists': [117702657, 412, 'User %s already exists.'],
  'security.user.not_found': [117702658, 404, 'User "%s" not found.'],
  'security.user.no_profile': [117702663, 500, 'Cannot load user "%s": there is no security profiles associated to it'],
  'security.role.not_found': [117768193, 404, 'Role "%s" not found.'],
  'security.role.login_required': [117768194, 400, 'Cannot remove the "login" action from the anonymous role.'],
  'security.role.cannot_delete': [117768195, 400, 'The following roles are protected and cannot be deleted: anonymous, default, admin'],
  'security.role.in_use': [117768196, 412, 'The role "%s" is still used and cannot be deleted.'],
  'security.role.unknown_controller': [117768201, 400, "Trying to set role %s with a non-existing controller '%s'. %s"],
  'security.role.unknown_action': [117768202, 400, "Trying to set role %s with a non-existing action '%s' in controller '%s'. %s"],
  'security.profile.not_found': [117833729, 404, 'Profile "%s" not found.'],
  'security.profile.cannot_delete': [117833730, 400, 'The following profiles are protected and cannot be deleted: anonymous, default, admin'],
  'security.profile.in_use': [117833731, 412, 'The profile "%s" is still used and cannot be deleted.'],
  'security.profile.missing_anonymous_role': [117833733, 400, 'The anonymous profile must include the anonymous role'],
  'services.storage.unknown_index': [16842753, 412, 'The index "%s" does not exist.'],
  'services.storage.unknown_collection': [16842754, 412, 'The collection "%s":"%s" does not exist.'],
  'services.storage.document_already_exists': [16842769, 400, 'Document already exists.'],
  // Elasticsearch's version_conflict_engine_exception once retryOnConflict is exhausted (esWrapper.js:120-124).
  'services.storage.too_many_changes': [16842784, 500, 'Unable to modify document "%s": cluster sync failed (too many simultaneous changes applied)'],
  // Elasticsearch's own 400s, embedded with their reason (esWrapper.js): here, a document nested too deep.
  'services.storage.unexpected_bad_request': [16842785, 400, '%s'],
  'services.storage.index_already_exists': [16842790, 412, 'A %s index named "%s" already exists'],
  'services.storage.invalid_index_name': [16842793, 400, 'The index name "%s" is invalid'],
  'services.storage.invalid_collection_name': [16842794, 400, 'The collection name "%s" is invalid'],
  'services.storage.collection_reserved': [16842774, 400, 'Invalid collection name. "%s" is reserved for internal usage.'],
  'services.storage.unknown_query_keyword': [16842797, 400, 'The keyword "%s" is not part of Elasticsearch Query DSL. Are you trying to use a Koncorde query?'],
  'network.http.request_too_large': [50397185, 413, 'Maximum HTTP request size exceeded.'],
  'network.http.unexpected_error': [50397186, 400, 'Caught an unexpected HTTP error: %s'],
  'network.http.too_many_encodings': [50397187, 400, 'Too many encodings.'],
  'network.http.unsupported_compression': [50397188, 400, 'Unsupported compression algorithm "%s".'],
  'network.http.unsupported_verb': [50397190, 400, 'Unsupported HTTP verb "%s".'],
  'network.http.url_not_found': [50397191, 404, 'API URL not found: %s.'],
  'network.http.unsupported_content': [50397192, 400, 'Invalid request content-type. Expected "application/json", got: "%s".'],
  'network.http.unsupported_charset': [50397193, 400, 'Unsupported request charset. Expected "utf-8", got: "%s".'],
  'network.http.volatile_parse_failed': [50397195, 400, 'Unable to convert the "x-kuzzle-volatile" HTTP header to JSON: %s'],
  'network.http.body_parse_failed': [50397196, 400, 'Unable to convert the HTTP body to JSON: %s'],
  'network.mqtt.unexpected_error': [50462721, 400, 'Caught an unexpected MQTT error: %s'],
  'network.websocket.unexpected_error': [50528257, 400, 'Caught an unexpected WebSocket error: %s'],
  'plugin.runtime.unexpected_error': [67239938, 500, 'Caught an unexpected plugin error: %s'],
  'plugin.strategy.missing_user': [67305492, 401, '%s'],
} as const satisfies Record<string, readonly [number, number, string]>;

export type ErrorId = keyof typeof CATALOGUE;

/**
 * A Kuzzle error as data. Errors of the catalogue carry id, code and props; the low-level type assertions and the
 * local-strategy plugin raise id-less errors (message and status only), as Kuzzle does.
 */
export class KuzzleError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly id?: ErrorId,
    readonly code?: number,
    readonly props?: unknown[],
  ) {
    super(message);
    this.name = 'KuzzleError';
  }

  /** KuzzleError.toJSON in production: code, id, message, props, status (stack removed, undefined keys absent). */
  toJSON(): Record<string, unknown> {
    return { code: this.code, id: this.id, message: this.message, props: this.props, status: this.status };
  }
}

/**
 * Kuzzle's PluginImplementationError appends this to its message, so the real
 * server's answer to an internal failure ends with it (kuzzle-observed-2.json pair 78). Props keep the bare text.
 */
const PLUGIN_IMPLEMENTATION_SUFFIX = '\nThis is probably not a Kuzzle error, but a problem with a plugin implementation.';

/** The errors of the catalogue that are PluginImplementationErrors (status 500 of the plugin domain). */
const PLUGIN_IMPLEMENTATION: ReadonlySet<ErrorId> = new Set(['plugin.runtime.unexpected_error']);

/** kerror.get(id, ...placeholders). */
export function kerror(id: ErrorId, ...props: unknown[]): KuzzleError {
  const [code, status, template] = CATALOGUE[id];
  const message = formatMessage(template, props) + (PLUGIN_IMPLEMENTATION.has(id) ? PLUGIN_IMPLEMENTATION_SUFFIX : '');
  return new KuzzleError(message, status, id, code, props);
}

/** An id-less error, as `new BadRequestError(message)` (status 400) or a plugin's own error class. */
export function plainError(message: string, status = 400): KuzzleError {
  return new KuzzleError(message, status);
}

/** Any other exception, as Kuzzle's funnel wraps it (lib/api/funnel.js:1041-1053). */
export function wrapUnexpected(error: unknown): KuzzleError {
  if (error instanceof KuzzleError) return error;
  return kerror('plugin.runtime.unexpected_error', error instanceof Error ? error.message : String(error));
}
