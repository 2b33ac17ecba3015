import type { FamilyManifest } from '../../src/core/manifest.ts';

/** The userapi's listener, profile and documented route, as data. */
export const manifest = {
  family: 'userapi',
  title: 'userapi',
  transports: ['http'],
  ports: { http: { defaultPort: 8000, flag: '--userapi-port', help: 'userapi HTTP' } },
  paths: { http: '' },
  profiles: ['userapi-laravel'],
  // The suite logs in with tokens: the target file carries each user's token and email, never a password.
  targetAuth: { kind: 'list', list: 'users', fields: ['token', 'email'] },
  documentedRoutes: [{ method: 'put', path: '/api/user/update' }],
} as const satisfies FamilyManifest;
