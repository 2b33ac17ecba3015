/**
 * Runs a generated test's cases one by one. A failing case is shrunk before it is reported: its optional keys are
 * dropped one at a time while it still fails (at most one retry per key, so the shrink is bounded), and the message
 * names the minimal case, its number, the seed and the command that reproduces it.
 */
export interface GeneratedCase {
  /** What the case is: "accepted" or the mutation's name. */
  label: string;
  /** The body as sent (before any encoding the family does), shown and shrunk. */
  body: unknown;
  /** Keys of the body that may be dropped without changing what the case tests. */
  optional?: readonly string[];
}

export interface CaseRun {
  /** The requirement id, for the reproduction's --grep. */
  id: string;
  cases: number;
  runSeed: number;
  seed: number;
}

/** Keys whose values are never printed (a generated password is not a credential, but reports carry none). */
const SECRET_KEY = /password|token|secret|jwt/i;

/** The case as the message shows it: secret-looking values replaced by their type and length. */
export function shownCase(body: unknown): string {
  return JSON.stringify(body, (key, value) => (key && SECRET_KEY.test(key) && value !== null && value !== undefined ? `<${typeof value}${typeof value === 'string' ? `, ${value.length} chars` : ''}>` : value));
}

async function failure(check: (c: GeneratedCase) => Promise<void>, c: GeneratedCase): Promise<Error | undefined> {
  try {
    await check(c);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The case with each optional key dropped while it still fails; the last failure with it. */
async function shrink(check: (c: GeneratedCase) => Promise<void>, c: GeneratedCase, first: Error): Promise<{ minimal: GeneratedCase; error: Error }> {
  let minimal = c;
  let error = first;
  const body = c.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { minimal, error };
  for (const key of c.optional ?? []) {
    const current = minimal.body as Record<string, unknown>;
    if (!(key in current)) continue;
    const { [key]: _dropped, ...smaller } = current;
    const candidate = { ...minimal, body: smaller };
    const again = await failure(check, candidate);
    if (again) {
      minimal = candidate;
      error = again;
    }
  }
  return { minimal, error };
}

export async function runCases(run: CaseRun, cases: readonly GeneratedCase[], check: (c: GeneratedCase) => Promise<void>): Promise<void> {
  for (const [i, c] of cases.entries()) {
    const first = await failure(check, c);
    if (!first) continue;
    const { minimal, error } = await shrink(check, c, first);
    const reproduce = `conform test --generate ${run.cases} --generate-seed ${run.runSeed} --grep '${run.id} .*generated'`;
    throw new Error(`generated case ${i + 1} of ${cases.length} (${minimal.label}, test seed ${run.seed}) failed: ${error.message}\nminimal case: ${shownCase(minimal.body)}\nreproduce: ${reproduce}`);
  }
}
