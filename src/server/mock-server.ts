import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { WebSocketServer } from 'ws';
import { behaviourFor } from '../core/behaviour.ts';
import type { FamilyMock, SeededCredentials } from '../core/family.ts';
import type { Family, Transport } from '../specs/families.ts';
import { PROFILE_DEVIATIONS } from '../generated/profiles.ts';
import type { MockConfig } from '../config/mock-config.ts';
import { ToolError } from '../core/tool-error.ts';
import { Injector } from '../core/faults.ts';
import { ExchangePipeline } from '../core/pipeline.ts';
import { TrafficLog } from '../core/traffic.ts';
import { createHttpListener } from './http-listener.ts';
import { attachWebSocket } from './ws-listener.ts';
import { createMqttListener, trackSockets, type MqttListener } from './mqtt-listener.ts';
import { sharedBroker } from './mqtt-shared.ts';
import { isRedisStore, storePrefix } from '../config/store-url.ts';
import { familyModule } from './family-modules.ts';
import { seedWithGenerated } from '../families/generate.ts';
import { targetFile } from './targets.ts';
import { prepareStatePath, readStateFile, refusedByFamily, type StateContent } from './state-file.ts';
import { StateWriter } from './state-writer.ts';
import { controlGuard } from './control-guard.ts';
import { jsonResponse } from '../core/http-exchange.ts';
import { collectStores } from '../core/store.ts';
import { connectRedis, parseStore } from '../store/redis-connection.ts';
import { SharedStore } from '../store/shared-store.ts';
import { DEFAULT_TENANT, mqttTenantOf, TenantMocks, tenantOf } from './tenants.ts';
import type { TenantRoute } from './http-listener.ts';

export interface Listener {
  family: Family;
  transport: Transport;
  url: string;
}

export interface RunningMock {
  config: MockConfig;
  listeners: Listener[];
  /** The default tenant's mock of each family. */
  mocks: Map<Family, FamilyMock>;
  /** Every tenant's mock of each family (the default tenant's among them). */
  tenants: Map<Family, TenantMocks>;
  /** The Redis driver, when --store is a redis:// URL. */
  shared?: SharedStore;
  traffic: TrafficLog;
  credentials(): Promise<Record<Family, SeededCredentials>>;
  /** Endpoints per family, as target files name them. */
  endpoints(family: Family): Partial<Record<Transport, string>>;
  stop(): Promise<void>;
}


async function listen(app: FastifyInstance, host: string, port: number, what: string): Promise<number> {
  try {
    await app.listen({ host, port });
  } catch (error) {
    throw new ToolError('CONFORM_ERR_LISTEN', `${what} cannot listen on ${host}:${port}: ${(error as Error).message}`);
  }
  return (app.server.address() as AddressInfo).port;
}

async function listenMqtt(listener: MqttListener, host: string, port: number, what: string): Promise<number> {
  trackSockets(listener.server);
  await new Promise<void>((resolve, reject) => {
    listener.server.once('error', (error) => reject(new ToolError('CONFORM_ERR_LISTEN', `${what} cannot listen on ${host}:${port}: ${error.message}`)));
    listener.server.listen(port, host, () => resolve());
  });
  return (listener.server.address() as AddressInfo).port;
}

/** The family's MQTT port; a family with an MQTT surface declares one in its manifest (so the config has it). */
function configuredMqttPort(config: MockConfig, family: Family): number {
  const ports: { http: number; mqtt?: number } = config.ports[family];
  return ports.mqtt ?? 0;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts every configured family on its listeners. Nothing is left listening if any of them fails. */
export async function startMock(config: MockConfig): Promise<RunningMock> {
  const traffic = new TrafficLog();
  const pipeline = new ExchangePipeline(traffic, new Injector(config.latency, config.faults));
  const mocks = new Map<Family, FamilyMock>();
  const tenants = new Map<Family, TenantMocks>();
  const listeners: Listener[] = [];
  const closers: Array<() => Promise<void>> = [];
  const store = parseStore(config.store);
  if (store.kind === 'redis' && config.state) {
    throw new ToolError('CONFORM_ERR_CONFIG', '--state and --store redis://… exclude each other: the shared store is what keeps the state');
  }
  // Redis unreachable is a refusal to start, before anything listens.
  const shared = store.kind === 'redis' ? new SharedStore(await connectRedis(store), storePrefix(config)) : undefined;
  if (shared) closers.push(async () => shared.close());
  const jwtSecret = shared && !config.jwt.configured ? await shared.sharedSecret(config.jwt.secret).catch(async (error: unknown) => {
    shared.close();
    throw new ToolError('CONFORM_ERR_STORE', `the shared store cannot give the JWT secret: ${(error as Error).message}`);
  }) : config.jwt.secret;
  // The state file is read and checked before anything listens: a file conform cannot load refuses the start.
  if (config.state) prepareStatePath(config.state);
  const state: StateContent = (config.state ? readStateFile(config.state) : undefined) ?? {};
  // Set once every listener runs: the control API's targets need the listeners and credentials.
  let started: RunningMock | undefined;
  const control = {
    families: () => [...mocks.keys()],
    reset: async (family?: string, tenant: string = DEFAULT_TENANT) => {
      const chosen = [...tenants.entries()].filter(([f]) => !family || f === family);
      for (const [, byTenant] of chosen) {
        const mock = byTenant.get(tenant);
        if (!mock) continue;
        // Through the exchange's durability: the state file, or the shared store every process reads.
        const done = pipeline.durability ? await pipeline.durability.exchange(mock, async () => mock.reset()) : (mock.reset(), { ok: true });
        if (!done.ok) throw new Error('the reset could not be made durable');
      }
      traffic.clear();
      return chosen.map(([f]) => f);
    },
    traffic,
    guard: controlGuard(config.host, config.controlToken),
    store: shared ? () => ({ kind: 'redis', ...shared.counters }) : undefined,
    // Bound once the mock runs (below): the targets need its listeners and credentials.
    targets: async () => (started ? targetsOf(started) : {}),
  };
  const host = hostForUrl(config.host);
  // A family in the file but not started keeps its part: starting with fewer families must not wipe the others.
  const writer = config.state ? new StateWriter(config.state, () => ({ ...state, ...exportAll(mocks), ...exportTenants(tenants, state) }), reportStateError) : undefined;
  pipeline.durability = shared ?? writer;
  try {
    for (const family of config.families) {
      const module = familyModule(family);
      const options = {
        behaviour: behaviourFor(family, config.profiles[family], config.deviate, PROFILE_DEVIATIONS),
        jwtSecret,
        tokenTtlSeconds: config.jwt.ttlSeconds,
        seed: seedWithGenerated(family, config.seed[family], config.generate),
        refreshDelayMs: config.refreshDelayMs,
        conflictWindowMs: config.conflictWindowMs,
      };
      // Each tenant gets its own mock from the seed; on Redis its stores are a replica under the tenant's keys.
      const saved = tenantStates(state);
      const byTenant = new TenantMocks((tenant) => {
        const { created, stores } = collectStores(() => module.create(options));
        shared?.attach(created, tenant, stores);
        // A named tenant of the --state file comes back as it was (the default tenant's part is imported below).
        const part = tenant === DEFAULT_TENANT ? undefined : saved[tenant]?.[family];
        if (part !== undefined) {
          try {
            created.importState(part);
          } catch (error) {
            throw refusedByFamily(config.state!, `${family} (tenant ${tenant})`, error);
          }
        }
        return created;
      });
      tenants.set(family, byTenant);
      const mock = byTenant.get(DEFAULT_TENANT)!;
      // The file's tenants are created at start: a part a family refuses refuses the start, not a later request.
      for (const tenant of Object.keys(saved)) if (saved[tenant]?.[family] !== undefined) byTenant.get(tenant);
      const route = (url: string, headers: Record<string, string | string[] | undefined>): TenantRoute => {
        const choice = tenantOf(url, headers, config.tenantHeader);
        if (!choice.ok) return { ok: false, response: jsonResponse(400, { error: choice.reason, code: 'CONFORM_TENANT_INVALID' }) };
        const chosen = byTenant.get(choice.tenant);
        if (!chosen) return { ok: false, response: jsonResponse(503, { error: 'too many tenants in this mock', code: 'CONFORM_TENANT_LIMIT' }) };
        return { ok: true, mock: chosen, url: choice.url, tenant: choice.tenant };
      };
      if (state[family] !== undefined) {
        try {
          mock.importState(state[family]);
        } catch (error) {
          throw refusedByFamily(config.state!, family, error);
        }
      }
      mocks.set(family, mock);
      const timeouts = { ...module.manifest.httpTimeouts, ...config.httpTimeouts };
      const app = createHttpListener({ mock, route, pipeline, control, timeouts, compression: module.manifest.httpCompression ?? false });
      const wss: WebSocketServer | undefined = attachWebSocket(app.server, mock, pipeline, module.manifest.wsOversize, route);
      closers.push(async () => {
        for (const client of wss?.clients ?? []) client.terminate();
        wss?.close();
        await app.close();
      });
      const port = await listen(app, config.host, config.ports[family].http, `${family} HTTP`);
      const base = `http://${host}:${port}`;
      listeners.push({ family, transport: 'http', url: `${base}${module.manifest.paths.http}` });
      if (wss) listeners.push({ family, transport: 'ws', url: `ws://${host}:${port}${module.manifest.paths.ws ?? ''}` });
      // On a Redis store the family's broker is one broker across every process of the deployment (all its tenants:
      // they are told apart at CONNECT, and an answer's topic or socket names its client).
      const broker = mock.mqtt && isRedisStore(config.store) ? await sharedBroker(config.store, storePrefix(config), family) : undefined;
      const mqtt = await createMqttListener(mock, pipeline, (username) => {
        const choice = mqttTenantOf(username);
        if (!choice.ok) return choice;
        const chosen = byTenant.get(choice.tenant);
        return chosen ? { ok: true, mock: chosen, username: choice.username } : { ok: false, reason: 'too many tenants in this mock' };
      }, broker);
      if (mqtt) {
        closers.push(() => mqtt.close());
        const mqttPort = await listenMqtt(mqtt, config.host, configuredMqttPort(config, family), `${family} MQTT`);
        listeners.push({ family, transport: 'mqtt', url: `mqtt://${host}:${mqttPort}` });
      }
    }
    if (writer) writer.writeNow();
  } catch (error) {
    await Promise.allSettled(closers.map((close) => close()));
    throw error;
  }
  const running: RunningMock = {
    config,
    listeners,
    mocks,
    tenants,
    shared,
    traffic,
    endpoints: (family) => Object.fromEntries(listeners.filter((l) => l.family === family).map((l) => [l.transport, l.url])),
    credentials: async () => {
      const out: Partial<Record<Family, SeededCredentials>> = {};
      for (const [family, mock] of mocks) out[family] = await mock.credentials();
      return out as Record<Family, SeededCredentials>;
    },
    stop: async () => {
      // Every acknowledged write is on disk already; the last commit covers exchanges the closing cut short.
      await Promise.allSettled(closers.map((close) => close()));
      await writer?.commit().catch(() => undefined);
    },
  };
  // Seeded passwords (and the tokens credentials() hands out) are hidden in the traffic whatever shape they take.
  traffic.addSecrets(await running.credentials());
  started = running;
  if (config.targetsDir) await writeTargets(running, config.targetsDir);
  return running;
}

type TenantStates = Record<string, Partial<Record<string, unknown>>>;

function tenantStates(state: StateContent): TenantStates {
  return (state.tenants ?? {}) as TenantStates;
}

/** The named tenants' parts of the --state file: each tenant's families, over what the file had (families not started keep theirs). */
function exportTenants(tenants: Map<Family, TenantMocks>, state: StateContent): StateContent {
  const out: TenantStates = structuredClone(tenantStates(state));
  for (const [family, byTenant] of tenants) {
    for (const [tenant, mock] of byTenant.entries()) if (tenant !== DEFAULT_TENANT) (out[tenant] ??= {})[family] = mock.exportState();
  }
  return Object.keys(out).length > 0 ? { tenants: out } : {};
}

function exportAll(mocks: Map<Family, FamilyMock>): StateContent {
  return Object.fromEntries([...mocks].map(([family, mock]) => [family, mock.exportState()]));
}

/** A state write that fails at run time: said once per reason on stderr (the requests get server errors meanwhile). */
const reported = new Set<string>();
function reportStateError(error: Error): void {
  if (reported.has(error.message)) return;
  reported.add(error.message);
  process.stderr.write(`conform mock: ${error.message}; writes are answered as server errors until it can be written\n`);
}

/** One target per family, as `conform test` reads them: what --targets-dir writes and GET /__conform/targets answers. */
async function targetsOf(running: RunningMock): Promise<Record<string, Record<string, unknown>>> {
  const credentials = await running.credentials();
  const out: Record<string, Record<string, unknown>> = {};
  for (const family of running.mocks.keys()) {
    out[family] = targetFile(family, running.endpoints(family), credentials[family], running.config.profiles[family], running.config.deviate);
  }
  return out;
}

async function writeTargets(running: RunningMock, dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const [family, target] of Object.entries(await targetsOf(running))) {
    fs.writeFileSync(path.join(dir, `${family}.json`), `${JSON.stringify(target, null, 2)}\n`);
  }
}
