/** Kuzzle's server.maxRequestSize default (1 MB), used by every family and transport for request bodies. */
export const MAX_BODY_BYTES = 1024 * 1024;
