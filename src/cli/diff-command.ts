import fs from 'node:fs';
import path from 'node:path';
import type { ConformanceReport } from '../reports/model.ts';
import { diffReports, renderDiffMarkdown } from '../reports/diff.ts';
import { schemaValidator, firstError } from '../core/validation.ts';
import { ToolError } from './errors.ts';
import type { Output } from './specs-command.ts';

export interface DiffFlags {
  format?: 'markdown' | 'json';
  out?: string;
}

/**
 * The conformance.json of a folder: its own, or the one run of a certification bundle (manifest.json's runs[].dir;
 * a bundle of several families needs its family's folder named).
 */
function reportFileIn(dir: string): string {
  const own = path.join(dir, 'conformance.json');
  const manifest = path.join(dir, 'manifest.json');
  if (fs.existsSync(own) || !fs.existsSync(manifest)) return own;
  let runs: Array<{ dir?: unknown }> = [];
  try {
    runs = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { runs?: Array<{ dir?: unknown }> }).runs ?? [];
  } catch {
    return own;
  }
  if (runs.length > 1) throw new ToolError('CONFORM_ERR_USAGE', `${dir} is a bundle of ${runs.length} runs: give one of its folders (${runs.map((r) => path.join(dir, String(r.dir))).join(', ')})`);
  return typeof runs[0]?.dir === 'string' ? path.join(dir, runs[0].dir, 'conformance.json') : own;
}

/** A conformance.json, or a folder holding one (a report dir or a certification bundle), read and validated. */
function readReport(where: string): ConformanceReport {
  const file = fs.existsSync(where) && fs.statSync(where).isDirectory() ? reportFileIn(where) : where;
  if (!fs.existsSync(file)) throw new ToolError('CONFORM_ERR_USAGE', `${where}: no conformance.json there (give a conformance.json, a report folder or a bundle)`);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ToolError('CONFORM_ERR_DATA_FILE', `${file} is not JSON: ${(error as Error).message}`);
  }
  const validate = schemaValidator('report.schema.json');
  if (!validate(data)) throw new ToolError('CONFORM_ERR_DATA_FILE', `${file} is not a conformance report: ${firstError(validate.errors)}`);
  return data as ConformanceReport;
}

/** `conform diff <old> <new>`: exit 1 when a requirement fails in the new run that did not in the old one. */
export function runDiff(oldWhere: string, newWhere: string, flags: DiffFlags, io: Output): number {
  const before = readReport(oldWhere);
  const after = readReport(newWhere);
  if (before.api !== after.api) throw new ToolError('CONFORM_ERR_USAGE', `the two reports are of different families (${before.api}, ${after.api}): diff runs of one family`);
  const diff = diffReports(before, after);
  const text = flags.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffMarkdown(diff);
  if (flags.out) fs.writeFileSync(flags.out, text);
  else io.out(text.trimEnd());
  return diff.regression ? 1 : 0;
}
