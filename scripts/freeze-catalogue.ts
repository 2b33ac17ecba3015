/**
 * `npm run freeze`: writes each family's catalogue, at its current version, to specs/catalogue/frozen/ (see
 * src/specs/frozen-catalogues.ts). A version already frozen with other content is refused: raise `version` in the
 * catalogue first, so an old certificate's version keeps meaning what it meant.
 */
import fs from 'node:fs';
import { FAMILIES } from '../src/specs/families.ts';
import { readCatalogue } from '../src/specs/catalogue.ts';
import { freeze, frozenPath, FROZEN_DIR } from '../src/specs/frozen-catalogues.ts';

fs.mkdirSync(FROZEN_DIR, { recursive: true });
let refused = 0;
for (const family of FAMILIES) {
  const frozen = freeze(readCatalogue(family));
  const file = frozenPath(family, frozen.version);
  const text = `${JSON.stringify(frozen, null, 2)}\n`;
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') !== text) {
    console.error(`${family}: version ${frozen.version} is already frozen with other content: raise version in specs/catalogue/${family}.yaml, then run npm run freeze again`);
    refused++;
    continue;
  }
  fs.writeFileSync(file, text);
  console.log(`${family}: version ${frozen.version} frozen in ${file}`);
}
process.exitCode = refused ? 1 : 0;
