import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../specs/paths.ts';

/** What every command's exit code means; --help prints it, docs/errors.md has the error codes behind 2. */
export const EXIT_CODES_HELP = `
Exit codes:
  0    no MUST requirement failed (SHOULD/MAY failures and baseline entries do not count)
  1    a MUST requirement failed (conform test, certify, merge-reports), the specification layer is invalid (specs),
       or a bundle does not hold (verify: a checksum, the signature, the requirement set or the verdict)
  2    usage, configuration or connection error: bad flag or file, unreachable target, refused credentials,
       a selection that runs no test (the message carries a CONFORM_ERR_* code; see docs/errors.md)
  70   an internal error of conform (please report it)
  130  stopped by SIGINT (Ctrl-C); 143 stopped by SIGTERM: the reports of what completed are written`;

/** conform's version, from its package.json (the same file in a checkout and an installed package). */
export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
