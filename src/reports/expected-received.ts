/**
 * Expected and received values out of a failure message, so a report can show them side by side. Playwright's
 * expect writes either "Expected: …" / "Received: …" lines or, for object matchers, a diff whose lines start with
 * "-" (expected) and "+" (received) after a "- Expected / + Received" legend.
 */
export interface ExpectedReceived {
  expected?: string;
  received?: string;
}

/** The text after "Label:" up to the next "Label:" line or blank line; continuation lines kept. */
function labelled(lines: string[], label: string): string | undefined {
  const at = lines.findIndex((l) => l.startsWith(`${label}:`));
  if (at === -1) return undefined;
  const out = [(lines[at] as string).slice(label.length + 1).trim()];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '' || /^[A-Z][\w ]*:/.test(line) || /^\s+at /.test(line) || /^Call log:/.test(line)) break;
    out.push(line);
  }
  return out.join('\n').trimEnd();
}

/** Playwright's object diff: the common lines in both, "-" lines only in expected, "+" lines only in received. */
function diff(lines: string[]): ExpectedReceived | undefined {
  const legend = lines.findIndex((l) => /^- Expected\b/.test(l));
  if (legend === -1 || !/^\+ Received\b/.test(lines[legend + 1] ?? '')) return undefined;
  const body: string[] = [];
  for (const line of lines.slice(legend + 2)) {
    if (/^\s+at /.test(line) || /^Call log:/.test(line)) break;
    body.push(line);
  }
  while (body[0]?.trim() === '') body.shift();
  while (body.length > 0 && body[body.length - 1]?.trim() === '') body.pop();
  const side = (mark: '-' | '+') => body.filter((l) => !l.startsWith(mark === '-' ? '+' : '-')).map((l) => (l.startsWith(mark) ? ` ${l.slice(1)}` : l)).join('\n');
  return { expected: side('-'), received: side('+') };
}

export function expectedReceived(message: string): ExpectedReceived {
  const lines = message.split('\n');
  const fromDiff = diff(lines);
  if (fromDiff) return fromDiff;
  const expected = labelled(lines, 'Expected');
  const received = labelled(lines, 'Received');
  return { ...(expected !== undefined ? { expected } : {}), ...(received !== undefined ? { received } : {}) };
}
