/** The deepest JSON nesting userapi reads: PHP's json_decode default $depth is 512 ("Maximum stack depth exceeded" beyond). */
export const USERAPI_MAX_JSON_DEPTH = 512;
