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
  mqttRequestTopic: 'Kuzzle/request',
  documentedRoutes: [
    { method: 'put', path: '/_me' },
    { method: 'put', path: '/_updateSelf', deprecated: true },
    { method: 'put', path: '/profiles/{_id}/_update' },
  ],
} as const satisfies FamilyManifest;
