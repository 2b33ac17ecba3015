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
  credentialsCheck: { kind: 'user-tokens', list: 'users' },
  // The Laravel app served by nginx and PHP-FPM (the usual deployment; userapi.md names none) with its defaults: client_header_timeout 60 s for the
  // headers, client_body_timeout 60 s between two reads of the body, keepalive_timeout 75 s; a timed-out request is
  // closed without an answer (nginx terminates on 408, it does not send it). nginx has no total budget: the 300 s
  // ceiling is Node's default requestTimeout, kept so that no request lasts for ever.
  httpTimeouts: { headersMs: 60_000, requestMs: 300_000, idleMs: 60_000, keepAliveMs: 75_000 },
  documentedRoutes: [{ method: 'put', path: '/api/user/update' }],
} as const satisfies FamilyManifest;
