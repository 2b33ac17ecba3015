import { splitUrl, type HttpRequest, type HttpResponse } from '../../src/core/http-exchange.ts';
import type { DeviceHiveContext } from './context.ts';
import { fail, isFailure, type Failure } from './failure.ts';
import { MESSAGES } from './messages.ts';
import { filterAuthorization } from './rest-auth.ts';
import type { RestHandler } from './rest-call.ts';
import { getInfo } from './rest-info.ts';
import { restEmpty, restFailure } from './rest-respond.ts';
import { postToken, postTokenCreate, postTokenRefresh } from './rest-token-routes.ts';
import { getUserCount, getUsers } from './rest-user-list.ts';
import { putUserById, putUserCurrent } from './rest-user-update.ts';
import { deleteUserById, getUserById, getUserCurrent, postUser } from './rest-user-routes.ts';

/** The REST base under the Docker context path (devicehive.md §1.1). */
export const REST_BASE = '/api/rest';

type Methods = Partial<Record<string, RestHandler>>;

const FIXED: Record<string, Methods> = {
  '/info': { GET: getInfo },
  '/token': { POST: postToken },
  '/token/refresh': { POST: postTokenRefresh },
  '/token/create': { POST: postTokenCreate },
  '/user': { GET: getUsers, POST: postUser },
  '/user/count': { GET: getUserCount },
  '/user/current': { GET: getUserCurrent, PUT: putUserCurrent },
};
const BY_ID: Methods = { GET: getUserById, PUT: putUserById, DELETE: deleteUserById };

/** Jersey's {id} is a Long: anything else (or a broken %-escape) does not match the template (404). */
function longId(text: string): number | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  return /^-?\d{1,16}$/.test(decoded) && Number.isSafeInteger(Number(decoded)) ? Number(decoded) : undefined;
}

function match(ctx: DeviceHiveContext, method: string, route: string): { handler: RestHandler; id?: number } | Failure {
  const deviates = (id: string) => ctx.behaviour.deviates(id);
  const verb = method === 'HEAD' ? 'GET' : method;
  const fixed = Object.hasOwn(FIXED, route) ? FIXED[route] : undefined;
  // devicehive.updateCurrent.route.put-user-current: the deviation does not know the keyword.
  const currentUnknown = route === '/user/current' && verb === 'PUT' && deviates('devicehive.updateCurrent.route.put-user-current');
  if (fixed && !currentUnknown) {
    const handler = fixed[verb];
    return handler ? { handler } : fail(405, MESSAGES.HTTP_405);
  }
  const idText = /^\/user\/([^/]+)$/.exec(route)?.[1];
  if (idText === undefined) return fail(404, MESSAGES.HTTP_404);
  const id = longId(idText);
  const handler = BY_ID[verb];
  if (!handler) return fail(405, MESSAGES.HTTP_405);
  if (verb === 'PUT') {
    // devicehive.updateUser.validation.id-integer: the deviation takes any other id for the caller.
    if (id === undefined && deviates('devicehive.updateUser.validation.id-integer')) return { handler: putUserCurrent };
    // devicehive.updateUser.route.put-user-id
    if (deviates('devicehive.updateUser.route.put-user-id')) return fail(404, MESSAGES.HTTP_404);
  }
  return id === undefined ? fail(404, MESSAGES.HTTP_404) : { handler, id };
}

/** Every REST request: outside /api/rest a 404; inside, the authentication filter first, then the route. */
export async function handleRest(ctx: DeviceHiveContext, request: HttpRequest): Promise<HttpResponse> {
  const { path } = splitUrl(request.url);
  if (path !== REST_BASE && !path.startsWith(`${REST_BASE}/`)) return restFailure(ctx, fail(404, MESSAGES.HTTP_404), path);
  // A CORS preflight: Jersey answers OPTIONS itself; SimpleCORSFilter adds the headers.
  if (request.method === 'OPTIONS') return restEmpty(200);
  const principal = await filterAuthorization(ctx, request.headers.authorization);
  if (isFailure(principal)) return restFailure(ctx, principal, path);
  const route = match(ctx, request.method, path.slice(REST_BASE.length));
  if (isFailure(route)) return restFailure(ctx, route, path);
  const result = await route.handler({ ctx, request, principal, id: route.id });
  if (isFailure(result)) return restFailure(ctx, result, path);
  return request.method === 'HEAD' ? { ...result, body: null } : result;
}
