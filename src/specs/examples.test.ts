import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleInstance, parseExampleText, setPointer } from './examples.ts';

test('js examples lose their // comment lines and parse as JSON', () => {
  const text = '{\n  "a": 1,\n  // Optional\n  "b": "http://x"\n}';
  assert.deepEqual(parseExampleText(text, 'js'), { a: 1, b: 'http://x' });
});

test('DeviceHive type templates become sample values of their type', () => {
  const text = '{ "action": {string}, "requestId": {object}, "user": { "role": {integer}, "introReviewed": {boolean} } }';
  assert.deepEqual(parseExampleText(text, 'template'), {
    action: '<string>',
    requestId: {},
    user: { role: 0, introReviewed: false },
  });
});

test('curl commands yield their JSON body, their form fields, or the JSON inside the json field', () => {
  const json = `curl --request PUT \\\n  --data '\n{\n  "json": "<string>"\n}\n'`;
  assert.deepEqual(parseExampleText(json, 'curl-json'), { json: '<string>' });
  const form = `curl -X PUT "https://x/api" \\\n  -d 'json={"name":"John","email":"a@b.c"}'`;
  assert.deepEqual(parseExampleText(form, 'curl-form'), { json: '{"name":"John","email":"a@b.c"}' });
  assert.deepEqual(parseExampleText(form, 'curl-form-json'), { name: 'John', email: 'a@b.c' });
});

test('a curl command without a body is a clear error', () => {
  assert.throws(() => parseExampleText('curl -X GET https://x', 'curl-json'), /no -d '...' \/ --data '...' argument/);
});

test('substitutions replace only existing values, by JSON pointer', () => {
  const instance = exampleInstance(
    { id: 'x.y', seed: 's', quote: '', parse: 'json', schema: 'x/y.json', substitute: [{ pointer: '/user/email', value: 'j@example.com', why: 'placeholder' }] },
    '{"user":{"email":"[email protected]"}}',
  );
  assert.deepEqual(instance, { user: { email: 'j@example.com' } });
  assert.throws(() => setPointer({ a: {} }, '/a/missing', 1), /does not name an existing value/);
});
