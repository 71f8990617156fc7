import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VigilEvent } from '../../../shared/events';

// electron/main/index.ts wired to a fake Electron and a fake core: what it registers, and that every
// hook it registers enforces the policy of security.ts.

const fake = vi.hoisted(() => {
  type Handler = (...args: never[]) => unknown;
  const state = {
    lock: true,
    ready: null as null | (() => void),
    schemes: [] as unknown[],
    readyWhenSchemesRegistered: false,
    protocolHandlers: new Map<string, Handler>(),
    printSession: { partition: '', protocols: [] as string[], permission: null as null | Handler, beforeRequest: null as null | Handler },
    ipcHandlers: new Map<string, Handler>(),
    windows: [] as Array<{ options: { webPreferences: Record<string, unknown> }; url?: string; webContents: unknown }>,
    permissionRequest: null as null | Handler,
    permissionCheck: null as null | Handler,
    device: null as null | Handler,
    beforeRequest: null as null | Handler,
    quit: 0,
    sandbox: false,
  };
  return { state };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { state } = fake;

  class FakeWebContents extends Emitter {
    mainFrame = { url: 'app://vigil/index.html' };
    sent: Array<[string, unknown]> = [];
    openHandler: (() => unknown) | null = null;
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload]);
    }
    isDestroyed(): boolean {
      return false;
    }
    setWindowOpenHandler(handler: () => unknown): void {
      this.openHandler = handler;
    }
  }

  class FakeApp extends Emitter {
    isPackaged = false;
    enableSandbox(): void {
      state.sandbox = true;
    }
    requestSingleInstanceLock(): boolean {
      return state.lock;
    }
    whenReady(): Promise<void> {
      state.readyWhenSchemesRegistered = state.schemes.length > 0;
      return new Promise((resolve) => {
        state.ready = resolve;
      });
    }
    isReady(): boolean {
      return state.ready === null;
    }
    getPath(name: string): string {
      return `/home/officer/${name}`;
    }
    quit(): void {
      state.quit += 1;
    }
    exit(): void {}
  }

  class FakeBrowserWindow extends Emitter {
    static getAllWindows(): unknown[] {
      return state.windows;
    }
    webContents = new FakeWebContents();
    url?: string;
    constructor(public options: { webPreferences: Record<string, unknown> }) {
      super();
      state.windows.push(this);
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    loadURL(url: string): Promise<void> {
      this.url = url;
      return Promise.resolve();
    }
    show(): void {}
    focus(): void {}
    restore(): void {}
  }

  const electron = {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
      handle: (scheme: string, handler: never) => state.protocolHandlers.set(scheme, handler),
    },
    session: {
      // The report print session (electron/main/pdfPrinter.ts): its own partition, protocol and filters.
      fromPartition: (partition: string) => {
        state.printSession.partition = partition;
        return {
          protocol: { handle: (scheme: string) => state.printSession.protocols.push(scheme) },
          webRequest: { onBeforeRequest: (handler: never) => (state.printSession.beforeRequest = handler) },
          setPermissionRequestHandler: (handler: never) => (state.printSession.permission = handler),
        };
      },
      defaultSession: {
        setPermissionRequestHandler: (handler: never) => (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: never) => (state.permissionCheck = handler),
        setDevicePermissionHandler: (handler: never) => (state.device = handler),
        webRequest: { onBeforeRequest: (handler: never) => (state.beforeRequest = handler) },
      },
    },
    ipcMain: { handle: (channel: string, handler: never) => state.ipcHandlers.set(channel, handler) },
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
  };
  return { ...electron, default: electron };
});

const core = vi.hoisted(() => ({
  createCore: vi.fn(),
  listeners: [] as Array<(event: unknown) => void>,
}));

vi.mock('../../../electron/core/index', () => ({ createCore: core.createCore }));

function fakeCore() {
  return {
    dataDir: '/data',
    dispatch: vi.fn(async (name: string) => ({ ok: true, value: name })),
    subscribe: vi.fn((listener: (event: unknown) => void) => {
      core.listeners.push(listener);
      return () => {
        core.listeners = core.listeners.filter((l) => l !== listener);
      };
    }),
    uploads: { put: vi.fn(), take: vi.fn() },
    close: vi.fn(),
  };
}

async function load() {
  const electron = await import('electron');
  await import('../../../electron/main/index');
  return electron as unknown as { app: EventEmitter };
}

async function loadReady() {
  const electron = await load();
  fake.state.ready?.();
  fake.state.ready = null;
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
  const win = fake.state.windows[0] as unknown as {
    options: { webPreferences: Record<string, unknown> };
    url: string;
    webContents: EventEmitter & { mainFrame: { url: string }; sent: Array<[string, unknown]> };
  };
  const instance = core.createCore.mock.results[0]?.value as ReturnType<typeof fakeCore>;
  return { ...electron, win, instance };
}

beforeEach(async () => {
  vi.resetModules();
  // The mocked module outlives resetModules: drop the listeners a previous import registered.
  ((await import('electron')) as unknown as { app: EventEmitter }).app.removeAllListeners();
  Object.assign(fake.state, {
    lock: true,
    ready: null,
    schemes: [],
    readyWhenSchemesRegistered: false,
    windows: [],
    permissionRequest: null,
    permissionCheck: null,
    device: null,
    beforeRequest: null,
    quit: 0,
    sandbox: false,
  });
  fake.state.protocolHandlers.clear();
  fake.state.ipcHandlers.clear();
  core.listeners = [];
  core.createCore.mockReset();
  core.createCore.mockImplementation(() => fakeCore());
  vi.stubEnv('VIGIL_DATA_DIR', '/tmp/vigil-test-data');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('electron/main/index.ts', () => {
  it('registers app:// as a privileged scheme before ready, and sandboxes every renderer', async () => {
    await load();
    expect(fake.state.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.state.readyWhenSchemesRegistered).toBe(true);
    expect(fake.state.sandbox).toBe(true);
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    await load();
    expect(fake.state.quit).toBe(1);
    expect(fake.state.ready).toBeNull();
  });

  it('opens one locked-down window on app://vigil/', async () => {
    const { win } = await loadReady();
    expect(win.url).toBe('app://vigil/index.html');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(String(win.options.webPreferences.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(fake.state.protocolHandlers.has('app')).toBe(true);
  });

  it('creates the desktop core on the shared data dir with the dialog host handlers', async () => {
    await loadReady();
    expect(core.createCore).toHaveBeenCalledTimes(1);
    const options = core.createCore.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(options).toMatchObject({ adapter: 'desktop', dataDir: path.resolve('/tmp/vigil-test-data') });
    expect(String(options.migrationsDir)).toMatch(/[\\/]migrations$/);
    expect(Object.keys(options.hostHandlers as object).sort()).toEqual(['dialog.openFile', 'dialog.saveFile']);
    // Reports print through Electron's printToPDF in a separate, locked-down session.
    expect(typeof options.printPdf).toBe('function');
    expect(fake.state.printSession.partition).toBe('vigil-print');
    expect(fake.state.printSession.protocols).toContain('vigil-print');
    expect(fake.state.printSession.beforeRequest).not.toBeNull();
    expect(fake.state.printSession.permission).not.toBeNull();
  });

  it('dispatches rpc:invoke from the main frame only', async () => {
    const { win, instance } = await loadReady();
    expect([...fake.state.ipcHandlers.keys()]).toEqual(['rpc:invoke']);
    const handler = fake.state.ipcHandlers.get('rpc:invoke') as unknown as (
      event: { senderFrame: unknown },
      name: unknown,
      input: unknown,
    ) => Promise<unknown>;

    expect(await handler({ senderFrame: win.webContents.mainFrame }, 'vault.status', {})).toEqual({
      ok: true,
      value: 'vault.status',
    });
    expect(instance.dispatch).toHaveBeenCalledWith('vault.status', {});

    const subFrame = { url: 'app://vigil/index.html' };
    expect(await handler({ senderFrame: subFrame }, 'vault.lock', {})).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'untrusted sender' },
    });
    expect(instance.dispatch).toHaveBeenCalledTimes(1);
  });

  it('forwards core events on rpc:event and stops when the window closes', async () => {
    const { win } = await loadReady();
    const event: VigilEvent = { name: 'premises.changed', payload: { ids: ['p1'] } };
    core.listeners.forEach((listener) => listener(event));
    expect(win.webContents.sent).toEqual([['rpc:event', event]]);
    (win as unknown as EventEmitter).emit('closed');
    expect(core.listeners).toHaveLength(0);
  });

  it('hardens every web contents: navigation, new windows and webviews', async () => {
    const { app } = await loadReady();
    const contents = Object.assign(new EventEmitter(), {
      openHandler: null as null | (() => unknown),
      setWindowOpenHandler(handler: () => unknown) {
        this.openHandler = handler;
      },
    });
    app.emit('web-contents-created', {}, contents);

    const navigate = (event: string, url: string): boolean => {
      const preventDefault = vi.fn();
      contents.emit(event, { url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'app://other/')).toBe(true);
    expect(navigate('will-navigate', 'app://vigil/index.html')).toBe(false);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });

    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });

  it('grants notifications to the app and nothing else, and cancels remote requests', async () => {
    await loadReady();
    const ask = (permission: string, requestingUrl: string): boolean => {
      let granted: boolean | undefined;
      (fake.state.permissionRequest as unknown as (...args: unknown[]) => void)({}, permission, (g: boolean) => (granted = g), {
        requestingUrl,
      });
      return granted === true;
    };
    expect(ask('notifications', 'app://vigil/index.html')).toBe(true);
    expect(ask('media', 'app://vigil/index.html')).toBe(false);
    expect(ask('notifications', 'https://evil.example/')).toBe(false);
    const check = fake.state.permissionCheck as unknown as (...args: unknown[]) => boolean;
    expect(check({}, 'notifications', 'app://vigil', {})).toBe(true);
    expect(check({}, 'clipboard-read', 'app://vigil', {})).toBe(false);
    expect((fake.state.device as unknown as () => boolean)()).toBe(false);

    const request = (url: string): unknown => {
      let answer: unknown;
      (fake.state.beforeRequest as unknown as (...args: unknown[]) => void)({ url }, (a: unknown) => (answer = a));
      return answer;
    };
    expect(request('https://tile.openstreetmap.org/0/0/0.png')).toEqual({ cancel: true });
    expect(request('app://vigil/assets/index.js')).toEqual({ cancel: false });
  });

  it('quits when the last window closes (except on macOS) and closes the core before quitting', async () => {
    const { app, instance } = await loadReady();
    app.emit('window-all-closed');
    expect(fake.state.quit).toBe(process.platform === 'darwin' ? 0 : 1);
    app.emit('before-quit');
    app.emit('before-quit');
    expect(instance.close).toHaveBeenCalledTimes(1);
  });
});
