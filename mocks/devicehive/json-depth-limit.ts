/** The deepest JSON nesting DeviceHive reads: its REST entities go through Jackson, whose default max nesting depth is 1000. */
export const DEVICEHIVE_MAX_JSON_DEPTH = 1000;
