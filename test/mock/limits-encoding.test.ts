// Decoded size (issue 11, defect 3): Kuzzle undoes Content-Encoding layers itself, and its request size limit holds
// for the decoded request, layer by layer, so a few hundred bytes of gzip cannot inflate into gigabytes in the mock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync, deflateSync } from 'node:zlib';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import { MAX_BODY_BYTES } from '../../src/core/limits.ts';

let mock: RunningMock;
let base: string;
let jwt: string;

before(async () => {
  mock = await startTestMock(['kuzzle']);
  base = url(mock, 'kuzzle');
  const login = await fetch(`${base}/_login/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"admin","password":"admin-password"}' });
  jwt = ((await login.json()) as { result: { jwt: string } }).result.jwt;
});
after(() => mock.stop());

/** A JSON body of exactly `bytes` bytes once decoded. */
const bodyOf = (bytes: number) => Buffer.from(`{"pad":"${'0'.repeat(bytes - 10)}"}`);

async function put(body: Buffer, encoding: string): Promise<{ status: number; json: Record<string, any> }> {
  const res = await fetch(`${base}/_me`, { method: 'PUT', headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json', 'content-encoding': encoding }, body: new Uint8Array(body) });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as Record<string, any> };
}

test('a gzip body that decodes to just under the limit is stored; one byte over is 413 request_too_large', async () => {
  const fits = await put(gzipSync(bodyOf(MAX_BODY_BYTES)), 'gzip');
  assert.equal(fits.status, 200, JSON.stringify(fits.json.error));
  const over = await put(gzipSync(bodyOf(MAX_BODY_BYTES + 1)), 'gzip');
  assert.equal(over.status, 413);
  assert.equal(over.json.id, 'network.http.request_too_large', 'the raw error Kuzzle answers before routing');
});

test('a gzip,gzip bomb of 128 MiB (a few hundred bytes on the wire) is refused with 413, and the server still answers', async () => {
  const bomb = gzipSync(gzipSync(Buffer.alloc(128 * 1024 * 1024, 0x30)));
  assert.ok(bomb.length < 1024, `the bomb is ${bomb.length} bytes`);
  const refused = await put(bomb, 'gzip, gzip');
  assert.equal(refused.status, 413);
  assert.equal(refused.json.id, 'network.http.request_too_large', 'the raw error Kuzzle answers before routing');
  const after = await put(gzipSync(bodyOf(100)), 'gzip');
  assert.equal(after.status, 200);
});

test('each layer is held to the limit: deflate inside gzip over the limit is refused at the inner layer', async () => {
  const layered = gzipSync(deflateSync(bodyOf(MAX_BODY_BYTES + 1)));
  const refused = await put(layered, 'deflate, gzip');
  assert.equal(refused.status, 413);
  assert.equal(refused.json.id, 'network.http.request_too_large', 'the raw error Kuzzle answers before routing');
  const fits = await put(gzipSync(deflateSync(bodyOf(1000))), 'deflate, gzip');
  assert.equal(fits.status, 200);
});
