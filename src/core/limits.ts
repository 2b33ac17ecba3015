/** The reference servers' default request size limit (1 MB, server.maxRequestSize), used by every family and transport for request bodies. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The deepest JSON nesting Kuzzle stores: Elasticsearch reads documents with Jackson, whose StreamReadConstraints
 * refuse a document nested deeper than 1000 (DEFAULT_MAX_DEPTH, Jackson 2.15+, the version Elasticsearch 8 ships).
 */
export const KUZZLE_MAX_JSON_DEPTH = 1000;

/** The deepest JSON nesting DeviceHive reads: its REST entities go through Jackson, whose default max nesting depth is 1000. */
export const DEVICEHIVE_MAX_JSON_DEPTH = 1000;

/** The deepest JSON nesting userapi reads: PHP's json_decode default $depth is 512 ("Maximum stack depth exceeded" beyond). */
export const USERAPI_MAX_JSON_DEPTH = 512;
