import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from './main.ts';
import { catalogueRows, readCatalogue } from '../specs/catalogue.ts';
import { FAMILIES } from '../specs/families.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const all = catalogueRows(FAMILIES.map((f) => readCatalogue(f)));

test('specs --json prints every requirement with its id, level, category, transports and source', async () => {
  const { code, out } = await run('specs', '--json');
  assert.equal(code, 0);
  const rows = JSON.parse(out) as Array<{ id: string; level: string; source: object }>;
  assert.deepEqual(rows.map((r) => r.id), all.map((r) => r.id));
  for (const row of rows) assert.ok(row.level && row.source, row.id);
});

test('specs filters by family, category and level together (level is case-insensitive)', async () => {
  const { code, out } = await run('specs', '--json', '--family', 'kuzzle', '--category', 'route,auth', '--level', 'must');
  assert.equal(code, 0);
  const rows = JSON.parse(out) as Array<{ family: string; category: string; level: string }>;
  const expected = all.filter((r) => r.family === 'kuzzle' && ['route', 'auth'].includes(r.category) && r.level === 'MUST');
  assert.equal(rows.length, expected.length);
  assert.ok(rows.length > 0);
});

test('specs prints a table with a header and one line per requirement id', async () => {
  const { code, out, err } = await run('specs', '--family', 'userapi');
  assert.equal(code, 0);
  assert.match(out, /family.*operation.*id.*level.*category.*transports.*source/);
  for (const r of all.filter((x) => x.family === 'userapi')) assert.ok(out.includes(r.id.slice(0, 40)), r.id);
  assert.match(err, /\d+ requirement\(s\)/);
});

test('an unknown filter value is a usage error (exit 2) that lists the known values', async () => {
  const { code, err } = await run('specs', '--category', 'routes');
  assert.equal(code, 2);
  assert.match(err, /unknown category "routes": expected one of route, deprecated-alias,/);
  assert.match(err, /CONFORM_ERR_USAGE/);
  const family = await run('specs', '--family', 'kuzle');
  assert.equal(family.code, 2);
  assert.match(family.err, /unknown family "kuzle": expected one of kuzzle, devicehive, userapi/);
});

test('an unknown option or command is a usage error (exit 2), never a stack trace', async () => {
  const option = await run('specs', '--colour');
  assert.equal(option.code, 2);
  assert.match(option.err, /unknown option '--colour'/);
  assert.doesNotMatch(option.err, /at .*\.ts:\d+/);
  const command = await run('spec');
  assert.equal(command.code, 2);
  assert.match(command.err, /unknown command 'spec'/);
});

test('--help succeeds and names the filters', async () => {
  const { code, out } = await run('specs', '--help');
  assert.equal(code, 0);
  assert.match(out, /--family <list>/);
  assert.match(out, /--level <list>/);
});

test('--version prints the package version; --help lists the exit codes, conform test --help too', async () => {
  const version = JSON.parse((await import('node:fs')).readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;
  const v = await run('--version');
  assert.equal(v.code, 0);
  assert.equal(v.out.trim(), version);
  for (const argv of [['--help'], ['test', '--help'], ['merge-reports', '--help']]) {
    const h = await run(...argv);
    assert.equal(h.code, 0, argv.join(' '));
    for (const code of ['0 ', '1 ', '2 ', '70 ', '130 ']) assert.match(h.out, new RegExp(`^  ${code}`, 'm'), `${argv.join(' ')}: exit code ${code}`);
  }
  assert.match((await run('--help')).out, /merge-reports/);
});

test('conform test --reporter takes only the reporters it passes through', async () => {
  const { code, err } = await run('test', '--mock', '--reporter', 'html');
  assert.equal(code, 2);
  assert.match(err, /--reporter.*html.*invalid|Allowed choices are conform, list, line, dot, github/);
});

test('merge-reports without a blob report exits 2 and says what to give it', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-noblobs-'));
  const missing = await run('merge-reports', path.join(empty, 'nope'), '--api', 'userapi');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /does not exist.*blob-<i>-of-<n>.*CONFORM_ERR_USAGE/);
  const none = await run('merge-reports', empty, '--api', 'userapi');
  assert.equal(none.code, 2);
  assert.match(none.err, /no blob report \(\.zip\).*--shard i\/n/);
});
