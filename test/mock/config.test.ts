import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, readConfigFile, resolveMockConfig } from '../../src/config/mock-config.ts';
import { configFromFlags } from '../../src/cli/mock-options.ts';
import { ToolError } from '../../src/cli/errors.ts';
import { allDeviations } from '../../src/server/family-modules.ts';

const known = new Set(allDeviations().keys());

test('precedence is flags over environment over file over defaults, and the result is frozen', () => {
  const file = { host: '127.0.0.2', latency: { fixedMs: 5 }, jwt: { ttlSeconds: 60 } };
  const env = configFromEnv({ CONFORM_MOCK_HOST: '127.0.0.3', CONFORM_MOCK_LATENCY_MS: '7' });
  const flags = configFromFlags({ host: '127.0.0.4', ephemeral: true });
  const config = resolveMockConfig({ file, env, flags }, known);
  assert.equal(config.host, '127.0.0.4');
  assert.equal(config.latency.fixedMs, 7, 'env beats the file');
  assert.equal(config.jwt.ttlSeconds, 60, 'the file beats the default');
  assert.equal(config.ports.kuzzle.http, 0, '--ephemeral');
  assert.equal(config.ports.devicehive.mqtt, 0);
  assert.equal(config.refreshDelayMs, 1000, 'default');
  assert.ok(Object.isFrozen(config) && Object.isFrozen(config.ports.kuzzle));
});

test('an invalid configuration names every wrong field', () => {
  const bad = { ports: { kuzzle: { http: 70000 } }, profiles: { kuzzle: 'kuzzle-9' }, colour: 'red' };
  assert.throws(
    () => resolveMockConfig({ file: bad as never }, known),
    (error: unknown) => {
      assert.ok(error instanceof ToolError);
      assert.equal(error.code, 'CONFORM_ERR_CONFIG');
      assert.match(error.message, /\/ports\/kuzzle\/http must be <= 65535/);
      assert.match(error.message, /\/profiles\/kuzzle must be equal to one of the allowed values \(documented, kuzzle-2\.56\)/);
      assert.match(error.message, /must NOT have additional properties "colour"/);
      return true;
    },
  );
});

test('an unknown deviation, or one of a family not served, is refused with a pointer to --list-deviations', () => {
  assert.throws(() => resolveMockConfig({ flags: { deviate: ['userapi.update.nothing'] } }, known), /unknown deviation "userapi\.update\.nothing": conform mock --list-deviations/);
  assert.throws(
    () => resolveMockConfig({ flags: { families: ['kuzzle'], deviate: ['userapi.update.envelope.success'] } }, known),
    /is for a family that is not served/,
  );
});

test('a config file that is not YAML, or not an object, is a precise error', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-config-'));
  const broken = path.join(dir, 'broken.yaml');
  fs.writeFileSync(broken, 'host: [1, 2\n');
  assert.throws(() => readConfigFile(broken), /config file .*broken\.yaml: .*line/i);
  const list = path.join(dir, 'list.yaml');
  fs.writeFileSync(list, '- a\n- b\n');
  assert.throws(() => readConfigFile(list), /must be an object/);
  assert.throws(() => readConfigFile(path.join(dir, 'absent.yaml')), /does not exist/);
});

test('flags that are not numbers or rates are refused by the parser', () => {
  assert.throws(() => configFromFlags({ profile: ['kuzzle-3'] }), /unknown profile "kuzzle-3"/);
});

test('the conflict window: 0 by default, set by --conflict-window or the file key conflictWindowMs, bounded', () => {
  assert.equal(resolveMockConfig({}, known).conflictWindowMs, 0);
  assert.equal(resolveMockConfig({ file: { conflictWindowMs: 20 } }, known).conflictWindowMs, 20);
  assert.equal(resolveMockConfig({ file: { conflictWindowMs: 20 }, flags: configFromFlags({ conflictWindow: 75 }) }, known).conflictWindowMs, 75);
  assert.throws(() => resolveMockConfig({ file: { conflictWindowMs: -1 } }, known), /conflictWindowMs must be >= 0/);
});
