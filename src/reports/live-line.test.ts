import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liveLine } from './live-line.ts';

test('a passing test is one line: counter, verdict, time, the title with id and transport', () => {
  const line = liveLine({ index: 3, total: 43, verdict: 'passed', durationMs: 12.4, title: 'userapi.update.auth.bearer-scheme [http] accepts the Bearer scheme' });
  assert.equal(line, '[ 3/43] ✔ pass     12 ms  userapi.update.auth.bearer-scheme [http] accepts the Bearer scheme');
});

test('a failure says what it means for the run and carries the first non-empty line of its message', () => {
  const line = liveLine({ index: 1, total: 2, verdict: 'must-failed', durationMs: 1500, title: 'x.y [ws] t', message: '\nexpected 200, received 500\nmore' });
  assert.deepEqual(line.split('\n'), ['[1/2] ✘ FAIL   1500 ms  x.y [ws] t', '      └ expected 200, received 500']);
  assert.match(liveLine({ index: 1, total: 2, verdict: 'warned', durationMs: 1, title: 't', message: 'm' }), /⚠ warn/);
  assert.match(liveLine({ index: 1, total: 2, verdict: 'known', durationMs: 1, title: 't', message: 'm' }), /~ known/);
});

test('colour only when asked, around the verdict alone', () => {
  const line = liveLine({ index: 1, total: 1, verdict: 'must-failed', durationMs: 1, title: 't', colour: true });
  assert.match(line, /^\[1\/1\] \u001b\[31m✘ FAIL \u001b\[0m/);
  assert.doesNotMatch(liveLine({ index: 1, total: 1, verdict: 'passed', durationMs: 1, title: 't' }), /\u001b/);
});
