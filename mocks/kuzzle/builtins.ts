import type { Policy, RoleControllers } from './state.ts';

/**
 * The roles and profiles of a restricted Kuzzle: config.security.standard, which security:createFirstAdmin?reset
 * (or security:restrictDefaultRights) writes over the bootstrap's all-permissive ones
 * (kuzzle.md §9.1; lib/config/default.config.ts:130-192).
 */
export const BUILTIN_ROLES: Record<string, { controllers: RoleControllers }> = {
  admin: { controllers: { '*': { actions: { '*': true } } } },
  default: {
    controllers: {
      auth: { actions: { checkToken: true, getCurrentUser: true, getMyRights: true, logout: true, updateSelf: true } },
      server: { actions: { publicApi: true } },
    },
  },
  anonymous: {
    controllers: {
      auth: { actions: { checkToken: true, getCurrentUser: true, getMyRights: true, login: true } },
      server: { actions: { publicApi: true, openapi: true } },
    },
  },
};

export const BUILTIN_PROFILES: Record<string, { policies: Policy[]; rateLimit: number }> = {
  admin: { policies: [{ roleId: 'admin' }], rateLimit: 0 },
  default: { policies: [{ roleId: 'default' }], rateLimit: 10 },
  anonymous: { policies: [{ roleId: 'anonymous' }], rateLimit: 200 },
};

/** Roles and profiles that cannot be deleted (security.role/profile.cannot_delete). */
export const PROTECTED_IDS = ['admin', 'default', 'anonymous'];

/** The anonymous user: held in memory, never stored (userRepository.js:48-53). */
export const ANONYMOUS_ID = '-1';
export const ANONYMOUS_SOURCE = { profileIds: ['anonymous'], name: 'Anonymous' };
