// The specification checks are only worth something if they fail on bad data: each is fed a broken input here.
import { test } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMAS_DIR } from '../../src/specs/paths.ts';
import assert from 'node:assert/strict';
import type { Catalogue } from '../../src/specs/catalogue.ts';
import type { ExampleFile } from '../../src/specs/examples.ts';
import { loadSchemaRegistry } from '../../src/specs/schema-registry.ts';
import { checkCatalogue } from '../../src/specs/checks/check-catalogue.ts';
import { checkResearchCoverage, checkSeedCoverage } from '../../src/specs/checks/check-coverage.ts';
import { checkExamples } from '../../src/specs/checks/check-examples.ts';

const registry = loadSchemaRegistry();
const SEED = '004_d5b3bdf9b1e41913.txt';

function catalogue(overrides: Partial<Catalogue> = {}): Catalogue {
  return {
    family: 'userapi',
    version: 1,
    title: 'test catalogue',
    seeds: [SEED],
    operations: [{ name: 'user/update', title: 'Update', transports: ['http'] }],
    requirements: [
      {
        id: 'userapi.update.route.put',
        operation: 'user/update',
        transports: ['http'],
        level: 'MUST',
        category: 'route',
        title: 'PUT /api/user/update updates the caller',
        source: { seed: SEED, quote: 'PUT /api/user/update' },
      },
    ],
    notCheckable: [],
    informative: [],
    leftOut: [],
    ...overrides,
  };
}

test('a quote that does not occur in its seed is reported with the quote', () => {
  const bad = catalogue();
  bad.requirements[0]!.source = { seed: SEED, quote: 'PUT /api/user/updated-by-nobody' };
  const problems = checkCatalogue('userapi', bad, registry);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /quote not found in 004_d5b3bdf9b1e41913\.txt: "PUT \/api\/user\/updated-by-nobody"/);
});

test('a malformed entry is reported through the catalogue schema', () => {
  const bad = catalogue();
  (bad.requirements[0] as { level: string }).level = 'MUSTN';
  const problems = checkCatalogue('userapi', bad, registry);
  assert.match(problems[0]!.message, /\/requirements\/0\/level enum/);
});

test('a transport its operation does not offer, and an unknown operation, are reported', () => {
  const bad = catalogue();
  bad.requirements.push({ ...bad.requirements[0]!, id: 'userapi.update.route.ws', transports: ['ws'] });
  bad.requirements.push({ ...bad.requirements[0]!, id: 'userapi.delete.route.x', operation: 'user/delete' });
  const messages = checkCatalogue('userapi', bad, registry).map((p) => p.message).join('\n');
  assert.match(messages, /userapi\.update\.route\.ws: transport ws is not one of its operation's/);
  assert.match(messages, /userapi\.delete\.route\.x: unknown operation "user\/delete"/);
});

test('seed lines no quote covers are reported one by one', () => {
  const problems = checkSeedCoverage(catalogue(), undefined);
  assert.ok(problems.length > 50);
  assert.ok(problems.some((p) => p.message.includes('"This endpoint updates the authenticated user’s profile information. Requires a valid JWT token in the Authorization header."')));
});

test('research items neither covered nor left out, or both, are reported', () => {
  const items = { source: 'userapi.md', items: [{ n: 1, text: 'a' }, { n: 2, text: 'b' }] };
  const c = catalogue({ leftOut: [{ research: 'userapi#1', why: 'not about the operation' }] });
  c.requirements[0]!.research = ['userapi#1'];
  const messages = checkResearchCoverage(c, items).map((p) => p.message);
  assert.deepEqual(messages.sort(), ['userapi#1 is both covered and left out', 'userapi#2 is neither covered by a requirement nor listed in leftOut']);
});

test('a counterexample the schema accepts, or rejects for another reason, is reported', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-schemas-'));
  fs.mkdirSync(path.join(dir, 'userapi'));
  const level = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://conform.invalid/schemas/userapi/level.json', enum: ['MUST', 'SHOULD'] };
  fs.writeFileSync(path.join(dir, 'userapi', 'level.json'), JSON.stringify(level));
  for (const f of ['examples.schema.json', 'families.schema.json']) fs.copyFileSync(path.join(SCHEMAS_DIR, f), path.join(dir, f));
  const own = loadSchemaRegistry(dir);
  const file: ExampleFile = {
    family: 'userapi',
    examples: [{ id: 'userapi.level', seed: SEED, quote: 'Status of the request: success or error', parse: 'json', schema: 'userapi/level.json' }],
    counterexamples: [
      { schema: 'userapi/level.json', why: 'valid, so not a counterexample', instance: 'MUST', error: { keyword: 'enum', instancePath: '' } },
      { schema: 'userapi/level.json', why: 'wrong expected error', instance: 'NOPE', error: { keyword: 'type', instancePath: '' } },
    ],
  };
  const messages = checkExamples('userapi', file, own, [SEED]).map((p) => p.message);
  assert.ok(messages.some((m) => /userapi\.level: cannot parse as json/.test(m)), 'an example that is not JSON');
  assert.ok(messages.some((m) => /the broken instance is accepted/.test(m)), 'an accepted counterexample');
  assert.ok(messages.some((m) => /expected error type at "", got \(root\) enum/.test(m)), 'an imprecise counterexample');
});
