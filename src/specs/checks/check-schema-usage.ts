import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { SCHEMAS_DIR, relative } from '../paths.ts';
import { readDataFile } from '../data-file.ts';
import { listSchemaFiles } from '../schema-registry.ts';
import { problem, type Problem } from '../problem.ts';
import type { Family } from '../families.ts';
import { asyncapiPath, openapiPath } from '../descriptions.ts';

/** Every "$ref" string value in a parsed document, with the file it sits in. */
function refsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsOf(v, out);
    }
  }
  return out;
}

/** The schema files (relative to schemas/) a file references, resolving relative refs against its folder. */
function referencedSchemaFiles(file: string): string[] {
  const doc = readDataFile(file);
  return refsOf(doc)
    .map((ref) => ref.split('#')[0] ?? '')
    .filter((target) => target.endsWith('.json'))
    .map((target) => path.relative(SCHEMAS_DIR, path.resolve(path.dirname(file), target)).split(path.sep).join('/'));
}

/**
 * Every schema of a family is reached from its OpenAPI or AsyncAPI description, directly or through other
 * schemas: a schema nothing references describes nothing the API serves.
 */
export function checkSchemasReferenced(family: Family): Problem[] {
  const roots = [openapiPath(family), asyncapiPath(family)].filter((f) => fs.existsSync(f));
  const reached = new Set<string>();
  const queue = roots.flatMap((r) => referencedSchemaFiles(r));
  while (queue.length > 0) {
    const next = queue.pop() as string;
    if (reached.has(next) || !fs.existsSync(path.join(SCHEMAS_DIR, next))) continue;
    reached.add(next);
    queue.push(...referencedSchemaFiles(path.join(SCHEMAS_DIR, next)));
  }
  return listSchemaFiles()
    .filter((f) => f.startsWith(`${family}/`) && !reached.has(f))
    .map((f) => problem('schema-usage', `schemas/${f}`, 'no OpenAPI or AsyncAPI description of the family references it, directly or through another schema'));
}

/** Sub-schemas worth deduplicating: objects with at least two declared properties. */
function objectSchemas(value: unknown, pointer: string, out: Array<{ pointer: string; json: string }>): void {
  if (Array.isArray(value)) value.forEach((v, i) => objectSchemas(v, `${pointer}/${i}`, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const props = record.properties;
    if (props && typeof props === 'object' && Object.keys(props).length >= 2) {
      const { description: _d, title: _t, examples: _e, $comment: _c, ...shape } = record;
      out.push({ pointer, json: JSON.stringify(shape) });
    }
    for (const [k, v] of Object.entries(record)) objectSchemas(v, `${pointer}/${k}`, out);
  }
}

/** The same object definition written in two places is a duplicate: one of them should $ref the other. */
export function checkNoDuplicateDefinitions(): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const file of listSchemaFiles()) {
    const found: Array<{ pointer: string; json: string }> = [];
    objectSchemas(readDataFile(path.join(SCHEMAS_DIR, file)), '#', found);
    for (const { pointer, json } of found) {
      const hash = crypto.createHash('sha1').update(json).digest('hex');
      const where = `${file}${pointer}`;
      const first = seen.get(hash);
      if (first) problems.push(problem('schema-usage', relative(path.join(SCHEMAS_DIR, file)), `${where} repeats the definition at ${first}; reference it instead`));
      else seen.set(hash, where);
    }
  }
  return problems;
}
