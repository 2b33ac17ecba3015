/**
 * A finding of a specification check: plain data, never thrown (as ajv reports validation errors),
 * so that every check can report all it finds at once.
 */
export interface Problem {
  /** The check that found it, e.g. "seed-coverage". */
  check: string;
  /** File relative to the project root. */
  file: string;
  message: string;
}

export function problem(check: string, file: string, message: string): Problem {
  return { check, file, message };
}

export function formatProblem(p: Problem): string {
  return `${p.file}: [${p.check}] ${p.message}`;
}
