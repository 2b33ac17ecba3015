/**
 * The mock's families given on the command line, started from the sources on ephemeral ports of 127.0.0.1: a child
 * for measurements that need the mock's own process (its memory), whatever is built in dist/.
 */
import { resolveMockConfig } from '../../src/config/mock-config.ts';
import { allDeviations } from '../../src/server/family-modules.ts';
import { startMock } from '../../src/server/mock-server.ts';
import type { Family } from '../../src/specs/families.ts';

const families = (process.argv[2] ?? 'kuzzle,devicehive').split(',') as Family[];
const zero = { http: 0, mqtt: 0 };
const mock = await startMock(
  resolveMockConfig({ file: { families, host: '127.0.0.1', ports: { kuzzle: zero, devicehive: zero, userapi: { http: 0 } } }, flags: {} }, new Set(allDeviations().keys())),
);
console.log(JSON.stringify({ listeners: mock.listeners, credentials: await mock.credentials() }));
