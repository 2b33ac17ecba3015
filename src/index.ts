/**
 * conform as a library: start the mock from code, run the suites, read the catalogue.
 *
 * @example
 * import { startMock, resolveMockConfig, ephemeralPorts } from 'conform';
 * const mock = await startMock(resolveMockConfig({ flags: { families: [family], ports: ephemeralPorts() } }, new Set()));
 */
export { startMock, type RunningMock } from './server/mock-server.ts';
export { resolveMockConfig, ephemeralPorts, type MockConfig } from './config/mock-config.ts';
export { readCatalogue, type Catalogue, type Requirement } from './specs/catalogue.ts';
export { runSuites } from './runner/run-suites.ts';
export { readTarget, type Target } from './target/target.ts';
export type { ConformanceReport } from './reports/model.ts';
