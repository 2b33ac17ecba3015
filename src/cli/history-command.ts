import fs from 'node:fs';
import path from 'node:path';
import type { ConformanceReport } from '../reports/model.ts';
import { historyOf, renderHistoryHtml, renderHistoryText } from '../reports/history.ts';
import { schemaValidator } from '../core/validation.ts';
import { ToolError } from './errors.ts';
import type { Output } from './specs-command.ts';

export interface HistoryFlags {
  html?: string;
}

/** Every conformance.json under `dir` (report folders and bundles nest them a few levels deep), bounded in depth. */
function reportFiles(dir: string, depth = 0): string[] {
  if (depth > 5) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return reportFiles(full, depth + 1);
    return entry.name === 'conformance.json' ? [full] : [];
  });
}

/** `conform history <dir...>`: the trend per requirement across the runs found there, printed and written as HTML. */
export function runHistory(dirs: string[], flags: HistoryFlags, io: Output): number {
  const validate = schemaValidator('report.schema.json');
  const reports: ConformanceReport[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ToolError('CONFORM_ERR_USAGE', `${dir} is not a folder of reports or bundles`);
    for (const file of reportFiles(dir)) {
      let data: unknown;
      try {
        data = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        io.err(`conform: skipped ${file}: not JSON`);
        continue;
      }
      if (validate(data)) reports.push(data as ConformanceReport);
      else io.err(`conform: skipped ${file}: not a conformance report`);
    }
  }
  if (reports.length === 0) throw new ToolError('CONFORM_ERR_USAGE', `no conformance.json found under ${dirs.join(', ')}`);
  const byFamily = new Map<string, ConformanceReport[]>();
  for (const r of reports) byFamily.set(r.api, [...(byFamily.get(r.api) ?? []), r]);
  const histories = [...byFamily.values()].map(historyOf);
  io.out(histories.map(renderHistoryText).join('\n\n'));
  const html = flags.html ?? path.join(dirs[0] as string, 'history.html');
  fs.writeFileSync(html, renderHistoryHtml(histories));
  io.out(`written to ${html}`);
  return 0;
}
