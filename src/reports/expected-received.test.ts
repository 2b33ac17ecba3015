import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedReceived } from './expected-received.ts';

test('Expected:/Received: lines, with the suite’s own message before them', () => {
  assert.deepEqual(expectedReceived('Error: PUT /_me answers HTTP 200\n\nexpect(received).toBe(expected) // Object.is equality\n\nExpected: 200\nReceived: 404'), { expected: '200', received: '404' });
  assert.deepEqual(expectedReceived('Error: expect(received).toBeUndefined()\n\nReceived: "/status must be equal to constant"'), { received: '"/status must be equal to constant"' });
});

test('an object diff splits into the expected side and the received side', () => {
  const { expected, received } = expectedReceived('Error: expect(received).toMatchObject(expected)\n\n- Expected  - 1\n+ Received  + 1\n\n  Object {\n    "code": 200,\n-   "status": "success",\n+   "status": "ok",\n  }');
  assert.equal(expected, '  Object {\n    "code": 200,\n    "status": "success",\n  }');
  assert.equal(received, '  Object {\n    "code": 200,\n    "status": "ok",\n  }');
});

test('a message without either says nothing', () => {
  assert.deepEqual(expectedReceived('timed out after 3000 ms waiting for the answer'), {});
});
