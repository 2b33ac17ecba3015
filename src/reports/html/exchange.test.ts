// The transcript shapes the suites record (taken from real runs against the mock), each as readable blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderExchange } from './exchange.ts';

const kuzzle = { focus: 'mqtt', mqttRequestTopic: 'Kuzzle/request' };
const heads = (html: string) => [...html.matchAll(/<div class="msg-head">([^<]*)(?:<code>([^<]*)<\/code>)?<\/div>/g)].map((m) => `${m[1]}${m[2] ?? ''}`);

test('HTTP: method and URL, request headers shown, response headers folded, bodies pretty-printed', () => {
  const html = renderExchange(
    {
      transport: 'http',
      request: { method: 'PUT', url: 'http://h/api/user/update', headers: { authorization: '[redacted]', 'content-type': 'application/x-www-form-urlencoded' }, body: 'json=%7B%22name%22%3A%22J0hn%22%7D' },
      response: { status: 200, headers: { date: 'x', 'content-type': 'application/json' }, body: { code: 200, status: 'success' } },
    },
    3,
    { focus: 'http' },
  );
  assert.deepEqual(heads(html), ['→ request PUT http://h/api/user/update', '← response 200']);
  assert.match(html, /^<details class="exchange" open><summary><span class="ex-n">#4<\/span> <span class="tp">http<\/span> <code>PUT http:\/\/h\/api\/user\/update<\/code> → <code>200<\/code><\/summary>/);
  assert.match(html, /<div class="headers"><span class="hn">authorization:<\/span> \[redacted\]<br>/);
  assert.match(html, /<details class="headers"><summary>2 headers · application\/json<\/summary>/);
  // The form field decoded and its JSON pretty-printed: the userapi's bodies read as what was sent.
  assert.ok(html.includes('<pre class="body">json = {\n  &quot;name&quot;: &quot;J0hn&quot;\n}</pre>'));
  assert.ok(html.includes('<pre class="body">{\n  &quot;code&quot;: 200,\n  &quot;status&quot;: &quot;success&quot;\n}</pre>'));
});

test('HTTP exchanges of a WebSocket or MQTT failure (logins, fixtures) start folded', () => {
  const html = renderExchange({ transport: 'http', request: { method: 'POST', url: 'http://h/_login/local' }, response: { status: 200, headers: {}, body: {} } }, 0, kuzzle);
  assert.match(html, /^<details class="exchange"><summary>/);
});

test('Kuzzle over MQTT: the message went to Kuzzle/request, the answer came on Kuzzle/response', () => {
  const html = renderExchange(
    {
      transport: 'mqtt',
      request: { controller: 'auth', action: 'updateSelf', jwt: '[redacted]', body: { conformMark: 'echo-0' }, requestId: 'a' },
      response: { topic: 'Kuzzle/response', payload: { action: 'updateSelf', controller: 'auth', requestId: 'b', status: 200 } },
    },
    5,
    kuzzle,
  );
  assert.deepEqual(heads(html), ['→ request publish Kuzzle/request · auth:updateSelf', '← response on Kuzzle/response · status 200']);
  assert.match(html, /<details class="exchange" open>/);
  assert.ok(html.includes('&quot;conformMark&quot;: &quot;echo-0&quot;'));
});

test('Kuzzle over WebSocket: the message sent and the answer with its status', () => {
  const html = renderExchange({ transport: 'ws', request: { controller: 'auth', action: 'updateSelf', requestId: 'r1' }, response: { status: 400, requestId: 'r1', error: { message: 'no' } } }, 0, { focus: 'ws' });
  assert.deepEqual(heads(html), ['→ request send · auth:updateSelf', '← response status 400']);
});

test('DeviceHive over MQTT: connect, subscribe and publish read as such; one-value answers as one line', () => {
  const ctx = { focus: 'mqtt', mqttRequestTopic: 'dh/request' };
  const connect = renderExchange({ transport: 'mqtt', request: { connect: 'mqtt://h:1884', clientId: 'c1', password: '[redacted]' }, response: { connack: 'accepted' } }, 0, ctx);
  assert.deepEqual(heads(connect), ['→ request connect mqtt://h:1884', '← response connack accepted']);
  const subscribe = renderExchange({ transport: 'mqtt', request: { subscribe: 'dh/response/user/updateCurrent@c1', clientId: 'c1' }, response: { granted: 0 } }, 1, ctx);
  assert.deepEqual(heads(subscribe), ['→ request subscribe dh/response/user/updateCurrent@c1', '← response granted 0']);
  const publish = renderExchange(
    { transport: 'mqtt', request: { publish: 'dh/request', clientId: 'c1', qos: 0, payload: { action: 'user/updateCurrent', requestId: 'm1' } }, response: { topic: 'dh/response/user/updateCurrent@c1', payload: { action: 'user/updateCurrent', status: 'ok' } } },
    2,
    ctx,
  );
  assert.deepEqual(heads(publish), ['→ request publish dh/request · user/updateCurrent', '← response on dh/response/user/updateCurrent@c1 · status ok']);
  assert.ok(publish.includes('<pre class="body">{\n  &quot;action&quot;: &quot;user/updateCurrent&quot;,\n  &quot;requestId&quot;: &quot;m1&quot;\n}</pre>'));
});

test('DeviceHive over WebSocket: an action without controller has no stray colon', () => {
  const html = renderExchange({ transport: 'ws', request: { action: 'user/updateCurrent', requestId: 'm1' }, response: { action: 'user/updateCurrent', requestId: 'm1', status: 'ok' } }, 0, { focus: 'ws' });
  assert.deepEqual(heads(html), ['→ request send · user/updateCurrent', '← response status ok']);
});

test('a wait for an unsolicited message, and an exchange without a response', () => {
  const wait = renderExchange({ transport: 'ws', request: '(awaiting the notification)', response: { status: 200 } }, 0, { focus: 'ws' });
  assert.deepEqual(heads(wait), ['→ request (awaiting the notification)', '← response status 200']);
  const lost = renderExchange({ transport: 'ws', request: { action: 'x' } }, 0, { focus: 'ws' });
  assert.deepEqual(heads(lost), ['→ request send · x', '← response no response recorded']);
});
