import type { HttpRequest, HttpResponse } from '../../src/core/http-exchange.ts';
import type { Behaviour } from '../../src/core/behaviour.ts';
import { envelope, errorResponse, NOT_IDENTIFIED, serverError } from './envelope.ts';
import { readFields } from './request-fields.ts';
import { checkToken, tokenFrom, type Claims } from './tokens.ts';
import { validateFields } from './validate-fields.ts';
import type { UserRow } from './users.ts';
import type { UserapiContext } from './context.ts';

/** The fields the document lets a user update. */
const UPDATABLE = ['name', 'surname', 'email', 'description'] as const;
/** "automatically excluded from updates and will be ignored if provided" */
const EXCLUDED = ['id', 'role', 'password', 'created_at', 'remember_token'] as const;
/** The users table's columns: what Laravel's query-builder update can write (userapi.md §1.4). */
const COLUMNS = new Set(['id', 'name', 'surname', 'role', 'email', 'password', 'description', 'image', 'created_at', 'updated_at', 'remember_token']);

/**
 * The real app's profile answers a missing, empty or unreadable json with its token problem's body (the action's
 * `!empty($params_array)` branch; userapi-observed.json: "invalid JSON in json=", "empty body"). The documented
 * profile says what is wrong instead: the document gives no text, and a precise one serves its users better.
 */
const REFERENCE_PROFILE = 'userapi-laravel';

/** The caller without a token, in the token-required deviation: no user (sub 0 is no row's id). */
const ANONYMOUS: Claims = { sub: 0, email: '', name: '', surname: null, description: null, image: null, iat: 0, exp: 0 };

async function caller(request: HttpRequest, ctx: UserapiContext): Promise<Claims | undefined> {
  const token = tokenFrom(request.headers, ctx.behaviour);
  if (token === undefined) {
    // userapi.update.auth.token-required: without a token the request goes on for an anonymous caller.
    return ctx.behaviour.deviates('userapi.update.auth.token-required') ? ANONYMOUS : undefined;
  }
  return checkToken(token, ctx.secret, ctx.behaviour, ctx.now());
}

/** Which of the requested keys are written, per the document (documented) or per the reference code (deviations). */
function writableKeys(fields: Record<string, unknown>, behaviour: Behaviour): string[] {
  const keys = Object.keys(fields).filter((k) => (UPDATABLE as readonly string[]).includes(k));
  const excluded: Record<(typeof EXCLUDED)[number], string> = {
    id: 'userapi.update.field-exclusion.id',
    role: 'userapi.update.field-exclusion.role',
    password: 'userapi.update.field-exclusion.password',
    created_at: 'userapi.update.field-exclusion.created-at',
    remember_token: 'userapi.update.field-exclusion.remember-token',
  };
  for (const [field, requirement] of Object.entries(excluded)) {
    const escalation = field === 'role' && behaviour.deviates('userapi.update.role-restriction.no-self-escalation');
    if (field in fields && (behaviour.deviates(requirement) || escalation)) keys.push(field);
  }
  // userapi.update.validation.unknown-field: the reference writes every real column it is given.
  if (behaviour.deviates('userapi.update.validation.unknown-field')) {
    for (const k of Object.keys(fields)) if (COLUMNS.has(k) && !keys.includes(k) && !(EXCLUDED as readonly string[]).includes(k)) keys.push(k);
  }
  return keys;
}

/** PUT /api/user/update: "updates the authenticated user's profile information". */
export async function updateUser(request: HttpRequest, ctx: UserapiContext): Promise<HttpResponse> {
  const { behaviour, table } = ctx;
  const claims = await caller(request, ctx);
  if (!claims) return errorResponse(behaviour, 400, NOT_IDENTIFIED);
  const read = readFields(request, behaviour);
  if (!read.ok) {
    // userapi.update.validation.json-invalid: the reference's unset() on a scalar throws (500).
    if (read.problem === 'scalar' && behaviour.deviates('userapi.update.validation.json-invalid')) return serverError();
    // userapi.update.validation.json-required: a missing json becomes an update that changes nothing.
    if (read.problem === 'missing' && behaviour.deviates('userapi.update.validation.json-required')) {
      return envelope(behaviour, 200, { status: 'success', user: claims, changes: {} });
    }
    return errorResponse(behaviour, 400, behaviour.profile === REFERENCE_PROFILE ? NOT_IDENTIFIED : read.detail);
  }
  const fields = read.fields;
  // userapi.update.validation.unknown-field: a key that is no column is an SQL error in the reference.
  if (behaviour.deviates('userapi.update.validation.unknown-field') && Object.keys(fields).some((k) => !COLUMNS.has(k))) return serverError();
  // userapi.update.role-restriction.own-profile-only: the json's id chooses whose row is written.
  const targetId = behaviour.deviates('userapi.update.role-restriction.own-profile-only') && typeof fields.id === 'number' ? fields.id : claims.sub;
  const target = table.get(String(targetId))?.source;
  // userapi.update.auth.token-required: the anonymous caller has no row, yet its fields are validated as anyone's
  // (every stored email is someone else's) and a valid request answers 200, writing nothing. A test that sends a
  // stored email without a token is refused here for the email, not for the token, and misses the deviation.
  const anonymous = claims === ANONYMOUS;
  if (!target && !anonymous) return errorResponse(behaviour, 400, NOT_IDENTIFIED);
  const others = table.all().map((d) => d.source);
  const errors = validateFields(fields, target?.id ?? ANONYMOUS.sub, others, behaviour);
  if (Object.keys(errors).length > 0) {
    const status = behaviour.deviates('userapi.update.validation.error-status-400') ? 422 : 400;
    return errorResponse(behaviour, status, Object.values(errors)[0]?.[0] ?? 'The given data was invalid.', { errors });
  }
  const keys = writableKeys(fields, behaviour);
  const changes: Record<string, unknown> = {};
  for (const k of keys) changes[k] = fields[k];
  if (!target) return success(behaviour, claims, changes);
  // userapi.update.default.description-kept: an omitted description is cleared.
  if (!('description' in fields) && behaviour.deviates('userapi.update.default.description-kept')) changes.description = null;
  const stamp = new Date(ctx.now()).toISOString().replace('T', ' ').slice(0, 19);
  // The reference's mass UPDATE takes the row lock: no conflict, the last writer wins. Written in the same turn as
  // the checks above (no await since the token was read), so the uniqueness check and the write are atomic: two
  // users taking one new address at once cannot both keep it, and no conflict error can escape.
  const updated = table.put(String(target.id), { ...target, ...(changes as Partial<UserRow>), updated_at: stamp }, { waitForRefresh: true });
  if (updated && updated.source.id !== target.id) {
    // A written id renumbers the row (field-exclusion.id deviation): keep the table keyed by id.
    table.delete(String(target.id));
    table.put(String(updated.source.id), updated.source, { waitForRefresh: true });
  }
  return success(behaviour, claims, changes);
}

function success(behaviour: Behaviour, claims: Claims, changes: Record<string, unknown>): HttpResponse {
  // userapi.update.envelope.user-claims: the row's id instead of the token's sub.
  const user = behaviour.deviates('userapi.update.envelope.user-claims') ? { id: claims.sub, email: claims.email } : claims;
  const body: Record<string, unknown> = { status: behaviour.deviates('userapi.update.envelope.success') ? 'ok' : 'success', user };
  // userapi.update.envelope.changes: one fork spells it "change".
  body[behaviour.deviates('userapi.update.envelope.changes') ? 'change' : 'changes'] = changes;
  // userapi.update.envelope.no-message-on-success
  if (behaviour.deviates('userapi.update.envelope.no-message-on-success')) body.message = 'El usuario se ha actualizado.';
  return envelope(behaviour, 200, body);
}
