import type { VersionedStore } from '../../src/core/store.ts';
import { getBody, getBodyObject, getInteger, getString } from './args.ts';
import { kerror } from './errors.ts';
import type { ApiRequest } from './request.ts';
import { matches } from './search-query.ts';

export interface SearchParams {
  from: number;
  size: number;
  body: Record<string, unknown>;
}

/**
 * getSearchParams + _getSearchPageSize + getLangParam (kuzzleRequest.ts:386-405, 913-938): from 0, size up to the
 * documentsFetchCount limit (10000), scroll a string, lang elasticsearch or koncorde; the query is body.query.
 */
export function searchParams(request: ApiRequest): SearchParams {
  const size = getInteger(request, 'size', 10000);
  const from = getInteger(request, 'from', 0);
  const scroll = request.args.scroll;
  if (scroll && typeof scroll !== 'string') throw kerror('api.assert.invalid_type', 'scroll', 'string');
  getBodyObject(request, 'query', {});
  const lang = getString(request, 'lang', 'elasticsearch');
  if (lang !== 'elasticsearch' && lang !== 'koncorde') throw kerror('api.assert.invalid_argument', 'lang', '"elasticsearch" or "koncorde"');
  const body = getBody<Record<string, unknown>>(request, {});
  return { from, size, body: Array.isArray(body) ? {} : body };
}

/** What a search sees: refreshed documents only (store.search), paginated; total counts every match. */
export function runSearch<T, H>(
  store: VersionedStore<T>,
  query: Record<string, unknown> | undefined,
  params: { from: number; size: number },
  serialize: (id: string, source: T) => H,
): { hits: H[]; total: number } {
  const found = store.search((source, id) => matches(query, id, source));
  const hits = found.slice(params.from, params.from + params.size).map((hit) => serialize(hit.id, structuredClone(hit.source)));
  return { hits, total: found.length };
}
