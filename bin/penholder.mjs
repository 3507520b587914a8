#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so the same sources serve the CLI, server and tests.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
