/**
 * Seeded record generation with json-schema-faker, from the schemas of the specification layer (src/generated/schemas.ts).
 * The families describe their records' shape (mocks/<family>/generate.ts); this module only turns a schema, a count
 * and a seed into that many values, the same ones for the same seed.
 */
import { generateSync, type JsonSchema } from 'json-schema-faker';
import { SCHEMAS } from '../generated/schemas.ts';

/** How many records of each kind to generate, e.g. {users: 1000, profiles: 50}. */
export type RecordCounts = Readonly<Record<string, number>>;

/** What `conform mock --generate` and `createHandlers({ generate })` ask for. */
export interface GenerateRequest {
  counts: RecordCounts;
  /** The generator's seed (default 1): the same seed gives the same records. */
  seed?: number;
}

/** What a family that can fill its state with generated records exports (mocks/<family>/generate.ts). */
export interface RecordGenerator {
  /** The record kinds it generates ("users", "profiles"). */
  readonly kinds: readonly string[];
  /**
   * The family's seed data (the given one, or its built-in seed when undefined) with the generated records added,
   * in the family's seed shape, so the family validates and loads them as any seed.
   */
  seedWith(seed: unknown, counts: RecordCounts, generatorSeed: number): unknown;
}

const BASE = 'https://conform.invalid/schemas/';

function fileName(path: string): string {
  return path.split('/').pop() ?? '';
}

/** The bundle's keys by file name ("common.json" → ["a/common.json", "b/common.json"]). */
const BY_NAME = new Map<string, string[]>();
for (const key of Object.keys(SCHEMAS)) BY_NAME.set(fileName(key), [...(BY_NAME.get(fileName(key)) ?? []), key]);

function uniqueByName(path: string): object | undefined {
  const keys = BY_NAME.get(fileName(path)) ?? [];
  return keys.length === 1 ? SCHEMAS[keys[0] as string] : undefined;
}

/** "../a/common.json" seen from folder "mock" is "a/common.json". */
function relativeKey(path: string, folder: string): string {
  const parts = folder ? folder.split('/') : [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/**
 * json-schema-faker hands over a reference as written, without the document it appeared in: a local one ("#/$defs/id")
 * belongs to the root file, a relative one is resolved against the root file's folder first, then by its file name
 * (a file's own relative references, e.g. common.json from a family folder, are unique by name in schemas/).
 */
export function schemaResolver(rootFile: string): (ref: string) => JsonSchema {
  const folder = rootFile.split('/').slice(0, -1).join('/');
  return (ref) => {
    const path = ref.split('#')[0] ?? '';
    const key = path === '' ? rootFile : path.startsWith(BASE) ? path.slice(BASE.length) : relativeKey(path, folder);
    const found = SCHEMAS[key] ?? uniqueByName(path);
    if (!found) throw new Error(`generate: no schema for the reference "${ref}" in schemas/`);
    return found as JsonSchema;
  };
}

/** A schema of the specification layer, or one of its $defs: "mock/<family>-seed.json#/$defs/user". */
export function layerSchema(ref: string): Record<string, unknown> {
  const [file, pointer = ''] = ref.split('#');
  let node: unknown = SCHEMAS[file ?? ''];
  for (const step of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[step];
  if (typeof node !== 'object' || node === null) throw new Error(`generate: no schema ${ref} in schemas/`);
  return structuredClone(node) as Record<string, unknown>;
}

/**
 * `count` values of `schema`, reproducible by `seed`. One call for the whole array: json-schema-faker's random
 * sequence then runs once through every record, so record i depends on the seed and on i only.
 * `rootFile` is the file the schema comes from ("mock/<family>-seed.json"): its references start from there.
 */
export function fakeRecords(schema: Record<string, unknown>, count: number, seed: number, rootFile: string): unknown[] {
  if (count === 0) return [];
  const array = { type: 'array', minItems: count, maxItems: count, items: schema } as JsonSchema;
  return generateSync(array, { seed, refResolver: schemaResolver(rootFile), optionalsProbability: 0.8 }) as unknown[];
}
