/**
 * The layering `npm run boundaries` keeps (docs/adding-a-family.md explains it):
 * - src/core knows nothing of the project: a family is a string there. It may read src/generated, the generated
 *   data bundles (the schemas as a module), which import nothing themselves.
 * - A family's folder (mocks/<family>/) imports only the core and itself. mocks/msw imports the core and the
 *   families through the registry (src/families/), never src/server: it serves the same family code in a browser.
 * - Only the registry (src/families/) imports the families' folders; everything else reads the registry.
 * - The reporters do not import the runner; nothing below the CLI imports the CLI. The tool's errors live in the
 *   core (src/core/tool-error.ts), so every layer may raise one.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'browser-code-imports-no-node-builtin',
      comment: 'The core, the families and mocks/msw are bundled for the browser (conform/msw in Chromium): no node: module there.',
      severity: 'error',
      from: { path: '^(src/core|src/families|src/generated|mocks)/', pathNot: '\\.test\\.ts$|/test-support\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-imports-nothing-of-the-project',
      comment: 'src/core is the transport-free, family-free base every layer may import; it imports only itself (and the generated data bundles).',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(src|mocks|suites|scripts|bin|test|bench)/', pathNot: '^src/(core|generated)/' },
    },
    {
      name: 'family-imports-only-the-core',
      comment: "A family's folder imports the core and its own files: nothing of another family, the server, the specs or the CLI.",
      severity: 'error',
      from: { path: '^mocks/([^/]+)/', pathNot: ['^mocks/msw/', '\\.test\\.ts$'] },
      to: { path: '^(src|mocks|suites|scripts|bin|test|bench)/', pathNot: ['^src/core/', '^mocks/$1/'] },
    },
    {
      name: 'msw-imports-the-core-and-the-registry',
      comment: 'mocks/msw runs the family code in a browser: the core, the registry and the generated bundles only (never src/server).',
      severity: 'error',
      from: { path: '^mocks/msw/' },
      to: { path: '^(src|mocks|suites|scripts|bin|test|bench)/', pathNot: ['^src/(core|families|generated)/', '^mocks/msw/'] },
    },
    {
      name: 'only-the-registry-imports-the-families',
      comment: 'Everything outside mocks/ reads the families through src/families/registry.ts, so a new family is one line there.',
      severity: 'error',
      from: { path: '^(src|suites|scripts|bin)/', pathNot: ['^src/families/', '\\.test\\.ts$'] },
      to: { path: '^mocks/' },
    },
    {
      name: 'registry-imports-only-families-and-core',
      comment: 'The registry is pure listing: the families\' index modules and the core.',
      severity: 'error',
      from: { path: '^src/families/' },
      to: { path: '^(src|mocks|suites|scripts|bin|test|bench)/', pathNot: ['^src/(core|families)/', '^mocks/[^/]+/index\\.ts$'] },
    },
    {
      name: 'reports-do-not-import-the-runner',
      comment: 'The reporters turn results into files; running suites is the runner\'s business.',
      severity: 'error',
      from: { path: '^src/reports/' },
      to: { path: '^src/runner/' },
    },
    {
      name: 'nothing-below-the-cli-imports-it',
      comment: 'The CLI is the top layer; shared errors are in src/core/tool-error.ts.',
      severity: 'error',
      from: { path: '^(src/(core|families|config|server|runner|specs|reports|generated)|mocks|suites)/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|reports)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
