#!/usr/bin/env node
// Browser mode entry: checks Node first, then loads the TypeScript server through tsx.
import { requireSupportedNode } from '../../shared/runtime/nodeGuard.mjs';

requireSupportedNode('vigil web');
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
