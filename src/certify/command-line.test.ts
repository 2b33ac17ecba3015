import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redactor } from '../core/redact.ts';
import { redactedCommand } from './command-line.ts';

test('the command line keeps every word but the secret values, and reads back in a shell', () => {
  const redactor = new Redactor().add('tok-0123456789');
  const argv = ['--target', 't.json', '--password', 'hunter2', '--auth={"users":[]}', '--http', 'http://u:pw@h:1', '--name', "Bob's server", '--grep', 'x tok-0123456789'];
  assert.equal(
    redactedCommand(['conform', 'certify'], argv, redactor),
    `conform certify --target t.json --password '[redacted]' '--auth=[redacted]' --http 'http://u:[redacted]@h:1' --name 'Bob'\\''s server' --grep 'x [redacted]'`,
  );
});
