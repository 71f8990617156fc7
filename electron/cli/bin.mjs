#!/usr/bin/env node
// `vigil` entry: checks Node first (plain JS), then loads the TypeScript CLI through tsx.
import { requireSupportedNode } from '../../shared/runtime/nodeGuard.mjs';

requireSupportedNode('vigil');
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
