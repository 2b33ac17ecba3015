import { kerror } from './errors.ts';

/**
 * The part of Elasticsearch's query DSL a client of the security searches uses: match_all, ids, term, terms, match,
 * exists and bool. Fields may be dotted paths through arrays ("policies.roleId"), as Elasticsearch flattens them.
 */
type Query = Record<string, unknown>;

/** Every value at a dotted path, arrays flattened. */
function valuesAt(source: unknown, path: string): unknown[] {
  let values: unknown[] = [source];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of values.flatMap((v) => (Array.isArray(v) ? v : [v]))) {
      if (typeof value === 'object' && value !== null && Object.hasOwn(value, part)) next.push((value as Record<string, unknown>)[part]);
    }
    values = next;
  }
  return values.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function single(clause: unknown): [string, unknown] {
  const entries = typeof clause === 'object' && clause !== null ? Object.entries(clause) : [];
  return entries[0] ?? ['', undefined];
}

/** term {field: value} or {field: {value}}. */
function termValue(spec: unknown): unknown {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) && 'value' in spec ? (spec as { value: unknown }).value : spec;
}

function matchesText(values: unknown[], query: unknown): boolean {
  const q = typeof query === 'object' && query !== null && 'query' in query ? (query as { query: unknown }).query : query;
  const words = String(q).toLowerCase().split(/\s+/).filter(Boolean);
  return values.some((v) => typeof v === 'string' ? words.some((w) => v.toLowerCase().split(/\W+/).includes(w)) : v === q);
}

function clauses(value: unknown): Query[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as Query[];
}

/** Whether a document matches; an unknown keyword answers Kuzzle's services.storage.unknown_query_keyword. */
export function matches(query: Query | undefined, id: string, source: unknown): boolean {
  if (query === undefined || Object.keys(query).length === 0) return true;
  return Object.entries(query).every(([keyword, spec]) => {
    switch (keyword) {
      case 'match_all':
        return true;
      case 'match_none':
        return false;
      case 'ids':
        return Array.isArray((spec as { values?: unknown })?.values) && (spec as { values: unknown[] }).values.includes(id);
      case 'term': {
        const [field, value] = single(spec);
        return valuesAt(source, field).includes(termValue(value));
      }
      case 'terms': {
        const [field, list] = single(spec);
        const wanted = Array.isArray(list) ? list : [];
        return valuesAt(source, field).some((v) => wanted.includes(v));
      }
      case 'match': {
        const [field, value] = single(spec);
        return matchesText(valuesAt(source, field), value);
      }
      case 'exists':
        return valuesAt(source, String((spec as { field?: unknown })?.field)).some((v) => v !== null);
      case 'bool': {
        const b = (spec ?? {}) as Query;
        const all = [...clauses(b.must), ...clauses(b.filter)].every((q) => matches(q, id, source));
        const none = clauses(b.must_not).every((q) => !matches(q, id, source));
        const should = clauses(b.should);
        return all && none && (should.length === 0 || should.some((q) => matches(q, id, source)));
      }
      default:
        throw kerror('services.storage.unknown_query_keyword', keyword);
    }
  });
}
