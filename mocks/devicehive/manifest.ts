import type { FamilyManifest } from '../../src/core/manifest.ts';

/** DeviceHive's listeners, profiles and documented routes, as data (devicehive.md). */
export const manifest = {
  family: 'devicehive',
  title: 'DeviceHive',
  transports: ['http', 'ws', 'mqtt'],
  ports: {
    http: { defaultPort: 8080, flag: '--devicehive-port', help: 'DeviceHive REST and WebSocket' },
    // devicehive-mqtt is a broker of its own, on a port of its own: 1884 lets it run beside a broker on 1883.
    mqtt: { defaultPort: 1884, flag: '--devicehive-mqtt-port', help: 'DeviceHive MQTT' },
  },
  paths: { http: '/api/rest', ws: '/api/websocket' },
  profiles: ['devicehive-4'],
  targetAuth: { kind: 'as-seeded' },
  adminLoginField: 'login',
  mqttRequestTopic: 'dh/request',
  documentedRoutes: [
    { method: 'put', path: '/user/{id}' },
    { method: 'put', path: '/user/current' },
  ],
} as const satisfies FamilyManifest;
