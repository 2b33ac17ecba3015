/**
 * The deepest JSON nesting Kuzzle stores: Elasticsearch reads documents with Jackson, whose StreamReadConstraints
 * refuse a document nested deeper than 1000 (DEFAULT_MAX_DEPTH, Jackson 2.15+, the version Elasticsearch 8 ships).
 */
export const KUZZLE_MAX_JSON_DEPTH = 1000;
