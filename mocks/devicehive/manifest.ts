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
  credentialsCheck: { kind: 'admin-login', path: '/token', statuses: [200, 201], token: ['accessToken'], reason: [['message'], ['error']] },
  mqttRequestTopic: 'dh/request',
  // Behind nginx (devicehive.md §1.1: the docker-compose proxy) with its defaults: client_header_timeout 60 s for the
  // headers, client_body_timeout 60 s between two reads of the body, keepalive_timeout 75 s; a timed-out request is
  // closed without an answer (nginx terminates on 408, it does not send it). nginx has no total budget: the 300 s
  // ceiling is Node's default requestTimeout, kept so that no request lasts for ever.
  httpTimeouts: { headersMs: 60_000, requestMs: 300_000, idleMs: 60_000, keepAliveMs: 75_000 },
  wsOversize: 'close-1009',
  documentedRoutes: [
    { method: 'put', path: '/user/{id}' },
    { method: 'put', path: '/user/current' },
  ],
} as const satisfies FamilyManifest;
