import path from 'node:path';
import { SPECS_DIR } from './paths.ts';
import { readDataFile } from './data-file.ts';
import type { Family } from './families.ts';

export type ParseMode = 'js' | 'json' | 'template' | 'curl-json' | 'curl-form' | 'curl-form-json';

export interface Example {
  id: string;
  seed: string;
  quote: string;
  parse: ParseMode;
  schema: string;
  substitute?: Array<{ pointer: string; value: unknown; why: string }>;
}

export interface Counterexample {
  schema: string;
  why: string;
  instance: unknown;
  error: { keyword: string; instancePath: string };
}

export interface ExampleFile {
  family: Family;
  examples: Example[];
  counterexamples: Counterexample[];
}

export function examplesPath(family: Family): string {
  return path.join(SPECS_DIR, 'examples', `${family}.yaml`);
}

export function readExamples(family: Family): ExampleFile {
  return readDataFile(examplesPath(family)) as ExampleFile;
}

/** Some documents give payloads as type templates: {"action": {string}, ...}. */
const TEMPLATE_VALUES: Record<string, string> = {
  string: '"<string>"',
  integer: '0',
  number: '0',
  boolean: 'false',
  object: '{}',
};

/** The single-quoted argument of a curl option (-d / --data), as the shell would pass it. */
function curlData(text: string): string {
  const match = /(?:^|\s)(?:-d|--data|--data-raw)\s+'([^']*)'/s.exec(text);
  if (!match?.[1]) throw new Error("no -d '...' / --data '...' argument found in the curl command");
  return match[1];
}

/** Turns a document example into the value a client would send or receive. Throws with a clear message. */
export function parseExampleText(text: string, mode: ParseMode): unknown {
  switch (mode) {
    case 'json':
      return JSON.parse(text);
    case 'js':
      // Some documents annotate their JSON with "// Optional" lines.
      return JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
    case 'template':
      return JSON.parse(
        text.replace(/\{(string|integer|number|boolean|object)\}/g, (_, type: string) => TEMPLATE_VALUES[type] ?? 'null'),
      );
    case 'curl-json':
      return JSON.parse(curlData(text));
    case 'curl-form':
      return Object.fromEntries(new URLSearchParams(curlData(text)));
    case 'curl-form-json': {
      const json = new URLSearchParams(curlData(text)).get('json');
      if (json === null) throw new Error('the form has no "json" field');
      return JSON.parse(json);
    }
  }
}

/** Sets the value at a JSON pointer (RFC 6901), creating nothing: the parent must exist. */
export function setPointer(target: unknown, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop();
  let node = target as Record<string, unknown>;
  for (const key of keys) {
    const next = node?.[key];
    if (typeof next !== 'object' || next === null) throw new Error(`pointer ${pointer}: "${key}" is not an object`);
    node = next as Record<string, unknown>;
  }
  if (last === undefined || typeof node !== 'object' || node === null || !(last in node)) {
    throw new Error(`pointer ${pointer} does not name an existing value`);
  }
  node[last] = value;
}

/** The example as an instance: parsed, then with its documented substitutions applied. */
export function exampleInstance(example: Example, quoteText: string): unknown {
  const value = parseExampleText(quoteText, example.parse);
  for (const s of example.substitute ?? []) setPointer(value, s.pointer, s.value);
  return value;
}
