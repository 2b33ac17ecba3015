/** What a finished test means for the run: a MUST failure fails it, a SHOULD/MAY failure warns, a baseline entry is known. */
export type LiveVerdict = 'passed' | 'must-failed' | 'warned' | 'known' | 'skipped';

const MARK: Record<LiveVerdict, { text: string; ansi: string }> = {
  passed: { text: '✔ pass', ansi: '32' },
  'must-failed': { text: '✘ FAIL', ansi: '31' },
  warned: { text: '⚠ warn', ansi: '33' },
  known: { text: '~ known', ansi: '36' },
  skipped: { text: '- skip', ansi: '90' },
};

export interface LiveLineInput {
  index: number;
  total: number;
  verdict: LiveVerdict;
  durationMs: number;
  /** The test's title: "<requirement id> [<transport>] <what it checks>". */
  title: string;
  /** The failure's message (already redacted); its first line goes under the test's. */
  message?: string;
  colour?: boolean;
}

/** One line per test, fixed columns so a terminal or a CI log reads as a table; a failure's first line under it. */
export function liveLine(input: LiveLineInput): string {
  const width = String(input.total).length;
  const counter = `[${String(input.index).padStart(width)}/${input.total}]`;
  const mark = MARK[input.verdict];
  const verdict = input.colour ? `\u001b[${mark.ansi}m${mark.text.padEnd(7)}\u001b[0m` : mark.text.padEnd(7);
  const time = `${Math.round(input.durationMs)} ms`.padStart(8);
  const line = `${counter} ${verdict} ${time}  ${input.title}`;
  const first = input.verdict === 'passed' ? undefined : input.message?.split('\n').find((l) => l.trim() !== '');
  return first ? `${line}\n${' '.repeat(counter.length + 1)}└ ${first.trim().slice(0, 200)}` : line;
}
