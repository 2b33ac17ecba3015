import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publicEndpoint } from './public-endpoint.ts';

test('an endpoint loses its user:password@ and its secret query parameters, and nothing else', () => {
  assert.equal(publicEndpoint('http://admin:S3cret!@127.0.0.1:7512/api'), 'http://127.0.0.1:7512/api');
  assert.equal(publicEndpoint('ws://127.0.0.1:8080/ws?token=abc123&v=2&api_key=k'), 'ws://127.0.0.1:8080/ws?v=2');
  assert.equal(publicEndpoint('mqtt://127.0.0.1:1883'), 'mqtt://127.0.0.1:1883', 'kept as written: no "/" added');
  assert.equal(publicEndpoint('not a url user:pw@host?token=x'), 'not a url user:pw', 'text that is not a URL is cut before any credential could start');
});
