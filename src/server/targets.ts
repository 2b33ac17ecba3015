import type { SeededCredentials } from '../core/family.ts';
import type { Family, Transport } from '../specs/families.ts';

/**
 * The target file `conform test --target` reads: the family, the endpoints and the credentials the suite may use
 * to set up its own fixtures (the issue of the conformance suites gives the format).
 */
export function targetFile(family: Family, endpoints: Partial<Record<Transport, string>>, credentials: SeededCredentials | undefined, profile: string): Record<string, unknown> {
  const auth =
    family === 'userapi'
      ? { users: ((credentials?.users as Array<{ token: string; email: string }>) ?? []).map(({ token, email }) => ({ token, email })) }
      : credentials ?? {};
  return { api: family, name: `conform mock (${family}, ${profile})`, ...endpoints, auth };
}
