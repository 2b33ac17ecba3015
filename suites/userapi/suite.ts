import type { SuiteSettings } from '../harness.ts';

/** Every test updates the target's two given accounts (auth.users) and restores them afterwards: one at a time. */
export default { workers: 1 } satisfies SuiteSettings;
