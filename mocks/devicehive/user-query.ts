import type { DeviceHiveContext } from './context.ts';
import { fail, type Failure } from './failure.ts';
import { MESSAGES } from './messages.ts';
import type { UserRecord } from './users.ts';

/** The filter of user/count and GET /user/count (CountUserRequest); absent fields do not filter. */
export interface UserFilter {
  login?: string;
  loginPattern?: string;
  role?: number;
  status?: number;
}

/** The query of user/list and GET /user (ListUserRequest): the filter, an order and a page. */
export interface UserQuery extends UserFilter {
  sortField?: string;
  sortOrder?: string;
  take?: number;
  skip?: number;
}

/** Constants.DEFAULT_TAKE and DEFAULT_SKIP, which ListUserRequest applies when the request has none. */
const DEFAULT_TAKE = 20;
const DEFAULT_SKIP = 0;

/** SQL LIKE as PostgreSQL runs it: % any run, _ one character, a backslash escapes, case-sensitive, whole text. */
function likeMatcher(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]!);
    else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 'u');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** CriteriaHelper.userListPredicates: loginPattern wins over login; role and status are equalities. */
function matching(ctx: DeviceHiveContext, filter: UserFilter): UserRecord[] {
  const like = filter.loginPattern === undefined ? undefined : likeMatcher(filter.loginPattern);
  return ctx.users.all().filter((user) => {
    if (like ? !like.test(user.login) : filter.login !== undefined && user.login !== filter.login) return false;
    return (filter.role === undefined || user.role === filter.role) && (filter.status === undefined || user.status === filter.status);
  });
}

export function countUsers(ctx: DeviceHiveContext, filter: UserFilter): number {
  return matching(ctx, filter).length;
}

/**
 * UserHandlers.processUserList / UserResourceImpl.list: sortField only id or login (any case), sortOrder ASC or DESC
 * (SortOrder.parse), then the page. Without a sortField the database's order stands, which for the mock is the id.
 */
export function listUsers(ctx: DeviceHiveContext, query: UserQuery): UserRecord[] | Failure {
  const field = query.sortField?.toLowerCase();
  if (field !== undefined && field !== 'id' && field !== 'login') return fail(400, MESSAGES.INVALID_REQUEST_PARAMETERS);
  const order = query.sortOrder?.toUpperCase();
  if (order !== undefined && order !== 'ASC' && order !== 'DESC') return fail(400, MESSAGES.UNPARSEABLE_SORT_ORDER(query.sortOrder!));
  const users = matching(ctx, query);
  if (field !== undefined) {
    const sign = order === 'DESC' ? -1 : 1;
    users.sort((a, b) => sign * (field === 'id' ? a.id - b.id : a.login < b.login ? -1 : a.login > b.login ? 1 : 0));
  }
  const skip = Math.max(0, query.skip ?? DEFAULT_SKIP);
  return users.slice(skip, skip + Math.max(0, query.take ?? DEFAULT_TAKE));
}
