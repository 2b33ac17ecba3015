/**
 * How deep a parsed JSON value nests, as the reference parsers count it: a scalar is depth 0, `{}` and `[1]` depth 1,
 * `[[1]]` depth 2. Measured with an explicit stack, never recursion: a value nested 100,000 deep (which JSON.parse
 * builds without trouble) would overflow the call stack of a recursive walk, as it does JSON.stringify's.
 */
export function exceedsJsonDepth(value: unknown, limit: number): boolean {
  const pending: Array<{ value: object; depth: number }> = [];
  if (value !== null && typeof value === 'object') pending.push({ value, depth: 1 });
  while (pending.length > 0) {
    const { value: container, depth } = pending.pop()!;
    if (depth > limit) return true;
    for (const child of Object.values(container)) {
      if (child !== null && typeof child === 'object') pending.push({ value: child as object, depth: depth + 1 });
    }
  }
  return false;
}
