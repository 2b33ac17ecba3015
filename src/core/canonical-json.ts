/**
 * JSON with object keys sorted at every depth and no white space: the same value gives the same text whatever order
 * its keys were written in (a YAML file re-ordered, a field moved), so its hash identifies the content, not the layout.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, 0));
}

/** Deep enough for any catalogue entry; a deeper value is a bug, not data, and says so rather than recursing on. */
const MAX_DEPTH = 64;

function sortKeys(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new Error(`canonicalJson: value nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k], depth + 1)]));
  }
  return value;
}
