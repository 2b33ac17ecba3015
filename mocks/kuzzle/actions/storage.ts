import { getBody, getResource } from '../args.ts';
import type { ActionHandler } from '../context.ts';
import { kerror } from '../errors.ts';

/** Characters an index or collection name cannot hold (elasticsearch.ts:70, FORBIDDEN_CHARS). */
const FORBIDDEN = '\\/*?"<>| \t\r\n,+#:.&%';
/** The hidden collection that keeps an empty index alive (HIDDEN_COLLECTION). */
const HIDDEN_COLLECTION = '_kuzzle_keep';

/** _isObjectNameValid (elasticsearch.ts:3843-3867). */
function isNameValid(name: string): boolean {
  if (name.length === 0 || name.toLowerCase() !== name || new TextEncoder().encode(name).length > 126 || name === '_all') return false;
  return ![...FORBIDDEN].some((c) => name.includes(c));
}

/** index:create: no result key; an existing index → 412, an invalid name → 400 (clientAdapter.js:88-104). */
export const createIndex: ActionHandler = async ({ request, env }) => {
  const index = getResource(request, 'index');
  if (env.state.indexes.has(index)) throw kerror('services.storage.index_already_exists', 'public', index);
  if (!isNameValid(index)) throw kerror('services.storage.invalid_index_name', index);
  env.state.indexes.put(index, { collections: [] }, { waitForRefresh: true });
  return undefined;
};

export const deleteIndex: ActionHandler = async ({ request, env }) => {
  const index = getResource(request, 'index');
  if (!env.state.indexes.has(index)) throw kerror('services.storage.unknown_index', index);
  env.state.indexes.delete(index);
  return { acknowledged: true };
};

export const indexExists: ActionHandler = async ({ request, env }) => env.state.indexes.has(getResource(request, 'index'));

/**
 * collection:create: creates the index too if needed; an existing collection is updated, not an error. Mappings and
 * settings are accepted and not kept (documents are out of the mock's scope).
 */
export const createCollection: ActionHandler = async ({ request, env }) => {
  getBody(request, {});
  const index = getResource(request, 'index');
  const collection = getResource(request, 'collection');
  if (!isNameValid(index)) throw kerror('services.storage.invalid_index_name', index);
  if (!isNameValid(collection)) throw kerror('services.storage.invalid_collection_name', collection);
  if (collection === HIDDEN_COLLECTION) throw kerror('services.storage.collection_reserved', HIDDEN_COLLECTION);
  const collections = env.state.indexes.get(index)?.source.collections ?? [];
  if (!collections.includes(collection)) env.state.indexes.put(index, { collections: [...collections, collection] }, { waitForRefresh: true });
  return { acknowledged: true };
};

export const collectionExists: ActionHandler = async ({ request, env }) => {
  const index = getResource(request, 'index');
  const collection = getResource(request, 'collection');
  return env.state.indexes.get(index)?.source.collections.includes(collection) ?? false;
};
