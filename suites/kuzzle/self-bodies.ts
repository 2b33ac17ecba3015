// Generated auth:updateSelf bodies (issue 12): application-defined properties drawn by json-schema-faker inside
// update-self.body.json and what every Kuzzle accepts (docs/generative.md). Shared by the updateSelf generated tests
// and those of its arguments (refresh, retryOnConflict).
import { fakeRecords } from '../../src/core/generate.ts';
import { acceptedValues } from '../generative/accepted.ts';

export type Body = Record<string, unknown>;
const ROOT = 'kuzzle/update-self.body.json';

/**
 * Free properties, narrowed: names of letters and digits (a dot is a path to Elasticsearch, a leading underscore is
 * reserved), each ending in its type's letter so that a name always holds one JSON type across tests and runs (a
 * dynamic mapping refuses a string where it stored a number), and values that are scalars or arrays of strings:
 * Elasticsearch merges nested objects recursively where the document says "top-level", so none is sent.
 */
const NAME = '^g[a-z]{2,8}$';
const VALUES = { S: { type: 'string', pattern: '^[A-Za-z0-9 ]{0,24}$' }, N: { type: 'integer', minimum: -1000000, maximum: 1000000 }, B: { type: 'boolean' }, L: { type: 'array', maxItems: 3, items: { type: 'string', pattern: '^[a-z]{1,8}$' } } };
const ENTRY = { type: 'object', required: ['name', 'kind'], additionalProperties: false, properties: { name: { type: 'string', pattern: NAME }, kind: { enum: Object.keys(VALUES) } } };

/** `count` bodies of 1 to 4 free properties, each inside the document's schema. */
export function bodies(count: number, seed: number): Body[] {
  const shapes = fakeRecords({ type: 'array', minItems: 1, maxItems: 4, items: ENTRY }, count, seed, ROOT) as Array<Array<{ name: string; kind: keyof typeof VALUES }>>;
  return shapes.map((entries, i) => {
    const schema = { type: 'object', additionalProperties: false, required: entries.map((e) => `${e.name}${e.kind}`), properties: Object.fromEntries(entries.map((e) => [`${e.name}${e.kind}`, VALUES[e.kind]])) };
    return acceptedValues(schema, ROOT, ROOT, 1, seed + i)[0] as Body;
  });
}

