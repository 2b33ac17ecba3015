import path from 'node:path';
import { verifyBundle } from '../certify/verify-bundle.ts';
import { readPublicKey } from '../certify/signature.ts';
import { ToolError } from './errors.ts';
import type { Output } from './specs-command.ts';

export interface VerifyFlags {
  key?: string;
}

/**
 * `conform verify <dir> [--key <public key>]`: exit 0 when every check holds (the verdict it prints may still be
 * "failed": the bundle then honestly certifies a failure), 1 with one line per problem, 2 when the bundle or the key
 * cannot be read.
 */
export async function runVerify(dir: string, flags: VerifyFlags, io: Output): Promise<number> {
  const key = flags.key ? readPublicKey(flags.key) : undefined;
  const verification = verifyBundle(path.resolve(dir), key);
  for (const problem of verification.problems) io.err(`conform: ${problem}`);
  if (verification.problems.length > 0) {
    throw new ToolError('CONFORM_ERR_BUNDLE_INVALID', `the bundle ${dir} does not hold: ${verification.problems.length} problem(s), listed above`);
  }
  for (const run of verification.runs) io.out(`  ${run.dir}  ${run.family}  ${run.target}: ${run.result}`);
  const signature = key ? 'signature verified' : verification.signed ? 'signed (give --key to check the signature)' : 'not signed';
  io.out(`conform: the bundle ${dir} holds: every checksum matches, ${signature}, the requirement set is this conform's, the verdict is recomputed: ${verification.result}`);
  return 0;
}
