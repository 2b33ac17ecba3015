// The official devicehive JS client (2.x) against the mock over real loopback sockets, HTTP and WebSocket.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import DeviceHive from 'devicehive';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

const Client = DeviceHive as unknown as (new (options: object) => any) & { models: { User: new (fields: object) => unknown } };

let mock: RunningMock;
let admin: { login: string; password: string };

before(async () => {
  mock = await startTestMock(['devicehive']);
  admin = ((await mock.credentials()).devicehive as { admin: { login: string; password: string } }).admin;
});
after(() => mock.stop());

for (const transport of ['http', 'ws'] as const) {
  test(`devicehive client over ${transport}: login, user.updateCurrent, user.getCurrent`, async () => {
    const mainServiceURL = url(mock, 'devicehive', transport);
    const options = transport === 'http' ? { mainServiceURL, authServiceURL: mainServiceURL } : { mainServiceURL };
    const client = new Client({ ...options, login: admin.login, password: admin.password });
    await client.connect();
    try {
      await client.user.updateCurrent(new Client.models.User({ data: { via: transport, n: 1 } }));
      const current = await client.user.getCurrent();
      assert.equal(current.login, admin.login);
      assert.deepEqual(current.data, { via: transport, n: 1 });
    } finally {
      await client.disconnect();
    }
  });
}
