import { resolveMockConfig, type MockConfigInput } from '../../src/config/mock-config.ts';
import { allDeviations } from '../../src/server/family-modules.ts';
import { startMock, type RunningMock } from '../../src/server/mock-server.ts';
import type { Family } from '../../src/specs/families.ts';

export const TEST_SECRET = 'conform-test-secret';

/** A mock on 127.0.0.1 with every port ephemeral, a known JWT secret, and whatever the test adds. */
export async function startTestMock(families: Family[], extra: MockConfigInput = {}): Promise<RunningMock> {
  const zero = { http: 0, mqtt: 0 };
  const base: MockConfigInput = {
    families,
    host: '127.0.0.1',
    ports: { kuzzle: zero, devicehive: zero, userapi: { http: 0 } },
    jwt: { secret: TEST_SECRET },
  };
  return startMock(resolveMockConfig({ file: base, flags: extra }, new Set(allDeviations().keys())));
}

export function url(mock: RunningMock, family: Family, transport: 'http' | 'ws' | 'mqtt' = 'http'): string {
  const listener = mock.listeners.find((l) => l.family === family && l.transport === transport);
  if (!listener) throw new Error(`no ${family} ${transport} listener`);
  return listener.url;
}
