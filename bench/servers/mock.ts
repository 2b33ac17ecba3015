/** The mock under load, in its own process like the baselines: prints its listeners and credentials when ready. */
import { resolveMockConfig } from '../../src/config/mock-config.ts';
import { allDeviations } from '../../src/server/family-modules.ts';
import { startMock } from '../../src/server/mock-server.ts';
import type { Family } from '../../src/specs/families.ts';

const families = (process.argv[2] ?? 'kuzzle').split(',') as Family[];
const zero = { http: 0, mqtt: 0 };
const mock = await startMock(
  resolveMockConfig({ flags: { families, ports: { kuzzle: zero, devicehive: zero, userapi: { http: 0 } }, jwt: { secret: 'bench-secret-0123456789' } } }, new Set(allDeviations().keys())),
);
console.log(JSON.stringify({ listeners: mock.listeners, credentials: await mock.credentials() }));
// A graceful exit on SIGTERM lets --cpu-prof write its profile when the mock is profiled under load.
process.once('SIGTERM', () => mock.stop().then(() => process.exit(0)));
