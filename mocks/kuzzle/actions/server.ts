import type { Behaviour } from '../../../src/core/behaviour.ts';
import type { ActionHandler } from '../context.ts';
import { buildApiDefinition, type ApiDefinition } from '../api-definition.ts';
import { adminExists } from './security-users.ts';

export const KUZZLE_VERSION = '2.56.0';
const started = Date.now();

/**
 * The route table kuzzle-sdk's Http protocol reads (kuzzle.md §7.1). kuzzle.all.route.public-api: the deviation leaves
 * out auth:updateSelf, auth:getCurrentUser and security:updateProfile.
 */
export function publicApiDefinition(behaviour: Behaviour): ApiDefinition {
  const definition = buildApiDefinition();
  if (behaviour.deviates('kuzzle.all.route.public-api')) {
    delete definition.auth?.updateSelf;
    delete definition.auth?.getCurrentUser;
    delete definition.security?.updateProfile;
  }
  return definition;
}

export const now: ActionHandler = async ({ env }) => ({ now: env.now() });

export const publicApi: ActionHandler = async ({ env }) => publicApiDefinition(env.behaviour);

export const serverAdminExists: ActionHandler = async ({ env }) => ({ exists: adminExists(env) });

/**
 * server:info (serverController.js:236-289): serverInfo.kuzzle.api.routes is the same definition as publicApi (the
 * SDK's fallback when /_publicApi answers 404). Host figures are not the mock's to give: they are zeros.
 */
export const info: ActionHandler = async ({ env }) => ({
  serverInfo: {
    kuzzle: {
      api: { routes: publicApiDefinition(env.behaviour) },
      application: {},
      memoryUsed: 0,
      nodeVersion: (globalThis as { process?: { version?: string } }).process?.version ?? 'v20.0.0',
      plugins: {},
      system: { cpus: [], memory: { free: 0, total: 0 } },
      uptime: `${(env.now() - started) / 1000}s`,
      version: KUZZLE_VERSION,
    },
    services: {},
  },
});
