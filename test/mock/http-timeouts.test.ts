// Slow clients over real sockets: a request whose headers or body dribble in, or that falls silent, is closed
// without an answer, as uWebSockets (Kuzzle) and nginx (DeviceHive, userapi) do. The real budgets are a minute or
// so; the configuration's httpTimeouts shortens them to 300 ms here, and every dribble loop is bounded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import type { Family } from '../../src/specs/families.ts';
import { timeoutOptions } from '../../src/server/http-timeouts.ts';
import { manifest as kuzzle } from '../../mocks/kuzzle/manifest.ts';
import { manifest as devicehive } from '../../mocks/devicehive/manifest.ts';
import { manifest as userapi } from '../../mocks/userapi/manifest.ts';

const ROUTES: Record<Family, string> = { kuzzle: '/_me', devicehive: '/api/rest/user/current', userapi: '/api/user/update' };
const FAMILIES = Object.keys(ROUTES) as Family[];
/** 60 pieces 50 ms apart: three seconds of dribbling, ten times the 300 ms budget. */
const PIECES = 60;
const GAP_MS = 50;

let budgets: RunningMock;
let idle: RunningMock;

before(async () => {
  budgets = await startTestMock(FAMILIES, { httpTimeouts: { headersMs: 300, requestMs: 300, idleMs: 0 } });
  idle = await startTestMock(FAMILIES, { httpTimeouts: { headersMs: 0, requestMs: 0, idleMs: 300 } });
});
after(async () => {
  await budgets.stop();
  await idle.stop();
});

interface Dribbled {
  closedByServer: boolean;
  piecesSent: number;
  received: string;
}

function connect(base: string): Promise<net.Socket> {
  const { hostname, port } = new URL(base);
  const socket = net.connect(Number(port), hostname);
  socket.on('error', () => undefined); // a write racing the server's close may fail with EPIPE
  return once(socket, 'connect').then(() => socket);
}

/** Sends `head`, then `piece` every GAP_MS, at most PIECES times, and stops as soon as the server closes. */
async function dribble(base: string, head: string, piece: string): Promise<Dribbled> {
  const socket = await connect(base);
  let received = '';
  let closed = false;
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('close', () => (closed = true));
  socket.write(head);
  let sent = 0;
  while (sent < PIECES && !closed) {
    socket.write(piece);
    sent++;
    await sleep(GAP_MS);
  }
  socket.destroy();
  return { closedByServer: closed, piecesSent: sent, received };
}

/** Sends `head` and waits, at most five seconds, for the server to close the connection. */
async function fallSilent(base: string, head: string): Promise<{ closedByServer: boolean; received: string }> {
  const socket = await connect(base);
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.write(head);
  const outcome = await Promise.race([once(socket, 'close').then(() => 'closed'), sleep(5_000).then(() => 'still open')]);
  socket.destroy();
  return { closedByServer: outcome === 'closed', received };
}

const bodyHead = (path: string) => `PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n`;

for (const family of FAMILIES) {
  test(`${family}: a body dribbled past the request budget is cut with no answer`, async () => {
    const outcome = await dribble(url(budgets, family), bodyHead(ROUTES[family]), ' ');
    assert.ok(outcome.closedByServer, `the server closed the connection (${outcome.piecesSent} of ${PIECES} pieces sent)`);
    assert.ok(outcome.piecesSent < PIECES, 'before the client had finished dribbling');
    assert.equal(outcome.received, '', 'no answer, not even a 408');
  });

  test(`${family}: headers dribbled past the headers budget are cut with no answer`, async () => {
    const outcome = await dribble(url(budgets, family), `GET ${ROUTES[family]} HTTP/1.1\r\nHost: 127.0.0.1\r\n`, 'X-Slow: 1\r\n');
    assert.ok(outcome.closedByServer, `the server closed the connection (${outcome.piecesSent} of ${PIECES} pieces sent)`);
    assert.ok(outcome.piecesSent < PIECES);
    assert.equal(outcome.received, '');
  });

  test(`${family}: a request that falls silent mid-body is closed at the idle timeout with no answer`, async () => {
    const outcome = await fallSilent(url(idle, family), `${bodyHead(ROUTES[family])}{"data":`);
    assert.ok(outcome.closedByServer, 'the server closed the silent connection');
    assert.equal(outcome.received, '');
  });

  test(`${family}: a request sent at once is still answered under the short budgets`, async () => {
    const response = await fetch(`${url(budgets, family)}${ROUTES[family].replace(/^\/api\/rest/, '')}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.ok(response.status >= 200 && response.status < 500, `the family answered (${response.status})`);
    await response.arrayBuffer();
  });
}

test('the manifests carry the real servers’ timeouts and the listener options follow them', () => {
  assert.deepEqual(timeoutOptions(kuzzle.httpTimeouts), {
    http: { headersTimeout: 65_000, requestTimeout: 65_000, connectionsCheckingInterval: 16_250 },
    requestTimeout: 65_000,
    connectionTimeout: 10_000,
    keepAliveTimeout: 10_000,
  });
  for (const nginx of [devicehive, userapi]) {
    const options = timeoutOptions(nginx.httpTimeouts);
    assert.deepEqual([options.http.headersTimeout, options.connectionTimeout, options.keepAliveTimeout], [60_000, 60_000, 75_000], nginx.family);
  }
  // Node refuses a headers budget above the total one: the total one bounds both.
  assert.equal(timeoutOptions({ headersMs: 0, requestMs: 300, idleMs: 0, keepAliveMs: 0 }).http.headersTimeout, 300);
});
