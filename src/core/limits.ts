/** The reference servers' default request size limit (1 MB, server.maxRequestSize), used by every family and transport for request bodies. */
export const MAX_BODY_BYTES = 1024 * 1024;
