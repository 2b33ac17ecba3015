import type { RouteEntry } from './http-routes.ts';

interface Node {
  statics: Map<string, Node>;
  param?: Node;
  route?: RouteEntry;
  names?: string[];
}

function node(): Node {
  return { statics: new Map() };
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/**
 * Kuzzle's HTTP router (lib/core/network/httpRouter/routePart.js): one tree per verb; at each segment a static part
 * wins over a :placeholder and there is no backtracking, empty segments are skipped, a trailing "/" is dropped and
 * segments are URL-decoded. So /users/_me is never security:getUser, and /profiles/x/y is a 404 rather than a
 * document route (kuzzle.md §1.1).
 */
export class HttpRouter {
  private readonly trees = new Map<string, Node>();

  constructor(routes: Iterable<RouteEntry>) {
    for (const route of routes) this.attach(route);
  }

  private attach(route: RouteEntry): void {
    let current = this.trees.get(route.verb) ?? node();
    this.trees.set(route.verb, current);
    const names: string[] = [];
    for (const part of segments(route.path)) {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        current = current.param ??= node();
      } else {
        let next = current.statics.get(part);
        if (!next) current.statics.set(part, (next = node()));
        current = next;
      }
    }
    current.route = route;
    current.names = names;
  }

  hasVerb(verb: string): boolean {
    return this.trees.has(verb);
  }

  /** The route and its placeholder values, or undefined (a 404 url_not_found). */
  match(verb: string, pathname: string): { route: RouteEntry; params: Record<string, string> } | undefined {
    let current = this.trees.get(verb);
    const values: string[] = [];
    for (const raw of segments(pathname)) {
      if (!current) return undefined;
      const part = unescape(raw);
      const next: Node | undefined = current.statics.get(part);
      if (next) current = next;
      else {
        values.push(part);
        current = current.param;
      }
    }
    if (!current?.route) return undefined;
    const params: Record<string, string> = {};
    (current.names ?? []).forEach((name, i) => {
      if (name !== '__proto__') params[name] = values[i] ?? '';
    });
    return { route: current.route, params };
  }
}

/** querystring.unescape: decodeURIComponent, keeping the raw text when it is malformed. */
export function unescape(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
