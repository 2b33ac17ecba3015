import { jsonResponse, splitUrl, type HttpRequest, type HttpResponse } from '../../src/core/http-exchange.ts';
import type { UserapiContext } from './context.ts';
import { preflightResponse, withCors } from './cors.ts';
import { envelope, errorResponse } from './envelope.ts';
import { login } from './login.ts';
import { updateUser } from './update-user.ts';
import { publicRow } from './users.ts';

const ROUTES: Record<string, string> = { '/api/user/update': 'PUT', '/api/login': 'POST' };

/** One HTTP exchange as the reference app answers it: index.php's CORS headers and preflight, then the routes. */
export async function route(request: HttpRequest, ctx: UserapiContext): Promise<HttpResponse> {
  if (request.method.toUpperCase() === 'OPTIONS') return preflightResponse();
  return withCors(await dispatch(request, ctx));
}

/** The routes of the reference code's routes/web.php that the document and its tests need. */
async function dispatch(request: HttpRequest, ctx: UserapiContext): Promise<HttpResponse> {
  const path = splitUrl(request.url).path.replace(/\/+$/, '') || '/';
  if (request.bodyTooLarge) return errorResponse(ctx.behaviour, 413, 'The request body is larger than 1 MB.');
  const method = request.method.toUpperCase();
  if (path === '/api/user/update' && method === 'PUT' && !ctx.behaviour.deviates('userapi.update.route.put-user-update')) {
    return updateUser(request, ctx);
  }
  if (path === '/api/login' && method === 'POST') return login(request, ctx.table, ctx.behaviour, ctx.secret, ctx.tokenTtlSeconds, ctx.now());
  const detail = /^\/api\/user\/detail\/([^/]+)$/.exec(path);
  if (detail && method === 'GET') {
    const row = /^\d+$/.test(detail[1] ?? '') ? ctx.table.get(String(Number(detail[1])))?.source : undefined;
    return row ? envelope(ctx.behaviour, 200, { status: 'success', user: publicRow(row) }) : errorResponse(ctx.behaviour, 404, 'El usuario no existe.');
  }
  const allowed = ROUTES[path];
  if (allowed && allowed !== method) {
    // Laravel's MethodNotAllowedHttpException text.
    return jsonResponse(405, { code: 405, status: 'error', message: `The ${method} method is not supported for route ${path.slice(1)}. Supported methods: ${allowed}.` });
  }
  return jsonResponse(404, { code: 404, status: 'error', message: `No route ${method} ${path}.` });
}
