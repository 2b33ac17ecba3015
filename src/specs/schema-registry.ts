import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SCHEMAS_DIR, relative } from './paths.ts';
import { problem, type Problem } from './problem.ts';
import { formatAjvErrors as formatErrors } from '../core/ajv-errors.ts';

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The base of every schema $id: a reserved TLD, so the ids are names and never fetched. */
export const SCHEMA_BASE = 'https://conform.invalid/schemas/';

export interface SchemaRegistry {
  ajv: Ajv2020;
  /** Schema files relative to schemas/, e.g. "<family>/envelope.json". */
  files: string[];
  /** Problems found while loading or compiling (a file that does not compile is reported, not thrown). */
  problems: Problem[];
  /** The validator for "<family>/x.json" or "<family>/x.json#/$defs/y"; undefined when it does not exist or compile. */
  validator(ref: string): ValidateFunction | undefined;
}

/** Creates the project's ajv: draft 2020-12, strict mode, all errors, formats. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

export function listSchemaFiles(dir = SCHEMAS_DIR): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

export function schemaId(ref: string): string {
  return SCHEMA_BASE + ref;
}

/** Loads every schema under schemas/ into one ajv and compiles each, collecting problems. */
export function loadSchemaRegistry(dir = SCHEMAS_DIR): SchemaRegistry {
  const ajv = createAjv();
  const files = listSchemaFiles(dir);
  const problems: Problem[] = [];
  const loaded: string[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
    let schema: { $id?: unknown; $schema?: unknown } & Record<string, unknown>;
    try {
      schema = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (error) {
      problems.push(problem('schemas', relative(full), `invalid JSON: ${(error as Error).message}`));
      continue;
    }
    if (schema.$id !== schemaId(file)) {
      problems.push(problem('schemas', relative(full), `$id must be "${schemaId(file)}", found ${JSON.stringify(schema.$id)}`));
      continue;
    }
    if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') {
      problems.push(problem('schemas', relative(full), '$schema must be "https://json-schema.org/draft/2020-12/schema"'));
    }
    try {
      ajv.addSchema(schema as object);
      loaded.push(file);
    } catch (error) {
      problems.push(problem('schemas', relative(full), `rejected by ajv: ${(error as Error).message}`));
    }
  }
  const compiled = new Set<string>();
  for (const file of loaded) {
    try {
      ajv.getSchema(schemaId(file));
      compiled.add(file);
    } catch (error) {
      problems.push(problem('schemas', relative(path.join(dir, file)), `does not compile in strict mode: ${(error as Error).message}`));
    }
  }
  return {
    ajv,
    files,
    problems,
    validator(ref: string) {
      const [file] = ref.split('#');
      if (!file || !compiled.has(file)) return undefined;
      try {
        return ajv.getSchema(schemaId(ref));
      } catch {
        return undefined;
      }
    },
  };
}

/** One line per ajv error: "/path keyword: message". */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string {
  return formatErrors(errors, 'keyword');
}
