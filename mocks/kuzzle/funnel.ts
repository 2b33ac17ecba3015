import { exceedsJsonDepth } from '../../src/core/json-depth.ts';
import { KUZZLE_MAX_JSON_DEPTH } from './json-depth-limit.ts';
import { VersionConflictError } from '../../src/core/store.ts';
import { ACTIONS } from './actions/index.ts';
import type { ActionContext, Caller, KuzzleContext } from './context.ts';
import { kerror, wrapUnexpected } from './errors.ts';
import type { Outcome } from './envelope.ts';
import { isNativeAction, nativeControllers } from './native-api.ts';
import type { ApiRequest } from './request.ts';
import { isActionAllowed } from './rights.ts';
import { checkSdkVersion, rejectUnknownArguments } from './request-checks.ts';
import { verifyToken, type VerifiedToken } from './tokens.ts';
import { anonymousCaller, loadUser } from './user-model.ts';

/** What a transport needs back: the outcome, and the token the request was authenticated with (for TokenExpired). */
export interface Execution {
  outcome: Outcome;
  token?: VerifiedToken;
}

function error(e: unknown): Outcome {
  if (e instanceof VersionConflictError) return { error: kerror('services.storage.too_many_changes', e.id) };
  return { error: wrapUnexpected(e) };
}

/**
 * Elasticsearch refuses a document nested deeper than it reads (KUZZLE_MAX_JSON_DEPTH) with a 400 that Kuzzle
 * embeds as services.storage.unexpected_bad_request; the body is refused before any action keeps it, so no stored
 * record is ever too deep for a later read, answer or state save to serialize. The reason is Jackson's text
 * (StreamReadConstraints), as Elasticsearch forwards it.
 */
export function assertStorableDepth(body: unknown): void {
  if (!exceedsJsonDepth(body, KUZZLE_MAX_JSON_DEPTH)) return;
  throw kerror(
    'services.storage.unexpected_bad_request',
    `failed to parse: Document nesting depth (${KUZZLE_MAX_JSON_DEPTH + 1}) exceeds the maximum allowed (${KUZZLE_MAX_JSON_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
  );
}

/** Token verification (step 4), with the two deviations that change whose token a request runs with. */
async function authenticate(env: KuzzleContext, request: ApiRequest): Promise<{ token: VerifiedToken; caller: Caller }> {
  const operation = `${request.controller}:${request.action}`;
  // kuzzle.updateProfile.auth.token: the deviation never reads the caller's token for updateProfile.
  const jwt = operation === 'security:updateProfile' && env.behaviour.deviates('kuzzle.updateProfile.auth.token') ? null : request.jwt;
  const token = await verifyToken(env.tokens, jwt);
  return { token, caller: loadUser(env.state, token.userId) };
}

/** The funnel's steps 5 and 7: rights, then controller and action lookup (kuzzle.md §2.5). */
function authorize(env: KuzzleContext, request: ApiRequest, caller: Caller): void {
  const controller = request.controller as string;
  const action = request.action as string;
  const target = { controller, action, index: request.args.index, collection: request.args.collection };
  if (!isActionAllowed(env.state, caller.source.profileIds, target)) {
    throw kerror(caller._id === '-1' ? 'security.rights.unauthorized' : 'security.rights.forbidden', controller, action, caller._id);
  }
  if (!nativeControllers().has(controller)) throw kerror('api.process.controller_not_found', controller);
  // kuzzle.updateSelf.route.message / kuzzle.updateProfile.route.message: the deviations drop the action from the
  // WebSocket and MQTT API (HTTP keeps it).
  const dropped =
    request.protocol !== 'http' &&
    ((request.action === 'updateSelf' && controller === 'auth' && env.behaviour.deviates('kuzzle.updateSelf.route.message')) ||
      (request.action === 'updateProfile' && controller === 'security' && env.behaviour.deviates('kuzzle.updateProfile.route.message')));
  // An action Kuzzle has but the mock does not serve answers like an unknown action.
  if (!isNativeAction(controller, action) || !ACTIONS[`${controller}:${action}`] || dropped) {
    throw kerror('api.process.action_not_found', controller, action);
  }
}

/**
 * kuzzle.updateSelf.auth.token-required: the deviation answers an updateSelf without a valid token with the
 * anonymous user merged with the body, storing nothing.
 */
async function anonymousUpdateSelf(env: KuzzleContext, request: ApiRequest): Promise<Outcome | undefined> {
  if (`${request.controller}:${request.action}` !== 'auth:updateSelf' || !env.behaviour.deviates('kuzzle.updateSelf.auth.token-required')) return undefined;
  const valid = request.jwt !== null && (await verifyToken(env.tokens, request.jwt).then(() => true, () => false));
  if (valid) return undefined;
  const anonymous = anonymousCaller();
  const body = request.body && !Array.isArray(request.body) ? request.body : {};
  assertStorableDepth(body);
  return { result: { _id: anonymous._id, _source: { ...anonymous.source, ...body, profileIds: anonymous.source.profileIds } } };
}

/** Funnel.execute: the order of checks of kuzzle.md §2.5, then the action; every failure is a KuzzleError. */
export async function execute(env: KuzzleContext, request: ApiRequest): Promise<Execution> {
  if (!request.controller) return { outcome: { error: kerror('api.assert.missing_argument', 'controller') } };
  if (!request.action) return { outcome: { error: kerror('api.assert.missing_argument', 'action') } };
  let token: VerifiedToken | undefined;
  try {
    const targets = request.args.targets;
    if (Array.isArray(targets) && targets.length > 0 && (request.args.index || request.args.collection)) {
      throw kerror('api.assert.mutually_exclusive', 'index, collection', 'targets');
    }
    const shortcut = await anonymousUpdateSelf(env, request);
    if (shortcut) return { outcome: shortcut };
    const authenticated = await authenticate(env, request);
    token = authenticated.token;
    authorize(env, request, authenticated.caller);
    checkSdkVersion(request);
    rejectUnknownArguments(env.behaviour, request);
    assertStorableDepth(request.body);
    const handler = ACTIONS[`${request.controller}:${request.action}`]!;
    const context: ActionContext = { request, caller: authenticated.caller, token, env };
    return { outcome: { result: await handler(context) }, token };
  } catch (e) {
    return { outcome: error(e), token };
  }
}
