// The redaction rules every report and printed line relies on (src/core/redact.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { REDACTED, Redactor } from './redact.ts';
import { redactingStream } from '../runner/redact-stream.ts';

const jwt = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":1}').toString('base64url')}.c2lnbmF0dXJl`;

test('secret keys lose their values at any depth, in arrays too, without case or separators; identifiers stay', () => {
  const r = new Redactor();
  const out = r.value({ username: 'admin', Password: 'p1', nested: [{ newPassword: 'p2', oldPassword: 3 }], headers: { Authorization: 'x y', 'Set-Cookie': 'c=1', 'x-api-key': 'k' }, remember_token: 't', credentials: { local: { username: 'u', password: 'p3' } }, password_null: null, token: null, jwt: { a: 'b' } });
  assert.deepEqual(out, { username: 'admin', Password: REDACTED, nested: [{ newPassword: REDACTED, oldPassword: REDACTED }], headers: { Authorization: REDACTED, 'Set-Cookie': REDACTED, 'x-api-key': REDACTED }, remember_token: REDACTED, credentials: { local: { username: 'u', password: REDACTED } }, password_null: null, token: null, jwt: { a: REDACTED } });
});

test('JSON strings inside values, form bodies and URL query strings are parsed, redacted and re-serialized', () => {
  const r = new Redactor();
  assert.equal(r.value('{"action":"authenticate","token":"abc"}'), '{"action":"authenticate","token":"[redacted]"}');
  const form = r.value(`json=${encodeURIComponent(JSON.stringify({ name: 'N', password: 'hunter22' }))}&x=1`);
  assert.equal(decodeURIComponent(form), 'json={"name":"N","password":"[redacted]"}&x=1');
  assert.equal(r.value('http://h:1/_me?jwt=abc&refresh=wait_for&password=pw'), 'http://h:1/_me?jwt=[redacted]&refresh=wait_for&password=[redacted]');
  assert.deepEqual(r.value({ body: JSON.stringify({ json: JSON.stringify({ password: 'deep' }) }) }), { body: '{"json":"{\\"password\\":\\"[redacted]\\"}"}' });
});

test('text: JWTs, Bearer/Basic credentials, URL passwords, secret fields and known secrets, in every encoded form', () => {
  const r = new Redactor().add('s3cr"et pw&');
  const text = [
    `token ${jwt} in a message`,
    'authorization: Bearer abc.def-ghi and Basic dXNlcjpwYXNz',
    'GET http://admin:hunter2@host:80/x failed',
    'POST /x?jwt=abcd&other=1',
    '{"password": "p\\"w", "name": "n"}',
    'raw s3cr"et pw& json s3cr\\"et pw& url s3cr%22et%20pw%26 html s3cr&quot;et pw&amp;',
  ].join('\n');
  const out = r.text(text);
  for (const leak of [jwt, 'abc.def-ghi', 'dXNlcjpwYXNz', 'hunter2', 'jwt=abcd', 'p\\"w', 's3cr']) assert.ok(!out.includes(leak), `${leak} in ${out}`);
  assert.match(out, /Bearer \[redacted\]/);
  assert.match(out, /http:\/\/admin:\[redacted\]@host/);
  assert.match(out, /"name": "n"/);
  assert.equal(r.text('a Bearer token is required (Authorization: Bearer <token>); Basic auth'), 'a Bearer token is required (Authorization: Bearer <token>); Basic auth');
  assert.equal(out.split(REDACTED).length - 1, 10);
});

test('known secrets are replaced longest first; too-short ones only by key; addAll skips identifiers', () => {
  const r = new Redactor().add('abcd').add('abcdefgh').add('xy').addAll({ admin: { username: 'admin', password: 'topsecret' }, users: [{ email: 'a@b.c', token: '"quoted-token"' }] });
  assert.equal(r.text('abcdefgh abcd xy admin topsecret quoted-token a@b.c'), '[redacted] [redacted] xy admin [redacted] [redacted] a@b.c');
});

test('the stream redacts line by line, even when a chunk splits a secret, and flushes a last partial line', async () => {
  const r = new Redactor().add('split-secret');
  const input = new PassThrough();
  let out = '';
  const stream = input.pipe(redactingStream(r));
  stream.on('data', (d) => (out += d));
  const done = new Promise((resolve) => stream.on('end', resolve));
  input.write('one split-');
  input.write('secret here\n\u001b[32mtwo\u001b[0m ');
  input.end(`Bearer ${jwt}`);
  await done;
  assert.equal(out, 'one [redacted] here\n\u001b[32mtwo\u001b[0m Bearer [redacted]');
});
