/**
 * Baseline: bare node:http doing the JSON work of PUT /_me (read the body, JSON.parse, check the bearer,
 * JSON.stringify a Kuzzle-shaped envelope), as in ../shared/research/performance.md. Prints {"port"} when ready.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';

const TOKEN = process.argv[2] ?? 'bench-token';
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const auth = req.headers.authorization ?? '';
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = null;
    }
    const ok = auth === `Bearer ${TOKEN}` && body !== null;
    const requestId = randomUUID();
    const payload = JSON.stringify({
      action: 'updateSelf',
      controller: 'auth',
      error: ok ? null : { message: 'Invalid token.', status: 401 },
      headers: {},
      requestId,
      result: ok ? { _id: 'bench', _source: body } : null,
      status: ok ? 200 : 401,
      volatile: null,
    });
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json', 'x-kuzzle-request-id': requestId });
    res.end(payload);
  });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
