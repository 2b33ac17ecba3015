#!/usr/bin/env node
// The conform CLI. The sources are TypeScript; tsx compiles them on load (see docs/decisions/0001-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
