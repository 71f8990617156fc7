import { describe, expect, it, vi } from 'vitest';
import {
  createPdfPrinter,
  createPrintPages,
  installPrintSession,
  printWindowOptions,
  toPrintToPdfOptions,
  type PrintWindow,
  type PrintSessionLike,
} from '../../../electron/main/pdfPrinter';

// Nothing here imports 'electron': the printer gets its window factory and session injected.
vi.mock('electron', () => {
  throw new Error('pdfPrinter must not import electron');
});

function fakeWindow(pages: ReturnType<typeof createPrintPages>, fail = false) {
  const seen: { html?: string; options?: unknown } = {};
  let destroyed = false;
  const win: PrintWindow = {
    webContents: {
      loadURL: vi.fn(async (url: string) => {
        const r = pages.respond(url);
        expect(r.status).toBe(200);
        seen.html = r.body;
      }),
      executeJavaScript: vi.fn(async () => true),
      printToPDF: vi.fn(async (options) => {
        seen.options = options;
        if (fail) throw new Error('printing failed');
        return Buffer.from('%PDF-1.7 fake');
      }),
    },
    destroy: () => {
      destroyed = true;
    },
    isDestroyed: () => destroyed,
  };
  return { win, seen, destroyed: () => destroyed };
}

describe('desktop PDF printer (Electron printToPDF, electron mocked)', () => {
  it('opens a hidden, sandboxed window in its own session with no Node and no devtools', () => {
    const o = printWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'vigil-print', devTools: false, webviewTag: false });
    expect(o.webPreferences).not.toHaveProperty('preload');
  });

  it('prints the page served under a one-off URL with the paper, margins and templates core asked for, then closes the window', async () => {
    const pages = createPrintPages();
    const { win, seen, destroyed } = fakeWindow(pages);
    const createWindow = vi.fn(() => win);
    const print = createPdfPrinter({ createWindow }, pages);
    const pdf = await print('<html><body>Weekly</body></html>', { paper: 'letter', footerTemplate: '<span class="pageNumber"></span>' });
    expect(pdf.toString()).toBe('%PDF-1.7 fake');
    expect(seen.html).toContain('Weekly');
    expect(seen.options).toMatchObject({ pageSize: 'Letter', printBackground: true, displayHeaderFooter: true, footerTemplate: '<span class="pageNumber"></span>' });
    expect((seen.options as { margins: { top: number } }).margins.top).toBeCloseTo(14 / 25.4);
    expect(destroyed()).toBe(true);
    // The page is served once: its URL answers 404 afterwards.
    const url = (win.webContents.loadURL as ReturnType<typeof vi.fn>).mock.calls[0]![0] as string;
    expect(pages.respond(url).status).toBe(404);
  });

  it('closes the window and forgets the page when printing fails', async () => {
    const pages = createPrintPages();
    const { win, destroyed } = fakeWindow(pages, true);
    const print = createPdfPrinter({ createWindow: () => win }, pages);
    await expect(print('<p>x</p>', { paper: 'a4' })).rejects.toThrow('printing failed');
    expect(destroyed()).toBe(true);
    expect(toPrintToPdfOptions({ paper: 'a4' }).pageSize).toBe('A4');
  });

  it('lets only the page and data: URLs load in the print session and refuses every permission', async () => {
    const pages = createPrintPages();
    let handler: ((r: { url: string }) => Response | Promise<Response>) | undefined;
    let filter: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    let permission: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    const ses: PrintSessionLike = {
      protocol: { handle: (scheme, h) => (expect(scheme).toBe('vigil-print'), (handler = h)) },
      webRequest: { onBeforeRequest: (l) => (filter = l) },
      setPermissionRequestHandler: (h) => (permission = h),
    };
    installPrintSession(ses, pages);
    const { url, dispose } = pages.add('<p>report</p>');
    const ok = await handler!({ url });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('<p>report</p>');
    expect((await handler!({ url: 'vigil-print://page/../../etc/passwd' })).status).toBe(404);
    const cancelled = (u: string) => {
      let c: boolean | undefined;
      filter!({ url: u }, (r) => (c = r.cancel));
      return c;
    };
    expect(cancelled(url)).toBe(false);
    expect(cancelled('data:font/woff2;base64,AAAA')).toBe(false);
    expect(cancelled('https://example.org/track.png')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    let granted: boolean | undefined;
    permission!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    dispose();
    expect((await handler!({ url })).status).toBe(404);
  });
});
