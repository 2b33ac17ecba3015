import type { FamilyManifest } from '../../src/core/manifest.ts';

/** Kuzzle's listeners, profiles and documented routes, as data (kuzzle.md). */
export const manifest = {
  family: 'kuzzle',
  title: 'Kuzzle',
  transports: ['http', 'ws', 'mqtt'],
  ports: {
    http: { defaultPort: 7512, flag: '--kuzzle-port', help: 'Kuzzle HTTP and WebSocket' },
    mqtt: { defaultPort: 1883, flag: '--kuzzle-mqtt-port', help: 'Kuzzle MQTT' },
  },
  // The WebSocket answers an upgrade on any path; '' mounts both at the root.
  paths: { http: '', ws: '' },
  profiles: ['kuzzle-2.56'],
  targetAuth: { kind: 'as-seeded' },
  adminLoginField: 'username',
  credentialsCheck: { kind: 'admin-login', path: '/_login/local', statuses: [200], token: ['result', 'jwt'], reason: [['error', 'message']] },
  mqttRequestTopic: 'Kuzzle/request',
  // uWebSockets.js closes an HTTP connection silent for 10 s (HTTP_IDLE_TIMEOUT_S in its HttpContext), in the headers,
  // the body or between two requests, without an answer. It has no total budget of its own; 65 s bounds a request
  // dribbled just fast enough to stay under the idle timeout (no better figure in research/kuzzle.md).
  httpTimeouts: { headersMs: 65_000, requestMs: 65_000, idleMs: 10_000, keepAliveMs: 10_000 },
  // Accept-Encoding gzip or deflate gets a compressed answer (kuzzle.md §2.2, kuzzle-observed-2.json pair 44).
  httpCompression: true,
  // A 1.2 MB frame closes the socket with 1006 and no answer (kuzzle.md §3, kuzzle-observed-2.json pair 147).
  wsOversize: 'drop',
  documentedRoutes: [
    { method: 'put', path: '/_me' },
    { method: 'put', path: '/_updateSelf', deprecated: true },
    { method: 'put', path: '/profiles/{_id}/_update' },
  ],
} as const satisfies FamilyManifest;
