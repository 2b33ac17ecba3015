import path from 'node:path';
import { SPECS_DIR } from './paths.ts';
import type { Family } from './families.ts';

/** The families with a WebSocket or MQTT surface. */
export const ASYNC_FAMILIES: readonly Family[] = ['kuzzle', 'devicehive'];

export function openapiPath(family: Family): string {
  return path.join(SPECS_DIR, 'openapi', `${family}.yaml`);
}

export function asyncapiPath(family: Family): string {
  return path.join(SPECS_DIR, 'asyncapi', `${family}.yaml`);
}
