import fs from 'node:fs';
import { Parser, fromFile } from '@asyncapi/parser';
import { relative } from '../paths.ts';
import { asyncapiPath } from '../descriptions.ts';
import { problem, type Problem } from '../problem.ts';
import type { Family } from '../families.ts';

/** Parses with the official AsyncAPI parser; any diagnostic of severity error is a problem. */
export async function checkAsyncapi(family: Family): Promise<Problem[]> {
  const file = asyncapiPath(family);
  const rel = relative(file);
  if (!fs.existsSync(file)) return [problem('asyncapi', rel, 'missing')];
  const parser = new Parser();
  const { document, diagnostics } = await fromFile(parser, file).parse();
  const problems = diagnostics
    .filter((d) => d.severity === 0)
    .map((d) => problem('asyncapi', rel, `${d.code}: ${d.message} at ${d.path.join('.') || '(root)'}`));
  if (!document && problems.length === 0) problems.push(problem('asyncapi', rel, 'the parser returned no document'));
  return problems;
}
