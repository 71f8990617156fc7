// Run by the Electron binary when the command line has no Chromium (INTERFACES.md: --chromium,
// VIGIL_CHROMIUM, /usr/bin/chromium, then Electron): `electron headlessPrint.mjs --vigil-print-options=<base64 JSON>`,
// the report's HTML on stdin, the PDF on stdout. The page loads in a hidden, sandboxed window of its own
// in-memory session, from a one-off protocol; every other request is cancelled.
import { app, BrowserWindow, session } from 'electron';

const PREFIX = '--vigil-print-options=';
const PARTITION = 'vigil-headless-print';

function fail(message) {
  process.stderr.write(`vigil headless print: ${message}\n`);
  app.exit(1);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function main() {
  const arg = process.argv.find((a) => a.startsWith(PREFIX));
  if (!arg) return fail('no print options');
  const options = JSON.parse(Buffer.from(arg.slice(PREFIX.length), 'base64').toString('utf8'));
  const html = await readStdin();
  await app.whenReady();
  const ses = session.fromPartition(PARTITION);
  ses.protocol.handle('vigil-print', () => new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(details.url.startsWith('vigil-print:') || details.url.startsWith('data:')) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const win = new BrowserWindow({
    show: false,
    webPreferences: { partition: PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false, spellcheck: false },
  });
  await win.loadURL('vigil-print://page/report');
  await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
  const pdf = await win.webContents.printToPDF(options);
  win.destroy();
  process.stdout.write(pdf, () => app.exit(0));
}

app.enableSandbox();
app.disableHardwareAcceleration();
main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
