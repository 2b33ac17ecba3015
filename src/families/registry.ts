/**
 * The one list of API families. Everything that varies by family (config defaults, CLI port flags, listener URLs,
 * MSW base URLs, target files, the schemas' enums, the specification checks) reads this list and the manifests in
 * it, so a new family is a folder under mocks/ (and specs/, schemas/, suites/) plus one line here.
 *
 * Static imports, so bundlers (MSW in a browser) see every family too.
 */
import kuzzle from '../../mocks/kuzzle/index.ts';
import devicehive from '../../mocks/devicehive/index.ts';
import userapi from '../../mocks/userapi/index.ts';

export const FAMILY_MODULES = [kuzzle, devicehive, userapi] as const;

export type FamilyEntry = (typeof FAMILY_MODULES)[number];
export type Family = FamilyEntry['manifest']['family'];

/** A family's manifest, with its literal types (e.g. which ports it has). */
export type ManifestOf<F extends Family> = Extract<FamilyEntry, { family: F }>['manifest'];
/** The ports of each family, by the keys its manifest declares ('http', and 'mqtt' when it has one). */
export type FamilyPorts = { [F in Family]: { -readonly [K in keyof ManifestOf<F>['ports']]: number } };
