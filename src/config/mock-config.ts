import fs from 'node:fs';
import path from 'node:path';
import { readDataFile, DataFileError } from '../specs/data-file.ts';
import { FAMILIES, type Family } from '../specs/families.ts';
import { perFamily } from '../families/lookup.ts';
import type { FamilyPorts } from '../families/registry.ts';
import { schemaValidator } from '../core/validation.ts';
import { formatAjvErrors } from '../core/ajv-errors.ts';
import { ToolError } from '../core/tool-error.ts';
import type { HttpTimeouts } from '../core/manifest.ts';
import type { GenerateRequest } from '../core/generate.ts';
import { generatedKinds } from '../families/generate.ts';

export interface MockConfig {
  families: Family[];
  host: string;
  ports: FamilyPorts;
  profiles: Record<Family, string>;
  deviate: string[];
  jwt: { secret: string; ttlSeconds: number; /** Set by resolveMockConfig: a layer gave the secret (else the shared store may hold one). */ configured?: boolean };
  latency: { fixedMs: number; jitterMs: number };
  faults: { errorRate: number; dropRate: number; seed: number };
  refreshDelayMs: number;
  /** How long an update with retryOnConflict=0 stays open to a conflict (0: one event-loop turn). */
  conflictWindowMs: number;
  seed: Partial<Record<Family, unknown>>;
  state?: string;
  /** "memory" or a redis:// URL (src/store/redis-connection.ts parses it). */
  store: string;
  /** The header that names the tenant of a request. */
  tenantHeader: string;
  targetsDir?: string;
  /** Replaces the families' HTTP timeouts (their manifests' httpTimeouts), field by field: tests use short ones. */
  httpTimeouts?: Partial<HttpTimeouts>;
  /** When set, every control API call carries it (X-Conform-Token); never printed. */
  controlToken?: string;
  /** Records to generate into each family's seed (--generate users=1000,profiles=50, --generate-seed 7). */
  generate?: GenerateRequest;
  /** The prefix of this deployment's Redis keys and channels. */
  storePrefix?: string;
  /** How many processes serve the listeners on this machine (node:cluster); more than 1 needs a Redis store. */
  workers?: number;
}

/** A partial configuration, as a file, the environment or the flags give it. */
export type MockConfigInput = {
  [K in keyof MockConfig]?: MockConfig[K] extends Record<string, unknown> ? Record<string, unknown> : MockConfig[K];
};

/** Each family's listeners on the real servers' ports, as the manifests give them. */
function defaultPorts(): FamilyPorts {
  return perFamily((manifest) => Object.fromEntries(Object.entries(manifest.ports).map(([key, spec]) => [key, spec.defaultPort]))) as FamilyPorts;
}

/** Every listener of every family on port 0 (a free port each): what tests and `conform test --mock` start. */
export function ephemeralPorts(): FamilyPorts {
  return perFamily((manifest) => Object.fromEntries(Object.keys(manifest.ports).map((key) => [key, 0]))) as FamilyPorts;
}

/** Built-in defaults: the real servers' ports, on loopback only; units in the names. */
export function defaultConfig(): MockConfig {
  return {
    families: [...FAMILIES],
    host: '127.0.0.1',
    ports: defaultPorts(),
    profiles: perFamily(() => 'documented'),
    deviate: [],
    // A fresh secret per process unless one is configured: tokens of an earlier run must not work.
    jwt: { secret: `conform-${globalThis.crypto.randomUUID()}`, ttlSeconds: 3600 },
    latency: { fixedMs: 0, jitterMs: 0 },
    faults: { errorRate: 0, dropRate: 0, seed: 1 },
    refreshDelayMs: 1000,
    conflictWindowMs: 0,
    seed: {},
    store: 'memory',
    tenantHeader: 'X-Conform-Tenant',
  };
}

const ENV: Array<[string, (value: string) => MockConfigInput]> = [
  ['CONFORM_MOCK_HOST', (v) => ({ host: v })],
  ['CONFORM_MOCK_FAMILIES', (v) => ({ families: v.split(',').map((f) => f.trim()) as Family[] })],
  ['CONFORM_MOCK_JWT_SECRET', (v) => ({ jwt: { secret: v } })],
  ['CONFORM_MOCK_TOKEN_TTL', (v) => ({ jwt: { ttlSeconds: Number(v) } })],
  ['CONFORM_MOCK_LATENCY_MS', (v) => ({ latency: { fixedMs: Number(v) } })],
  ['CONFORM_MOCK_JITTER_MS', (v) => ({ latency: { jitterMs: Number(v) } })],
  ['CONFORM_MOCK_ERROR_RATE', (v) => ({ faults: { errorRate: Number(v) } })],
  ['CONFORM_MOCK_DROP_RATE', (v) => ({ faults: { dropRate: Number(v) } })],
  ['CONFORM_MOCK_STATE', (v) => ({ state: v })],
  ['CONFORM_MOCK_STORE', (v) => ({ store: v })],
  ['CONFORM_MOCK_TARGETS_DIR', (v) => ({ targetsDir: v })],
  ['CONFORM_MOCK_CONTROL_TOKEN', (v) => ({ controlToken: v })],
  ['CONFORM_MOCK_STORE_PREFIX', (v) => ({ storePrefix: v })],
  ['CONFORM_MOCK_WORKERS', (v) => ({ workers: /^\d+$/.test(v.trim()) ? Number(v) : (v as unknown as number) })],
];

/** The environment's part of the configuration (CONFORM_MOCK_*). */
export function configFromEnv(env: NodeJS.ProcessEnv): MockConfigInput[] {
  return ENV.filter(([name]) => env[name] !== undefined && env[name] !== '').map(([name, read]) => read(env[name] as string));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of plain objects; arrays and scalars of the later layer replace. */
export function merge<T>(base: T, layer: unknown): T {
  if (!isObject(base) || !isObject(layer)) return (layer === undefined ? base : layer) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    if (value !== undefined && key !== '__proto__' && key !== 'constructor') out[key] = merge(out[key], value);
  }
  return out as T;
}

function deepFreeze<T>(value: T): T {
  if (isObject(value) || Array.isArray(value)) {
    for (const v of Object.values(value as object)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function readConfigFile(file: string): MockConfigInput {
  if (!fs.existsSync(file)) throw new ToolError('CONFORM_ERR_CONFIG', `config file ${file} does not exist`);
  try {
    const data = readDataFile(path.resolve(file));
    if (!isObject(data)) throw new ToolError('CONFORM_ERR_CONFIG', `config file ${file}: must be an object (see schemas/mock/config.json)`);
    return data as MockConfigInput;
  } catch (error) {
    if (error instanceof DataFileError) throw new ToolError('CONFORM_ERR_CONFIG', `config file ${file}: ${error.reason}`);
    throw error;
  }
}

/**
 * The configuration, validated once against schemas/mock/config.json and frozen.
 * Precedence, highest first: flags, environment, file, defaults.
 */
export function resolveMockConfig(layers: { file?: MockConfigInput; env?: MockConfigInput[]; flags?: MockConfigInput }, knownDeviations: ReadonlySet<string>): MockConfig {
  let config: MockConfig = defaultConfig();
  for (const layer of [layers.file, ...(layers.env ?? []), layers.flags]) if (layer) config = merge(config, layer);
  const validate = schemaValidator('mock/config.json');
  if (!validate(config)) {
    throw new ToolError('CONFORM_ERR_CONFIG', `invalid mock configuration: ${formatAjvErrors(validate.errors, 'params')}`);
  }
  const unknown = config.deviate.filter((id) => !knownDeviations.has(id));
  if (unknown.length > 0) {
    throw new ToolError('CONFORM_ERR_CONFIG', `unknown deviation ${unknown.map((u) => `"${u}"`).join(', ')}: conform mock --list-deviations lists them`);
  }
  const kinds = generatedKinds();
  const unknownKinds = Object.keys(config.generate?.counts ?? {}).filter((kind) => !kinds.has(kind));
  if (unknownKinds.length > 0) throw new ToolError('CONFORM_ERR_CONFIG', `generate: unknown record kind ${unknownKinds.map((k) => `"${k}"`).join(', ')}: expected ${[...kinds].join(', ')}`);
  const foreign = config.deviate.filter((id) => !config.families.includes(id.split('.')[0] as Family));
  if (foreign.length > 0) throw new ToolError('CONFORM_ERR_CONFIG', `deviation ${foreign.join(', ')} is for a family that is not served (--family)`);
  const configured = [layers.file, ...(layers.env ?? []), layers.flags].some((layer) => typeof (layer?.jwt as { secret?: unknown } | undefined)?.secret === 'string');
  return deepFreeze({ ...config, jwt: { ...config.jwt, configured } });
}
