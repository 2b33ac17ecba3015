import fs from 'node:fs';
import path from 'node:path';
import type { ConformanceReport } from './model.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { Redactor } from '../core/redact.ts';
import { badgeOf, badgeSvg } from './badge.ts';

/**
 * Writes the four reports and the badge (JSON for shields.io, and SVG); each reporter is a pure serializer of the same model. Every file goes through the redactor
 * last (defence in depth: the model is already redacted, but a serializer must not be able to leak).
 */
export function writeReports(dir: string, report: ConformanceReport, redactor: Redactor = new Redactor()): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: Array<[string, string]> = [
    ['conformance.json', `${JSON.stringify(report, null, 2)}\n`],
    ['conformance.html', renderHtml(report)],
    ['junit.xml', renderJunit(report)],
    ['summary.md', renderMarkdown(report)],
    ['badge.json', `${JSON.stringify(badgeOf(report), null, 2)}\n`],
    ['badge.svg', badgeSvg(badgeOf(report))],
  ];
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), redactor.text(content));
  return files.map(([name]) => path.join(dir, name));
}
