import { jsonResponse, splitUrl, type HttpResponse } from '../core/http-exchange.ts';
import type { TrafficLog } from '../core/traffic.ts';
import { refusal, type ControlGuard } from './control-guard.ts';
import { DEFAULT_TENANT } from './tenants.ts';

/** Every listener answers the control API under this prefix, so a browser app can reach it on its own origin. */
export const CONTROL_PREFIX = '/__conform/';

export interface ControlApi {
  families(): string[];
  /** Back to the seed: the families of one tenant (the default one when none is named). */
  reset(family?: string, tenant?: string): Promise<string[]>;
  traffic: TrafficLog;
  guard: ControlGuard;
  /** What the store says of itself (the shared store's commit and re-run counts); none in memory mode. */
  store?: () => Record<string, unknown>;
  /**
   * One target per family, as --targets-dir writes them (endpoints, seeded credentials and their tokens, profile):
   * what `conform test --mock-url` certifies. Behind the same guard as every control route.
   */
  targets?: () => Promise<Record<string, Record<string, unknown>>>;
}

const ROUTES = ['GET /__conform/health', 'GET /__conform/targets[?family=]', 'POST /__conform/reset[?family=]', 'GET /__conform/traffic[?family=&transport=]', 'DELETE /__conform/traffic'];

/** The mock's own small API: reset the state, inspect or clear the recorded traffic. */
export async function handleControl(control: ControlApi, method: string, url: string, headers: Record<string, string | string[] | undefined>, tenant?: string): Promise<HttpResponse> {
  // Checked before the route: a refused caller learns nothing, not even which routes exist. No CORS header is ever
  // sent, so a browser's preflight fails and a page's fetch cannot read any answer.
  const refused = refusal(control.guard, method, headers);
  if (refused) return jsonResponse(refused.status, { error: refused.error, code: refused.code });
  const { path, query } = splitUrl(url);
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const family = query.get('family') ?? undefined;
  if (family !== undefined && !control.families().includes(family)) {
    return jsonResponse(400, { error: `unknown family "${family}"`, families: control.families() });
  }
  switch (route) {
    case 'GET /__conform/health':
      // pid: which process answered, behind a load balancer or with --workers (the control API is per process).
      return jsonResponse(200, { status: 'ok', families: control.families(), pid: process.pid, ...(control.store ? { store: control.store() } : {}) });
    case 'GET /__conform/targets': {
      if (!control.targets) return jsonResponse(404, { error: 'this mock gives no targets', routes: ROUTES });
      const all = await control.targets();
      const chosen = Object.fromEntries(Object.entries(all).filter(([f]) => !family || f === family));
      // A tenant's targets name it: conform test then reaches that tenant's state on every endpoint.
      const named = tenant && tenant !== DEFAULT_TENANT ? Object.fromEntries(Object.entries(chosen).map(([f, t]) => [f, { ...t, tenant }])) : chosen;
      return jsonResponse(200, { targets: named });
    }
    case 'POST /__conform/reset':
      try {
        // The default tenant's answer is today's; a named tenant's says which it was.
        return jsonResponse(200, { reset: await control.reset(family, tenant), ...(tenant && tenant !== DEFAULT_TENANT ? { tenant } : {}) });
      } catch {
        // The reset is done in memory but the state file (or the shared store) could not be written: not acknowledged.
        return jsonResponse(500, { error: 'the state could not be written (state file or shared store); see the mock\'s stderr' });
      }
    case 'GET /__conform/traffic':
      return jsonResponse(200, { entries: control.traffic.list({ family, transport: query.get('transport') ?? undefined }) });
    case 'DELETE /__conform/traffic':
      control.traffic.clear();
      return jsonResponse(200, { cleared: true });
    default:
      return jsonResponse(404, { error: `no control route ${route}`, routes: ROUTES });
  }
}
