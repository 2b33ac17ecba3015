import { REDACTED, type Redactor } from '../core/redact.ts';

/** Options whose value is a secret whatever it holds. */
const SECRET_OPTIONS = new Set(['--password', '--auth']);

/** A word as a POSIX shell reads it back: bare when it is plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line as given, for a manifest and a README's "Reproduce": every value of --password and --auth (as
 * "--password x" or "--password=x") becomes [redacted], and every other word goes through the redactor (a target's
 * credential in an endpoint URL, a token pasted anywhere). The words are shell-quoted, so it can be pasted back.
 */
export function redactedCommand(program: readonly string[], argv: readonly string[], redactor: Redactor): string {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    const eq = word.indexOf('=');
    const option = eq === -1 ? word : word.slice(0, eq);
    if (SECRET_OPTIONS.has(option) && eq !== -1) words.push(`${option}=${REDACTED}`);
    else if (SECRET_OPTIONS.has(word) && i + 1 < argv.length) {
      words.push(word, REDACTED);
      i += 1;
    } else words.push(redactor.text(word));
  }
  return [...program, ...words].map(shellWord).join(' ');
}
