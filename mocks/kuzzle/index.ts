import type { FamilyModule } from '../../src/core/family.ts';
import { deviations, notDeviable } from './deviations.ts';
import { generator } from './generate.ts';
import { manifest } from './manifest.ts';
import { create } from './mock.ts';

/** The kuzzle family of `conform mock`: auth:updateSelf and security:updateProfile, and what a client needs around them. */
export default { family: manifest.family, manifest, create, deviations, notDeviable, generator } satisfies FamilyModule;
export { notDeviable };
