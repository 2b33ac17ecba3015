import { getBody, getInteger, getRefresh } from '../args.ts';
import type { ActionContext, ActionHandler } from '../context.ts';
import { kerror } from '../errors.ts';
import type { ApiRequest } from '../request.ts';
import type { UserSource } from '../state.ts';
import { serializeUser, usernameOf } from '../user-model.ts';

type Body = Record<string, unknown>;

/** The conflict window of the deviation whose retryOnConflict default is 0 (see updateSelf). */
const DEFAULT_ZERO_WINDOW_MS = 50;

/**
 * assertBodyHasNotAttributes(request, "_id", "profileIds") (baseController.ts:111-119): a key the body owns with a
 * truthy value is refused; a falsy one ({profileIds: null}) passes and is overridden by the merge.
 */
function assertNotForbidden(request: ApiRequest, escalates: boolean, retargets: boolean): void {
  const body = request.body;
  if (body === null || Array.isArray(body)) return;
  // kuzzle.updateSelf.field-exclusion.id-not-retargeted: the deviation lets body._id through (and retargets below).
  if (!retargets && Object.hasOwn(body, '_id') && body._id) throw kerror('api.assert.forbidden_argument', 'body._id');
  // kuzzle.updateSelf.field-exclusion.profile-ids-unchanged and kuzzle.updateSelf.role-restriction.no-self-escalation:
  // the deviations let body.profileIds through (and apply them below).
  if (!escalates && Object.hasOwn(body, 'profileIds') && body.profileIds) throw kerror('api.assert.forbidden_argument', 'body.profileIds');
}

/**
 * userRepository.update (userRepository.js:215-245): a top-level merge of the body over the stored user, with
 * _id, _kuzzle_info and profileIds always from the server side.
 */
function merge(context: ActionContext, current: UserSource, body: Body, escalates: boolean): UserSource {
  const { behaviour } = context.env;
  const { _id: _ignored, ...changes } = body;
  // kuzzle.updateSelf.validation.free-properties: the deviation stores every value as a string.
  if (behaviour.deviates('kuzzle.updateSelf.validation.free-properties')) {
    for (const [key, value] of Object.entries(changes)) changes[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  // kuzzle.updateSelf.route.top-level-merge: the deviation replaces the user's properties with the body.
  const base: Body = behaviour.deviates('kuzzle.updateSelf.route.top-level-merge') ? { profileIds: current.profileIds, _kuzzle_info: current._kuzzle_info } : current;
  const profileIds = escalates && Array.isArray(body.profileIds) ? (body.profileIds as string[]) : current.profileIds;
  const _kuzzle_info = { ...current._kuzzle_info, updatedAt: context.env.now(), updater: context.caller._id };
  return { ...base, ...changes, _kuzzle_info, profileIds } as UserSource;
}

/**
 * auth:updateSelf (authController.ts:506-532): the caller's own user, merged at the top level; the result is the
 * whole user ({_id, _source}), never its credentials.
 */
export const updateSelf: ActionHandler = async (context) => {
  const { request, caller, env } = context;
  const { behaviour, state } = env;
  if (caller._id === '-1') throw kerror('security.rights.unauthorized', 'auth', 'updateSelf');
  const escalates =
    behaviour.deviates('kuzzle.updateSelf.field-exclusion.profile-ids-unchanged') || behaviour.deviates('kuzzle.updateSelf.role-restriction.no-self-escalation');
  const retargets = behaviour.deviates('kuzzle.updateSelf.field-exclusion.id-not-retargeted');
  assertNotForbidden(request, escalates, retargets);
  const body = getBody<Body>(request);
  // kuzzle.updateSelf.default.refresh-wait-for: the default is wait_for; the deviation does not wait.
  const refresh = getRefresh(request, behaviour.deviates('kuzzle.updateSelf.default.refresh-wait-for') ? 'false' : 'wait_for');
  // kuzzle.updateSelf.default.retry-on-conflict: the deviation refuses the argument.
  if (behaviour.deviates('kuzzle.updateSelf.default.retry-on-conflict') && request.args.retryOnConflict !== undefined) {
    throw kerror('api.assert.invalid_type', 'retryOnConflict', 'integer');
  }
  // kuzzle.updateSelf.default.retry-on-conflict-concurrency: the documented default is 10; the deviation's is 0, so
  // an update without the argument conflicts with any other write of the user inside its conflict window. That
  // window is at least DEFAULT_ZERO_WINDOW_MS, as long as a storage round trip (get, then index): one event-loop
  // turn alone would let requests of one burst that arrive a turn apart pass, and the deviation go unseen by luck.
  const defaultZero = behaviour.deviates('kuzzle.updateSelf.default.retry-on-conflict-concurrency') && request.args.retryOnConflict === undefined;
  const retryOnConflict = defaultZero ? 0 : getInteger(request, 'retryOnConflict', 10);
  const target = retargets && typeof body._id === 'string' && state.users.has(body._id) ? body._id : caller._id;
  const before = state.users.get(target);
  if (!before) throw kerror('security.user.not_found', target);
  // Writes store new objects, never change a stored one: the version before the update stays as it was.
  const previous = before.source;
  const updated = await state.users.update(target, (current) => merge(context, current, body, escalates), {
    waitForRefresh: refresh === 'wait_for',
    retryOnConflict,
    ...(defaultZero ? { conflictWindowMs: Math.max(env.conflictWindowMs, DEFAULT_ZERO_WINDOW_MS) } : {}),
  });
  if (!updated) throw kerror('security.user.not_found', target);
  // kuzzle.updateSelf.envelope.result-user: the deviation answers the user as it was before the update.
  const source: Record<string, unknown> = { ...(behaviour.deviates('kuzzle.updateSelf.envelope.result-user') ? previous : updated.source) };
  // kuzzle.updateSelf.envelope.no-credentials: the deviation discloses the local credentials in _source.
  if (behaviour.deviates('kuzzle.updateSelf.envelope.no-credentials')) {
    const username = usernameOf(state, target);
    if (username !== undefined) source.credentials = { local: { username, password: state.credentials.get(username)?.source.password } };
  }
  return serializeUser(target, source);
};
