import fs from 'node:fs';
import { readDataFile } from '../specs/data-file.ts';
import type { Baseline, ConformanceReport } from '../reports/model.ts';
import { ToolError } from '../core/tool-error.ts';
import type { Profile } from '../specs/profiles.ts';
import { TRANSPORTS, type Family, type Transport } from '../specs/families.ts';
import { readCatalogue } from '../specs/catalogue.ts';

function isFailureRecord(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(([t, answers]) => (TRANSPORTS as readonly string[]).includes(t) && Array.isArray(answers) && answers.every((a) => typeof a === 'string'));
}

/** A calendar day as YYYY-MM-DD that exists (2026-02-30 does not). */
function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A baseline lists the requirements a target is known to fail, with why: a JSON object {id: {why, transports?, expires?}},
 * or a real-server profile (specs/profiles/*.yaml), whose deviations are exactly such a list.
 */
export function readBaseline(file: string): Baseline {
  if (!fs.existsSync(file)) throw new ToolError('CONFORM_ERR_USAGE', `baseline file ${file} does not exist`);
  const data = readDataFile(file) as Record<string, unknown>;
  if (Array.isArray((data as Partial<Profile>).deviations)) {
    const profile = data as unknown as Profile;
    return Object.fromEntries(profile.deviations.map((d) => [d.requirement, { why: `${profile.name}: ${d.behaviour}`, ...(d.transports ? { transports: d.transports } : {}) }]));
  }
  for (const [id, entry] of Object.entries(data)) {
    if (!entry || typeof entry !== 'object' || typeof (entry as { why?: unknown }).why !== 'string') {
      throw new ToolError('CONFORM_ERR_BASELINE', `baseline file ${file}: "${id}" needs {"why": "<reason>"}`);
    }
    const failures = (entry as { failures?: unknown }).failures;
    if (failures !== undefined && !isFailureRecord(failures)) {
      throw new ToolError('CONFORM_ERR_BASELINE', `baseline file ${file}: "${id}" has failures that are not {"<transport>": ["<answer>", …]}`);
    }
    const expires = (entry as { expires?: unknown }).expires;
    if (expires !== undefined && !isDay(expires)) {
      throw new ToolError('CONFORM_ERR_BASELINE', `baseline file ${file}: "${id}" has expires ${JSON.stringify(expires)}: expected a date YYYY-MM-DD`);
    }
  }
  return data as Baseline;
}

/**
 * A baseline for this family: every id must be one of its requirements. A misspelt id would excuse nothing while
 * looking as if it did, and one of another family means the wrong baseline was given.
 */
export function readBaselineFor(file: string, family: Family | Family[]): Baseline {
  const baseline = readBaseline(file);
  const families = Array.isArray(family) ? family : [family];
  const known = new Set(families.flatMap((f) => readCatalogue(f).requirements.map((r) => r.id)));
  const unknown = Object.keys(baseline).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).map((id) => `"${id}"`).join(', ');
    throw new ToolError('CONFORM_ERR_BASELINE', `baseline file ${file} names ${unknown.length === 1 ? 'an id' : `${unknown.length} ids`} that ${unknown.length === 1 ? 'is not a requirement' : 'are not requirements'} of ${families.join(' or ')}: ${shown}${unknown.length > 5 ? ', …' : ''} (conform specs --family ${families.join(',')} lists them)`);
  }
  return baseline;
}

/**
 * The baseline a run implies (conform test --update-baseline): every requirement that failed or was known, with the
 * transports it failed on and how it answered there; an earlier entry keeps its reason and expiry; an entry whose
 * requirement now passes is dropped; one the run did not test is kept as it was.
 */
export function updatedBaseline(previous: Baseline, report: ConformanceReport): { baseline: Baseline; added: string[]; refreshed: string[]; removed: string[] } {
  const baseline: Baseline = {};
  const added: string[] = [];
  const refreshed: string[] = [];
  const removed: string[] = [];
  const day = report.startedAt.slice(0, 10);
  for (const r of report.requirements) {
    const old = previous[r.id];
    const failing = Object.entries(r.transports).filter(([, st]) => st === 'failed' || st === 'known-deviation').map(([t]) => t as Transport);
    const tested = Object.values(r.transports).some((st) => st !== 'not-tested');
    if (failing.length === 0) {
      if (old && tested) removed.push(r.id);
      else if (old) baseline[r.id] = old;
      continue;
    }
    const failures: Partial<Record<Transport, string[]>> = {};
    for (const t of failing) failures[t] = [...new Set(r.failures.filter((f) => f.transport === t).map((f) => f.answer ?? 'no answer'))].sort();
    const why = old?.why ?? `recorded by conform test --update-baseline on ${day}: ${(r.failures[0]?.message ?? 'failed').split('\n')[0]!.slice(0, 200)}`;
    baseline[r.id] = { why, transports: failing, failures, ...(old?.expires ? { expires: old.expires } : {}) };
    (old ? refreshed : added).push(r.id);
  }
  for (const [id, entry] of Object.entries(previous)) if (!(id in baseline) && !removed.includes(id) && !report.requirements.some((r) => r.id === id)) baseline[id] = entry;
  return { baseline, added, refreshed, removed };
}
