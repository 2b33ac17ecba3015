import { nativeRoutes, type RouteEntry } from './http-routes.ts';
import { nativeControllers } from './native-api.ts';

export type ApiDefinition = Record<string, Record<string, { action: string; controller: string; http?: Array<{ path: string; url: string; verb: string }> }>>;

/**
 * serverController._buildApiDefinition (serverController.js:345-389): controller → action → {action, controller,
 * http: [{path, url, verb}]}, the http key only for actions with routes, the routes in declaration order.
 */
export function buildApiDefinition(routes: RouteEntry[] = nativeRoutes()): ApiDefinition {
  const definition: ApiDefinition = {};
  for (const [name, actions] of nativeControllers()) {
    const list: ApiDefinition[string] = {};
    for (const action of actions) {
      const entry: ApiDefinition[string][string] = { action, controller: name };
      for (const route of routes) {
        const owner = route.controller === name || (name === 'memoryStorage' && route.controller === 'ms');
        if (owner && route.action === action) (entry.http ??= []).push({ path: route.path, url: route.path, verb: route.verb });
      }
      list[action] = entry;
    }
    definition[name] = list;
  }
  return definition;
}
