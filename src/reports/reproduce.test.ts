import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { WebSocketServer } from 'ws';
import { reproduce, reproduceExchange, shellQuote } from './reproduce.ts';

const ctx = { endpoints: { http: 'http://h:1', ws: 'ws://127.0.0.1:9', mqtt: 'mqtt://broker:1884' }, mqttRequestTopic: 'Kuzzle/request' };
/** What a POSIX shell makes of a quoted word. */
const sh = (word: string) => execFileSync('sh', ['-c', `printf %s ${word}`], { encoding: 'utf8' });

test('shellQuote: quotes, newlines, dollar signs and backslashes survive a real shell unchanged', () => {
  for (const s of [`it's "quoted"`, 'two\nlines', '$HOME `x` \\n', '', 'plain-word']) assert.equal(sh(shellQuote(s)), s);
});

test('HTTP: curl with method, url, headers and the body; Authorization comes from $CONFORM_TOKEN, its scheme kept', () => {
  const raw = reproduceExchange({ transport: 'http', request: { method: 'PUT', url: 'http://h:1/api/user/update', headers: { Authorization: 'eyJabc.def', 'content-type': 'application/x-www-form-urlencoded', 'content-length': '9' }, body: `json={"name":"O'Brien"}` } }, ctx);
  assert.equal(raw, `curl -sS -i -X PUT http://h:1/api/user/update -H "Authorization: $CONFORM_TOKEN" -H 'content-type: application/x-www-form-urlencoded' --data-raw 'json={"name":"O'\\''Brien"}'`);
  assert.doesNotMatch(raw ?? '', /eyJ/);
  const bearer = reproduceExchange({ transport: 'http', request: { method: 'GET', url: 'http://h:1/x', headers: { authorization: 'Bearer [REDACTED]' } } }, ctx);
  assert.equal(bearer, `curl -sS -i -X GET http://h:1/x -H "Authorization: Bearer $CONFORM_TOKEN"`);
});

test('MQTT: mosquitto_rr for a request with an answer topic, mosquitto_sub for SUBSCRIBE and CONNECT, the password from the environment', () => {
  assert.equal(
    reproduceExchange({ transport: 'mqtt', request: { publish: 'dh/request', clientId: 'c1', qos: 1, payload: { action: 'user/updateCurrent' } }, response: { topic: 'dh/response/user/updateCurrent@c1', payload: {} } }, ctx),
    `mosquitto_rr -V mqttv311 -h broker -p 1884 -i c1 -q 1 -t dh/request -e dh/response/user/updateCurrent@c1 -W 5 -m '{"action":"user/updateCurrent"}'`,
  );
  assert.equal(reproduceExchange({ transport: 'mqtt', request: { controller: 'auth', action: 'updateSelf' }, response: { topic: 'Kuzzle/response', payload: {} } }, ctx), `mosquitto_rr -V mqttv311 -h broker -p 1884 -t Kuzzle/request -e Kuzzle/response -W 5 -m '{"controller":"auth","action":"updateSelf"}'`);
  assert.equal(reproduceExchange({ transport: 'mqtt', request: { subscribe: 'Kuzzle/response' }, response: { granted: [] } }, ctx), 'mosquitto_sub -h broker -p 1884 -t Kuzzle/response -v -C 1 -W 5');
  assert.equal(reproduceExchange({ transport: 'mqtt', request: { connect: 'mqtt://b:2', clientId: 'c', username: 'u', password: '***' }, response: { connack: 'accepted' } }, ctx), `mosquitto_sub -h b -p 2 -i c -u u -P "$CONFORM_MQTT_PASSWORD" -t conform/connect-only -W 3`);
});

test('WebSocket: consecutive messages go into one node command on one connection, which really replays them', async () => {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
  const got: string[] = [];
  server.on('connection', (socket) => socket.on('message', (m) => (got.push(m.toString()), socket.send(`echo ${m.toString()}`))));
  const command = reproduce(
    [
      { transport: 'ws', request: { action: 'authenticate', token: '[REDACTED]' }, response: {} },
      { transport: 'ws', request: `{"it's":"raw\ntext"}`, response: {} },
      { transport: 'ws', request: '(awaiting a notification)', response: {} },
    ],
    { endpoints: { ws: url } },
  );
  assert.equal(command.match(/^node -e /gm)?.length, 1, command);
  // Node 20 needs the flag for the global WebSocket; Node 22 has it by default.
  const out = await new Promise<string>((resolve, reject) =>
    execFile('sh', ['-c', command.replace(/^node /, `${process.execPath} --experimental-websocket --no-warnings `)], { encoding: 'utf8', timeout: 10_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
  server.close();
  assert.deepEqual(got, ['{"action":"authenticate","token":"[REDACTED]"}', `{"it's":"raw\ntext"}`]);
  assert.match(out, /echo \{"action":"authenticate"/);
});
