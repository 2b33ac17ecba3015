import type { FamilyMock, FamilyModule, FamilyOptions } from '../../src/core/family.ts';
import type { HttpRequest, HttpResponse } from '../../src/core/http-exchange.ts';
import { secretKey } from '../../src/core/jwt.ts';
import type { DeviceHiveContext } from './context.ts';
import { deviations, notDeviable } from './deviations.ts';
import { generator } from './generate.ts';
import { manifest } from './manifest.ts';
import { MESSAGES } from './messages.ts';
import { createMqttSurface } from './mqtt-surface.ts';
import { restJson } from './rest-respond.ts';
import { handleRest } from './rest-routes.ts';
import { readSeed, seedAdministrator, seedRecords } from './seed.ts';
import { readState } from './state.ts';
import { UserDirectory } from './users.ts';
import { createWsSurface } from './ws-surface.ts';

/** What the nginx proxy in front of the reference makes of any 5xx (devicehive-proxy location.d/errors-in-json.conf). */
function internalError(): HttpResponse {
  return restJson(500, { error: 500, message: MESSAGES.INTERNAL_SERVER_ERROR });
}

/**
 * The DeviceHive mock: the REST API under /api/rest and the WebSocket API at /api/websocket on one port, and the
 * devicehive-mqtt broker's dh/request ↔ dh/response/<action>@<clientId> on another (devicehive.md).
 */
function create(options: FamilyOptions): FamilyMock {
  const seed = readSeed(options.seed);
  const now = options.now ?? Date.now;
  const users = new UserDirectory({ refreshDelayMs: options.refreshDelayMs ?? 1000, now });
  users.replaceAll(seedRecords(seed));
  const ctx: DeviceHiveContext = { users, behaviour: options.behaviour, secret: secretKey(options.jwtSecret), tokenTtlSeconds: options.tokenTtlSeconds, now };
  const admin = seedAdministrator(seed);
  return {
    family: 'devicehive',
    async http(request: HttpRequest) {
      try {
        return await handleRest(ctx, request);
      } catch {
        // AllExceptionMapper: nothing a request sends may take the server down.
        return internalError();
      }
    },
    ws: createWsSurface(ctx),
    mqtt: createMqttSurface(ctx),
    reset: () => users.replaceAll(seedRecords(seed)),
    exportState: () => users.export(),
    importState: (state) => users.import(readState(state)),
    credentials: async () => ({ admin: { login: admin?.login, password: admin?.password } }),
    faultResponse: internalError,
  };
}

const module = { family: manifest.family, manifest, create, deviations, notDeviable, generator } satisfies FamilyModule;
export default module;
export { notDeviable };
