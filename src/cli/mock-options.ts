import { InvalidArgumentError } from 'commander';
import { FAMILIES, type Family } from '../specs/families.ts';
import type { MockConfigInput } from '../config/mock-config.ts';
import { readConfigFile } from '../config/mock-config.ts';
import { manifests } from '../families/lookup.ts';
import { generatedKinds } from '../families/generate.ts';

/** The flags of `conform mock`, as commander gives them. */
export interface MockFlags {
  config?: string;
  family?: string[];
  host?: string;
  ephemeral?: boolean;
  /** The port flags, one per listener of each family's manifest, under commander's camel-cased names. */
  [portFlag: `${string}Port`]: number | undefined;
  seed?: string;
  jwtSecret?: string;
  tokenTtl?: number;
  latency?: number;
  jitter?: number;
  errorRate?: number;
  dropRate?: number;
  faultSeed?: number;
  refreshDelay?: number;
  conflictWindow?: number;
  profile?: string[];
  deviate?: string[];
  state?: string;
  store?: string;
  tenantHeader?: string;
  targetsDir?: string;
  controlToken?: string;
  listDeviations?: boolean;
  /** --generate users=1000,profiles=50, parsed by recordCounts. */
  generate?: Record<string, number>;
  generateSeed?: number;
  storePrefix?: string;
  workers?: number;
}

export function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`"${value}" is not an integer.`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`${n} is not between ${min} and ${max}.`);
    return n;
  };
}

export function rate(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`"${value}" is not a rate between 0 and 1.`);
  return n;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

/**
 * --generate "users=1000,profiles=50": a count per record kind some family generates (repeatable, later counts win).
 * The counts are bounded: a million records is already minutes of start-up.
 */
export function recordCounts(value: string, previous: Record<string, number> = {}): Record<string, number> {
  const kinds = generatedKinds();
  const counts = { ...previous };
  for (const item of value.split(',').map((v) => v.trim()).filter(Boolean)) {
    const match = /^([a-z]+)=(\d{1,7})$/.exec(item);
    if (!match) throw new InvalidArgumentError(`"${item}" is not <kind>=<count> (e.g. users=1000): expected ${[...kinds].join(', ')} with a count of 0 to 1000000.`);
    const [, kind, count] = match as unknown as [string, string, string];
    if (!kinds.has(kind)) throw new InvalidArgumentError(`unknown record kind "${kind}": expected ${[...kinds].join(', ')}.`);
    if (Number(count) > 1_000_000) throw new InvalidArgumentError(`${count} ${kind} is more than 1000000.`);
    counts[kind] = Number(count);
  }
  return counts;
}

/** Each real-server profile the manifests declare, with its family. */
const PROFILES: Record<string, Family> = Object.fromEntries(manifests().flatMap((m) => m.profiles.map((name) => [name, m.family as Family])));

/** One port flag per listener of each family, from the manifests: "--<family>-mqtt-port" and where it goes. */
export interface PortFlag {
  flag: string;
  /** Commander's attribute name for it ("<family>MqttPort"). */
  attribute: `${string}Port`;
  description: string;
  family: Family;
  key: string;
}

export function portFlags(): PortFlag[] {
  return manifests().flatMap((m) =>
    Object.entries(m.ports).map(([key, spec]) => ({
      flag: spec.flag,
      attribute: spec.flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as `${string}Port`,
      description: `${spec.help} (default ${spec.defaultPort})`,
      family: m.family as Family,
      key,
    })),
  );
}

/** The flags as a configuration layer (only what was given, so lower layers keep the rest). */
export function configFromFlags(flags: MockFlags): MockConfigInput {
  const layer: Record<string, unknown> = {};
  if (flags.family) layer.families = flags.family;
  if (flags.host) layer.host = flags.host;
  const ports: Record<string, Record<string, number>> = {};
  for (const { attribute, family, key } of portFlags()) {
    const chosen = flags[attribute] ?? (flags.ephemeral ? 0 : undefined);
    if (chosen !== undefined) (ports[family] ??= {})[key] = chosen;
  }
  if (Object.keys(ports).length > 0) layer.ports = ports;
  if (flags.seed) layer.seed = readConfigFile(flags.seed);
  if (flags.jwtSecret !== undefined || flags.tokenTtl !== undefined) layer.jwt = { secret: flags.jwtSecret, ttlSeconds: flags.tokenTtl };
  if (flags.latency !== undefined || flags.jitter !== undefined) layer.latency = { fixedMs: flags.latency, jitterMs: flags.jitter };
  if (flags.errorRate !== undefined || flags.dropRate !== undefined || flags.faultSeed !== undefined) {
    layer.faults = { errorRate: flags.errorRate, dropRate: flags.dropRate, seed: flags.faultSeed };
  }
  if (flags.refreshDelay !== undefined) layer.refreshDelayMs = flags.refreshDelay;
  if (flags.conflictWindow !== undefined) layer.conflictWindowMs = flags.conflictWindow;
  if (flags.profile) {
    const profiles: Record<string, string> = {};
    for (const name of flags.profile) {
      if (name === 'documented') for (const f of FAMILIES) profiles[f] = 'documented';
      else if (PROFILES[name]) profiles[PROFILES[name]] = name;
      else throw new InvalidArgumentError(`unknown profile "${name}": expected documented, ${Object.keys(PROFILES).join(', ')}`);
    }
    layer.profiles = profiles;
  }
  if (flags.deviate) layer.deviate = flags.deviate;
  if (flags.state) layer.state = flags.state;
  if (flags.store) layer.store = flags.store;
  if (flags.tenantHeader) layer.tenantHeader = flags.tenantHeader;
  if (flags.targetsDir) layer.targetsDir = flags.targetsDir;
  if (flags.controlToken) layer.controlToken = flags.controlToken;
  if (flags.storePrefix) layer.storePrefix = flags.storePrefix;
  if (flags.workers !== undefined) layer.workers = flags.workers;
  // A seed alone may go with the counts of a configuration file.
  if (flags.generate || flags.generateSeed !== undefined) layer.generate = { counts: flags.generate, seed: flags.generateSeed };
  return layer as MockConfigInput;
}
