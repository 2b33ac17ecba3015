/**
 * conform as a library: start the mock from code, run the suites, read the catalogue.
 *
 * @example
 * import { startMock, resolveMockConfig } from 'conform';
 * const mock = await startMock(resolveMockConfig({ flags: { families: ['kuzzle'], ports: { kuzzle: { http: 0, mqtt: 0 } } } }, new Set()));
 */
export { startMock, type RunningMock } from './server/mock-server.ts';
export { resolveMockConfig, type MockConfig } from './config/mock-config.ts';
export { readCatalogue, type Catalogue, type Requirement } from './specs/catalogue.ts';
export { runSuites } from './runner/run-suites.ts';
export { readTarget, type Target } from './runner/target.ts';
export type { ConformanceReport } from './reports/model.ts';
