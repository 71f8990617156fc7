import { randomUUID } from 'node:crypto';
import type { PdfPrinter, RenderPdfOptions } from '../core/report/renderPdf';
import { DEFAULT_FOOTER_TEMPLATE, DEFAULT_HEADER_TEMPLATE } from '../core/report/renderPdf';

/**
 * Electron's printToPDF for core's reports (index.ts wires it): a hidden, sandboxed window in its own
 * in-memory session, with no preload, no network and no navigation, loads one self-contained HTML page
 * served under a one-off URL and prints it. Everything Electron-specific is injected so this is unit-tested.
 */

export const PRINT_SCHEME = 'vigil-print';
export const PRINT_PARTITION = 'vigil-print';

export interface PrintToPdfOptions {
  pageSize: 'A4' | 'Letter';
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  margins: { top: number; bottom: number; left: number; right: number };
}

export interface PrintWindow {
  webContents: {
    loadURL(url: string): Promise<void>;
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PrintToPdfOptions): Promise<Buffer>;
  };
  destroy(): void;
  isDestroyed(): boolean;
}

export interface PdfPrinterDeps {
  /** new BrowserWindow(options) */
  createWindow(options: ReturnType<typeof printWindowOptions>): PrintWindow;
}

/** The hidden print window: sandboxed, isolated, no Node, own session, nothing shown. */
export function printWindowOptions() {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      // Fonts must finish loading before printing; the page itself carries no script (its CSP forbids it).
      javascript: true,
      offscreen: false,
    },
  } as const;
}

const MM_PER_INCH = 25.4;

/** Core's options (paper, templates) as printToPDF options, with the same margins as headless Chromium. */
export function toPrintToPdfOptions(options: RenderPdfOptions): PrintToPdfOptions {
  return {
    pageSize: options.paper === 'letter' ? 'Letter' : 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate ?? DEFAULT_HEADER_TEMPLATE,
    footerTemplate: options.footerTemplate ?? DEFAULT_FOOTER_TEMPLATE,
    margins: { top: 14 / MM_PER_INCH, bottom: 16 / MM_PER_INCH, left: 12 / MM_PER_INCH, right: 12 / MM_PER_INCH },
  };
}

/** Pages waiting to be printed, by one-off id; the print session's protocol handler reads them. */
export function createPrintPages() {
  const pages = new Map<string, string>();
  return {
    add(html: string): { url: string; dispose(): void } {
      const id = randomUUID();
      pages.set(id, html);
      return { url: `${PRINT_SCHEME}://page/${id}`, dispose: () => void pages.delete(id) };
    },
    /** The protocol handler's answer: the page, or 404 for anything else (including a used id). */
    respond(url: string): { status: number; body: string } {
      const m = new RegExp(`^${PRINT_SCHEME}://page/([0-9a-f-]{36})$`).exec(url);
      const html = m ? pages.get(m[1]!) : undefined;
      return html === undefined ? { status: 404, body: '' } : { status: 200, body: html };
    },
    /** Only the page itself (and data: fonts and images inside it) may load in the print session. */
    isAllowedRequest(url: string): boolean {
      return url.startsWith(`${PRINT_SCHEME}://page/`) || url.startsWith('data:');
    },
  };
}

export type PrintPages = ReturnType<typeof createPrintPages>;

export function createPdfPrinter(deps: PdfPrinterDeps, pages: PrintPages): PdfPrinter {
  return async (html, options) => {
    const page = pages.add(html);
    const win = deps.createWindow(printWindowOptions());
    try {
      await win.webContents.loadURL(page.url);
      await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
      return Buffer.from(await win.webContents.printToPDF(toPrintToPdfOptions(options)));
    } finally {
      page.dispose();
      if (!win.isDestroyed()) win.destroy();
    }
  };
}

/** The parts of an Electron session the print session needs. */
export interface PrintSessionLike {
  protocol: { handle(scheme: string, handler: (request: { url: string }) => Response | Promise<Response>): void };
  webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void };
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
}

/** Serves the pages to print in the print session and refuses every other request and every permission. */
export function installPrintSession(ses: PrintSessionLike, pages: PrintPages): void {
  ses.protocol.handle(PRINT_SCHEME, (request) => {
    const r = pages.respond(request.url);
    return new Response(r.body, { status: r.status, headers: { 'content-type': 'text/html; charset=utf-8' } });
  });
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !pages.isAllowedRequest(details.url) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}
