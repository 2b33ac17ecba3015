import path from 'node:path';
import { SPECS_DIR } from './paths.ts';
import type { Family } from './families.ts';
import { manifests } from '../families/lookup.ts';

/** The families with a WebSocket or MQTT surface (an AsyncAPI description), as their manifests say. */
export const ASYNC_FAMILIES: readonly Family[] = manifests()
  .filter((m) => m.transports.some((t) => t !== 'http'))
  .map((m) => m.family as Family);

export function openapiPath(family: Family): string {
  return path.join(SPECS_DIR, 'openapi', `${family}.yaml`);
}

export function asyncapiPath(family: Family): string {
  return path.join(SPECS_DIR, 'asyncapi', `${family}.yaml`);
}
