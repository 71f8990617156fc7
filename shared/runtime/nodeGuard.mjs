// Plain JavaScript on purpose: it must run, and refuse clearly, on a Node too old to load anything else.
// better-sqlite3-multiple-ciphers 13 segfaults on Node 20 (STACK-NOTES.md), so an old Node never gets further.
export const REQUIRED_NODE_MAJOR = 24;

export function requireSupportedNode(programName) {
  const major = Number(globalThis.process.versions.node.split('.')[0]);
  if (major < REQUIRED_NODE_MAJOR) {
    globalThis.process.stderr.write(
      `${programName}: Node ${globalThis.process.versions.node} is not supported; Vigil needs Node ${REQUIRED_NODE_MAJOR} or newer.\n` +
        `Run it through npm (npx vigil ..., npm run web), which uses the Node ${REQUIRED_NODE_MAJOR} the project installs.\n`,
    );
    globalThis.process.exit(2);
  }
}
