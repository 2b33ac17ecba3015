import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A copy of the tree at an earlier commit (BENCH_BEFORE), built, so the bench measures it side by side with today's
 * tree in the same run: figures from two runs differ by 15-35% on this kind of machine, ratios from one run do not.
 * `git archive` writes files only: the repository's branches, worktrees and index are left alone.
 */
export function checkoutBefore(root: string, ref: string): string {
  const commit = execFileSync('git', ['-C', root, 'rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `conform-before-${commit.slice(0, 8)}-`));
  const archive = path.join(dir, '.tree.tar');
  execFileSync('git', ['-C', root, 'archive', '--format=tar', '-o', archive, commit]);
  execFileSync('tar', ['-xf', archive, '-C', dir]);
  fs.rmSync(archive);
  // The same dependencies: the comparison is between the two trees, not two installs (and not a node_modules the
  // commit may carry).
  fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  build(dir);
  return dir;
}

/** Builds dist/ so that bin/conform.mjs runs the compiled code, as an installed package does. */
export function build(root: string): void {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
