import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../specs/catalogue-identity.ts';

/** The checksum file of a bundle, in `sha256sum` format ("<hex>  <path>"), so `sha256sum -c SHA256SUMS` checks it too. */
export const SUMS_FILE = 'SHA256SUMS';
/** The detached Ed25519 signature of SHA256SUMS (raw 64 bytes, as `openssl pkeyutl -rawin` makes and checks). */
export const SIGNATURE_FILE = 'SHA256SUMS.sig';

/** Files a bundle may not hold more of: a bound on the walk, far above any run (one transcript per test). */
const MAX_FILES = 100_000;

/** Every regular file under dir, as sorted paths relative to it with / separators; anything else is reported. */
export function listFiles(dir: string): { files: string[]; odd: string[] } {
  const files: string[] = [];
  const odd: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (files.length + odd.length >= MAX_FILES) throw new Error(`${dir} holds more than ${MAX_FILES} files: not a bundle`);
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
      else odd.push(child); // a symlink or a device: it could point outside the bundle, so it is never hashed
    }
  };
  walk('');
  return { files: files.sort(), odd: odd.sort() };
}

/** The files SHA256SUMS covers: every file of the bundle but itself and its signature. */
const covered = (file: string) => file !== SUMS_FILE && file !== SIGNATURE_FILE;

/** Writes SHA256SUMS over every file of the bundle (but itself and the signature) and returns its text. */
export function writeSums(dir: string): string {
  const text = listFiles(dir).files.filter(covered).map((f) => `${sha256(fs.readFileSync(path.join(dir, f)))}  ${f}\n`).join('');
  fs.writeFileSync(path.join(dir, SUMS_FILE), text);
  return text;
}

export interface SumsProblem {
  kind: 'changed' | 'missing' | 'extra' | 'malformed';
  file: string;
  message: string;
}

/** One SHA256SUMS line: "<64 hex>  <path>" (or "<hex> *<path>", sha256sum's binary marker). */
const LINE = /^([0-9a-f]{64}) [ *](.+)$/;

/** A listed path that would leave the bundle, or name it oddly: never opened. */
function unsafe(file: string): boolean {
  return path.isAbsolute(file) || file.split('/').some((part) => part === '..' || part === '') || file.includes('\\');
}

/**
 * Checks every file against SHA256SUMS: a file whose hash differs, one listed but absent, one present but not listed
 * (or not a regular file), and a line that is not "<hash>  <path>". Each problem names its file.
 */
export function checkSums(dir: string, text: string): SumsProblem[] {
  const problems: SumsProblem[] = [];
  const listed = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const m = LINE.exec(line);
    const file = m?.[2];
    if (!m || !file || unsafe(file)) {
      problems.push({ kind: 'malformed', file: SUMS_FILE, message: `${SUMS_FILE} line ${i + 1} is not "<sha256>  <path inside the bundle>": ${JSON.stringify(line.slice(0, 120))}` });
      return;
    }
    if (listed.has(file)) problems.push({ kind: 'malformed', file: SUMS_FILE, message: `${SUMS_FILE} lists ${file} twice (line ${i + 1})` });
    listed.set(file, m[1] as string);
  });
  const { files, odd } = listFiles(dir);
  const present = new Set(files);
  for (const [file, expected] of listed) {
    if (!present.has(file)) {
      problems.push({ kind: 'missing', file, message: `missing: ${file} (listed in ${SUMS_FILE}, not in the bundle)` });
      continue;
    }
    const actual = sha256(fs.readFileSync(path.join(dir, file)));
    if (actual !== expected) problems.push({ kind: 'changed', file, message: `changed: ${file} (its SHA-256 is ${actual}, ${SUMS_FILE} says ${expected})` });
  }
  for (const file of files.filter(covered)) if (!listed.has(file)) problems.push({ kind: 'extra', file, message: `extra: ${file} (in the bundle, not listed in ${SUMS_FILE})` });
  for (const file of odd) problems.push({ kind: 'extra', file, message: `extra: ${file} is not a regular file (a link or a device: a bundle holds files only)` });
  return problems;
}
