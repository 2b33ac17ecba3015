import fs from 'node:fs';
import path from 'node:path';
import type { Redactor } from '../core/redact.ts';

/** Text files Playwright's workers may leave in outputDir (attachments, error-context.md, traces' JSON). */
const TEXT = /\.(md|txt|json|log|html|xml|jsonl)$/i;

/**
 * Redacts, in place, every text file under a directory (Playwright's outputDir after a run). The workers redact at
 * the source; this is the second line for what they cannot reach (an attachment written by Playwright itself).
 * Binary files (zips, images) are left alone: the workers never put secrets in them.
 */
export function redactTree(dir: string, redactor: Redactor): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) redactTree(file, redactor);
    else if (entry.isFile() && TEXT.test(entry.name)) {
      const text = fs.readFileSync(file, 'utf8');
      const redacted = redactor.text(text);
      if (redacted !== text) fs.writeFileSync(file, redacted);
    }
  }
}
