/**
 * Node's util.format as Kuzzle's kerror uses it: each %s takes the next placeholder; placeholders left over are
 * appended, separated by spaces. That is why the funnel's 401 reads `..."auth:updateSelf". -1` (kuzzle.md §0.7),
 * and why an array prints as `[ 'two' ]` (kuzzle.md §4.2).
 */
export function formatMessage(template: string, props: readonly unknown[]): string {
  let next = 0;
  const filled = template.replace(/%s/g, () => (next < props.length ? asString(props[next++]) : '%s'));
  const rest = props.slice(next).map(asAppended);
  return rest.length === 0 ? filled : `${filled} ${rest.join(' ')}`;
}

/** %s: strings as they are, objects inspected. */
function asString(value: unknown): string {
  return typeof value === 'object' && value !== null ? inspect(value) : String(value);
}

/** A value appended after the template: strings as they are, the rest inspected. */
function asAppended(value: unknown): string {
  return typeof value === 'string' ? value : inspect(value);
}

/** A small util.inspect for the values kerror receives (strings, numbers, arrays of them). */
function inspect(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[ ${value.map(inspect).join(', ')} ]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${inspect(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return String(value);
}
