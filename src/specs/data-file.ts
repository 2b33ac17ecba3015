import fs from 'node:fs';
import YAML from 'yaml';
import { relative } from './paths.ts';

/** Thrown for a data file that cannot be read or parsed; carries the file and the parser's position. */
export class DataFileError extends Error {
  readonly file: string;
  /** What is wrong, without the file name (the message has both). */
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(`${relative(file)}: ${reason}`);
    this.name = 'DataFileError';
    this.file = file;
    this.reason = reason;
  }
}

/** Reads a YAML (or JSON, which is YAML) file; duplicate keys and syntax errors are errors, with line and column. */
export function readDataFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, `cannot read: ${(error as Error).message}`);
  }
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new DataFileError(file, `invalid JSON: ${(error as Error).message}`);
    }
  }
  const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new DataFileError(file, doc.errors.map((e) => e.message).join('\n'));
  }
  return doc.toJS({ maxAliasCount: 100 });
}
