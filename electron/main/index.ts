import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { RPC_INVOKE_CHANNEL } from '../../shared/bridge';
import { defaultDataDir } from '../core/dataDir';
import { createCore } from '../core/index';
import type { Core } from '../core/types';
import { createAppProtocolHandler } from './appFiles';
import { createBasemapAwareHandler } from './basemapProtocol';
import { createDialogHandlers } from './dialogs';
import { createEventForwarder, createIpcHandler } from './ipc';
import { buildMenuTemplate } from './menu';
import { bundlePaths } from './paths';
import { createPdfPrinter, createPrintPages, installPrintSession, PRINT_PARTITION } from './pdfPrinter';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  isAllowedNavigation,
  isAllowedPermission,
  isAllowedRequestUrl,
} from './security';

// Wiring only: every decision below is made by a unit-tested function from a sibling module.

const paths = bundlePaths(import.meta.dirname);
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let unsubscribeEvents: (() => void) | null = null;

// Must happen before 'ready': app:// behaves like https (standard origin, secure context, fetch).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Every renderer is sandboxed, including any a library might create.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Two processes on one vault would fight over the database; the first instance takes the focus instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('before-quit', () => {
    unsubscribeEvents?.();
    unsubscribeEvents = null;
    core?.close();
    core = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal(error));
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No second window and nothing handed to the OS browser: a link in an incident note stays text.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isAllowedPermission(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isAllowedPermission(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  protocol.handle(APP_SCHEME, createBasemapAwareHandler(createAppProtocolHandler(paths.rendererDir), () => core?.dataDir ?? null));
}

function start(): void {
  hardenSession();
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged })));

  const dialogHandlers = createDialogHandlers({
    documentsDir: () => {
      try {
        return app.getPath('documents');
      } catch {
        return app.getPath('home');
      }
    },
    dialog: {
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
      showOpenDialog: (options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
    },
  });

  // Reports print with Electron's own Chromium (printToPDF) in a hidden, sandboxed, offline window.
  const printPages = createPrintPages();
  installPrintSession(session.fromPartition(PRINT_PARTITION), printPages);

  const activeCore = createCore({
    dataDir: defaultDataDir(),
    adapter: 'desktop',
    migrationsDir: paths.migrationsDir,
    hostHandlers: dialogHandlers,
    // The hardening is restated here (printWindowOptions already sets it) so that it is visible where the
    // window is made, to readers and to electronegativity.
    printPdf: createPdfPrinter(
      {
        createWindow: (options) =>
          new BrowserWindow({
            ...options,
            webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
          }),
      },
      printPages,
    ),
  });
  core = activeCore;

  ipcMain.handle(
    RPC_INVOKE_CHANNEL,
    createIpcHandler(activeCore, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null)),
  );

  createWindow();
}

function createWindow(): void {
  if (!core) return;
  const win = new BrowserWindow({
    title: 'Vigil',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: !app.isPackaged,
    },
  });
  mainWindow = win;

  unsubscribeEvents?.();
  unsubscribeEvents = core.subscribe(
    createEventForwarder(() => (win.isDestroyed() ? null : win.webContents)),
  );

  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    unsubscribeEvents?.();
    unsubscribeEvents = null;
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Vigil could not start', message);
  app.exit(1);
}
