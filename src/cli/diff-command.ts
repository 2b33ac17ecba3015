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

/** A conformance.json, or a folder holding one (a report dir or a certification bundle), read and validated. */
function readReport(where: string): ConformanceReport {
  const file = fs.existsSync(where) && fs.statSync(where).isDirectory() ? path.join(where, 'conformance.json') : where;
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
