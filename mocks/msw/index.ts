/**
 * MSW handlers that run the very same family code as `conform mock` (mocks/<family>/), for frontend tests in Node
 * (setupServer) and in the browser (setupWorker). HTTP for every family, WebSocket (msw's `ws` API) for those with
 * a WebSocket API; MQTT has no place in a browser.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createHandlers } from 'conform/msw';
 * const handlers = createHandlers({ api: family, baseUrl: 'http://localhost:7512' });
 * const server = setupServer(...handlers);
 * server.listen();
 * // … fetch('http://localhost:7512/…') is answered by that family's mock, as `conform mock` would …
 * handlers.reset(); // back to the seed between tests
 */
import type { RequestHandler, WebSocketHandler } from 'msw';
import { behaviourFor } from '../../src/core/behaviour.ts';
import type { FamilyMock } from '../../src/core/family.ts';
import { Injector, type FaultOptions, type LatencyOptions } from '../../src/core/faults.ts';
import { ExchangePipeline } from '../../src/core/pipeline.ts';
import { TrafficLog, type TrafficView } from '../../src/core/traffic.ts';
import { PROFILE_DEVIATIONS } from '../../src/generated/profiles.ts';
import { findFamilyModule, FAMILY_NAMES } from '../../src/families/lookup.ts';
import { generatedKinds, seedWithGenerated } from '../../src/families/generate.ts';
import type { Family } from '../../src/families/registry.ts';
import { httpHandler } from './http-handler.ts';
import { wsHandler } from './ws-handler.ts';

export interface HandlerOptions {
  api: Family;
  /**
   * Where the server is mounted (its routes follow, under the path its manifest gives, e.g. /api/rest/…); default
   * the real server's local address (http://localhost:<its default port>, mocks/<family>/manifest.ts). A path is a
   * prefix, e.g. `${location.origin}/<family>` for a same-origin mount.
   */
  baseUrl?: string;
  /** Seed data in the family's shape (schemas/mock/<family>-seed.json); default the built-in seed. */
  seed?: unknown;
  /**
   * Records generated into the seed with json-schema-faker, as `conform mock --generate`: a count per kind the family
   * has (users; some families also profiles), e.g. `{ users: 100 }`; kinds the family lacks are ignored.
   */
  generate?: Record<string, number>;
  /** The generator's seed (default 1): the same seed gives the same records. */
  generateSeed?: number;
  /** "documented" (default), or a real server's profile (specs/profiles/, listed by each manifest). */
  profile?: string;
  /** Requirement ids to violate on purpose (conform mock --list-deviations). */
  deviate?: string[];
  jwtSecret?: string;
  tokenTtlSeconds?: number;
  /** Latency added to every request, as `conform mock --latency`; default none. */
  latency?: Partial<LatencyOptions>;
  /** Injected faults (the family's own error envelope, or a network error for a drop), as `conform mock --error-rate`. */
  faults?: Partial<FaultOptions>;
}

export type ConformHandlers = Array<RequestHandler | WebSocketHandler> & {
  /** Back to the seeded state. */
  reset(): void;
  /** The family mock behind the handlers (its credentials(), exportState()...). */
  mock: FamilyMock;
  /** What went through the handlers, without secrets (as the control API's /__conform/traffic shows it). */
  traffic: TrafficView;
};

/** The real server's local address: its manifest's default HTTP port (routes are mounted under the manifest's path). */
function defaultBase(port: number): string {
  return `http://localhost:${port}`;
}

export function createHandlers(options: HandlerOptions): ConformHandlers {
  const module = findFamilyModule(String(options.api));
  if (!module) throw new Error(`conform/msw: unknown api "${String(options.api)}": expected ${FAMILY_NAMES.slice(0, -1).join(', ')} or ${FAMILY_NAMES[FAMILY_NAMES.length - 1]}`);
  const { ports, paths } = module.manifest;
  const unknown = (options.deviate ?? []).filter((id) => !(id in module.deviations));
  if (unknown.length > 0) throw new Error(`conform/msw: unknown deviation ${unknown.join(', ')} for ${options.api}`);
  const kinds = generatedKinds();
  const badCount = Object.entries(options.generate ?? {}).find(([kind, count]) => !kinds.has(kind) || !Number.isInteger(count) || count < 0);
  if (badCount) throw new Error(`conform/msw: generate.${badCount[0]} must be a count (an integer from 0) of one of ${[...kinds].join(', ')}`);
  const mock = module.create({
    behaviour: behaviourFor(options.api, options.profile ?? 'documented', options.deviate ?? [], PROFILE_DEVIATIONS),
    jwtSecret: options.jwtSecret ?? `conform-msw-${globalThis.crypto.randomUUID()}`,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    seed: options.generate ? seedWithGenerated(options.api, options.seed, { counts: options.generate, seed: options.generateSeed }) : options.seed,
  });
  const base = (options.baseUrl ?? defaultBase(ports.http.defaultPort)).replace(/\/+$/, '');
  const traffic = new TrafficLog();
  const injector = new Injector({ fixedMs: 0, jitterMs: 0, ...options.latency }, { errorRate: 0, dropRate: 0, seed: 1, ...options.faults });
  const pipeline = new ExchangePipeline(traffic, injector);
  const handlers: Array<RequestHandler | WebSocketHandler> = [httpHandler(base, mock, pipeline)];
  if (mock.ws && paths.ws !== undefined) handlers.push(wsHandler(base.replace(/^http/, 'ws') + paths.ws, mock, pipeline));
  return Object.assign(handlers, { reset: () => mock.reset(), mock, traffic });
}
