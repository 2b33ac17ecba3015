import fs from 'node:fs';
import { bundle, createConfig } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { relative } from '../paths.ts';
import { openapiPath } from '../descriptions.ts';
import { problem, type Problem } from '../problem.ts';
import type { Catalogue } from '../catalogue.ts';
import type { Family } from '../families.ts';
import { perFamily } from '../../families/lookup.ts';

/** The routes the documents name (each family's manifest); the description must have each, and mark the deprecated alias. */
export const DOCUMENTED_ROUTES: Record<Family, ReadonlyArray<{ method: string; path: string; deprecated?: boolean }>> = perFamily((m) => m.documentedRoutes);

type OpenApiDoc = {
  paths?: Record<string, Record<string, { deprecated?: boolean; 'x-conform-requirements'?: string[] }>>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
};

/** Bundles the file (resolving the schema files it references), for validators that only follow internal refs. */
export async function bundleOpenapi(file: string): Promise<{ doc: OpenApiDoc; problems: string[] }> {
  const config = await createConfig({});
  const result = await bundle({ ref: file, config });
  const doc = result.bundle.parsed as OpenApiDoc;
  // Bundling copies each schema file into components with its $id; left there, that $id would become the base
  // URI of the "#/components/..." refs inside it and a 2020-12 validator would resolve them against the wrong document.
  for (const schema of Object.values(doc.components?.schemas ?? {})) delete schema.$id;
  return { doc, problems: result.problems.map((p) => p.message) };
}

export async function checkOpenapi(family: Family, catalogue: Catalogue | undefined): Promise<Problem[]> {
  const file = openapiPath(family);
  const rel = relative(file);
  if (!fs.existsSync(file)) return [problem('openapi', rel, 'missing')];
  const problems: Problem[] = [];
  let bundled: Awaited<ReturnType<typeof bundleOpenapi>>;
  try {
    bundled = await bundleOpenapi(file);
  } catch (error) {
    return [problem('openapi', rel, `cannot be bundled: ${(error as Error).message}`)];
  }
  for (const message of bundled.problems) problems.push(problem('openapi', rel, `bundling: ${message}`));
  const result = await new Validator().validate(bundled.doc as Parameters<Validator["validate"]>[0]);
  if (!result.valid) {
    const errors = typeof result.errors === 'string' ? result.errors : JSON.stringify(result.errors?.slice(0, 5));
    problems.push(problem('openapi', rel, `not a valid OpenAPI 3.1 document: ${errors}`));
  }
  for (const route of DOCUMENTED_ROUTES[family]) {
    const op = bundled.doc.paths?.[route.path]?.[route.method];
    if (!op) problems.push(problem('openapi', rel, `documented route ${route.method.toUpperCase()} ${route.path} is missing`));
    else if (Boolean(op.deprecated) !== Boolean(route.deprecated)) {
      problems.push(problem('openapi', rel, `${route.method.toUpperCase()} ${route.path} must${route.deprecated ? '' : ' not'} be marked deprecated`));
    }
  }
  const ids = new Set(catalogue?.requirements?.map((r) => r.id) ?? []);
  for (const [p, item] of Object.entries(bundled.doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      for (const id of op?.['x-conform-requirements'] ?? []) {
        if (!ids.has(id)) problems.push(problem('openapi', rel, `${method.toUpperCase()} ${p}: x-conform-requirements names unknown requirement ${id}`));
      }
    }
  }
  return problems;
}
