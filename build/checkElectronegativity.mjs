// Runs electronegativity (Doyensec's static checker for Electron apps) on the desktop main and preload
// code and fails on any HIGH finding. Its CLI breaks on a newer hoisted `commander`, so we call its
// documented programmatic API instead. Offline: it only reads files (the online check is excluded).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_VERSION = require('electron/package.json').version;

let high = 0;
// One scan of the whole electron/ tree: its global checks (navigation limits, permission handler) look
// across files, so main and preload must be seen together.
for (const dir of ['electron']) {
  const result = await run({
    input: path.join(root, dir),
    isSarif: false,
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    electronVersion: ELECTRON_VERSION,
    parserPlugins: [],
    // The one check that goes online (Electron's release list from GitHub): offline it either fails
    // quietly or, when the request times out and retries, crashes the run. Electron is pinned; its
    // security releases are followed when the pin is raised, not by a lint run.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
  const findings = result?.errors ?? [];
  const issues = Array.isArray(result?.issues) ? result.issues : [];
  for (const issue of issues) {
    const severity = String(issue.severity?.name ?? issue.severity ?? '').toUpperCase();
    process.stderr.write(`${dir}: ${severity} ${issue.id} ${issue.file ?? ''}:${issue.location?.line ?? ''} ${issue.description ?? ''}\n`);
    if (severity === 'HIGH') high++;
  }
  if (findings.length) process.stderr.write(`${dir}: ${findings.length} file(s) could not be parsed\n`);
}
process.stderr.write(`electronegativity: ${high} high finding(s)\n`);
process.exit(high > 0 ? 1 : 0);
