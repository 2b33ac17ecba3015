/**
 * `node --import tsx bench/decompression-bomb.ts`: the peak RSS of the mock process while it answers a Kuzzle
 * `PUT /_me` whose body is 128 MiB of zeros gzip-compressed twice (`Content-Encoding: gzip, gzip`, a few hundred
 * bytes on the wire). A measurement, not a test: it prints figures and asserts nothing. One request, so bounded.
 */
import { gzipSync } from 'node:zlib';
import { startTestMock, url } from '../test/helpers/start-mock.ts';

const DECODED_BYTES = 128 * 1024 * 1024;

async function main(): Promise<void> {
  const inner = gzipSync(Buffer.from(`{"bomb":"${'0'.repeat(DECODED_BYTES)}"}`));
  const bomb = gzipSync(inner);
  const mock = await startTestMock(['kuzzle']);
  const base = url(mock, 'kuzzle');
  const login = await fetch(`${base}/_login/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"admin","password":"admin-password"}' });
  const jwt = ((await login.json()) as { result: { jwt: string } }).result.jwt;
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const response = await fetch(`${base}/_me`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json', 'content-encoding': 'gzip, gzip' },
    body: bomb,
  });
  const text = await response.text();
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`bomb on the wire: ${bomb.length} bytes, decoded: ${mib(DECODED_BYTES)}`);
  console.log(`answer: ${response.status}, ${text.length} bytes: ${text.slice(0, 120)}`);
  console.log(`RSS before: ${mib(baseline)}, peak: ${mib(peak)}, growth: ${mib(peak - baseline)}`);
  await mock.stop();
}

await main();
