import path from 'node:path';
import { report, runCases } from './harness';
import { foundationCases } from './foundation';
import { incidentsCases } from './incidentsCases';
import { risksCases } from './risksCases';

/** `npm run bench [-- <prefix>]`: every figure beside its baseline, written to bench-results.json. */
const prefix = process.argv[2];
const root = path.resolve(import.meta.dirname, '../..');
const cases = [...foundationCases, ...(await incidentsCases()), ...risksCases()];
cases.push(...(await import('./rosterCases')).rosterCases());
cases.push(...(await import('./reportCases')).reportCases());
cases.push(...(await import('./mapCases')).mapCases());
cases.push(...(await import('./backupCases')).backupCases());
process.stderr.write(`vigil bench${prefix ? ` (${prefix}*)` : ''} on ${process.version}\n`);
const results = await runCases(cases, prefix);
if (results.length === 0) {
  process.stderr.write(`no figure starts with "${prefix}"\n`);
  process.exitCode = 2;
} else {
  report(results, root);
}
