/**
 * Prints every problem of the specification layer, for one family or all: `npm run verify:specs [-- <family>]`.
 * The tests in test/specs/ run the same checks; this is the quick loop while editing specs/ and schemas/.
 */
import { verifySpecs } from '../src/specs/verify.ts';
import { FAMILIES, isFamily } from '../src/specs/families.ts';
import { formatProblem } from '../src/specs/problem.ts';

const args = process.argv.slice(2);
const unknown = args.filter((a) => !isFamily(a));
if (unknown.length > 0) {
  console.error(`unknown family: ${unknown.join(', ')} (known: ${FAMILIES.join(', ')})`);
  process.exit(2);
}
const problems = await verifySpecs({ families: args.length > 0 ? args.filter(isFamily) : FAMILIES });
for (const p of problems) console.log(formatProblem(p));
console.log(problems.length === 0 ? 'specs: no problems' : `specs: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
