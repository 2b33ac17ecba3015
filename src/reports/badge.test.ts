// The badge a run writes: shields.io's endpoint JSON (validated against schemas/badge/shields-endpoint.json) and a
// self-contained SVG, from the same report model as every other report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeOf, badgeSvg } from './badge.ts';
import { schemaValidator, firstError } from '../core/validation.ts';
import { sampleReport } from '../../test/helpers/sample-report.ts';
import type { ConformanceReport } from './model.ts';

const validate = schemaValidator('badge/shields-endpoint.json');

function withStatuses(report: ConformanceReport, status: 'passed' | 'failed'): ConformanceReport {
  const requirements = report.requirements.map((r) => ({ ...r, status: r.status === 'not-tested' ? r.status : status }));
  const mustFailed = status === 'failed' ? requirements.filter((r) => r.level === 'MUST' && r.status === 'failed').length : 0;
  return { ...report, requirements, summary: { ...report.summary, mustFailed, shouldFailed: 0, knownDeviations: 0 } };
}

test('a clean run is green and counts every tested MUST requirement as passed', () => {
  const report = withStatuses(sampleReport(), 'passed');
  const must = report.requirements.filter((r) => r.level === 'MUST' && r.status !== 'not-tested').length;
  const badge = badgeOf(report);
  assert.ok(validate(badge), firstError(validate.errors));
  assert.deepEqual(badge, { schemaVersion: 1, label: 'kuzzle MUST', message: `${must}/${must}`, color: 'brightgreen' });
});

test('a run with a MUST failure is red and says how many MUST passed; known deviations are named', () => {
  const report = sampleReport();
  const badge = badgeOf(report);
  assert.ok(validate(badge), firstError(validate.errors));
  assert.equal(badge.color, 'red');
  assert.equal(badge.isError, true);
  const must = report.requirements.filter((r) => r.level === 'MUST' && r.status !== 'not-tested');
  assert.match(badge.message, new RegExp(`^${must.filter((r) => r.status === 'passed').length}/${must.length}`));
  if (report.summary.knownDeviations > 0) assert.match(badge.message, /known\)$/);
});

test('a run stopped before its tests is "not run"; the SVG escapes its text and fetches nothing', () => {
  const report = { ...sampleReport(), api: 'kuzzle' as const, stopped: { stage: 'pre-flight' as const, code: 'CONFORM_ERR_UNREACHABLE', reason: 'x' } };
  const badge = badgeOf(report);
  assert.ok(validate(badge), firstError(validate.errors));
  assert.equal(badge.message, 'not run');
  const svg = badgeSvg({ ...badge, label: 'a<b & "c"' });
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.ok(svg.includes('a&#60;b &#38; &#34;c&#34;'));
  assert.ok(!/href|src=|<script|url\((?!#)/.test(svg), 'no external reference');
});
