import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';

export type Paper = 'a4' | 'letter';

export interface RenderPdfOptions {
  paper: Paper;
  /** A Chromium binary; otherwise VIGIL_CHROMIUM, then /usr/bin/chromium. */
  chromium?: string | undefined;
  /**
   * Chromium header and footer templates (classes pageNumber, totalPages...); default: no header and a
   * centred "n / total" footer. They are drawn apart from the page: give them their own fonts and sizes.
   */
  headerTemplate?: string | undefined;
  footerTemplate?: string | undefined;
}

export const DEFAULT_HEADER_TEMPLATE = '<span></span>';
export const DEFAULT_FOOTER_TEMPLATE =
  '<div style="font-size:8px;width:100%;text-align:center;color:#666"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';
export const PDF_MARGINS = { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' } as const;

/** Prints HTML to PDF: what the desktop host gives core (Electron's printToPDF) instead of headless Chromium. */
export type PdfPrinter = (html: string, options: RenderPdfOptions) => Promise<Buffer>;

/** Number of pages of a PDF Chromium wrote (its page objects). */
export function countPdfPages(data: Buffer): number {
  return (data.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/**
 * The one way a report becomes a PDF: the host's printer when the host gave one (Electron's printToPDF in
 * the desktop app), else headless Chromium (browser mode, command line).
 */
export async function printReportPdf(host: { printPdf?: PdfPrinter | undefined }, html: string, options: RenderPdfOptions): Promise<{ data: Buffer; pages: number }> {
  if (host.printPdf) {
    const data = await host.printPdf(html, options);
    return { data, pages: countPdfPages(data) };
  }
  return renderPdf(html, options);
}

/** The browser used to print: explicit path, VIGIL_CHROMIUM, then Debian's chromium. */
export function findChromium(explicit?: string): string | null {
  const candidates = [explicit, process.env.VIGIL_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((c): c is string => Boolean(c));
  for (const c of candidates) {
    try {
      if (fs.statSync(c).isFile()) return c;
    } catch {
      // Not there: try the next one.
    }
    if (c === explicit) break;
  }
  return null;
}

const require = createRequire(import.meta.url);

/**
 * The Electron binary of the installed `electron` package (its path.txt), the last browser the command line
 * tries. Read directly: requiring the package would try to download a missing binary.
 */
export function findElectron(): string | null {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const name = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const exe = process.env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name) : path.join(dir, 'dist', name);
    return fs.statSync(exe).isFile() ? exe : null;
  } catch {
    return null;
  }
}

/** electron/main/headlessPrint.mjs, next to the sources (the command line runs from them). */
const HEADLESS_PRINT_SCRIPT = path.resolve(import.meta.dirname, '../../main/headlessPrint.mjs');

/**
 * Prints with Electron when there is no Chromium: the Electron binary runs headlessPrint.mjs, which reads
 * the HTML on stdin and writes the PDF on stdout (nothing touches the disk in between).
 */
export function printWithElectron(electron: string, html: string, options: RenderPdfOptions, script = HEADLESS_PRINT_SCRIPT): Promise<Buffer> {
  const printOptions = {
    pageSize: options.paper === 'letter' ? 'Letter' : 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate ?? DEFAULT_HEADER_TEMPLATE,
    footerTemplate: options.footerTemplate ?? DEFAULT_FOOTER_TEMPLATE,
    margins: { top: 14 / 25.4, bottom: 16 / 25.4, left: 12 / 25.4, right: 12 / 25.4 },
  };
  const arg = `--vigil-print-options=${Buffer.from(JSON.stringify(printOptions)).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    // Set by some tools; it would make Electron behave as plain Node and never open a window.
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(electron, [script, arg], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', (error) => reject(new AppError('IO', `Electron could not be started to print the PDF: ${error.message}`)));
    child.on('close', (code) => {
      const pdf = Buffer.concat(out);
      if (code === 0 && pdf.subarray(0, 5).toString('latin1') === '%PDF-') resolve(pdf);
      else reject(new AppError('IO', `Electron could not print the PDF (exit ${code}): ${err.trim().split('\n').slice(-1)[0] ?? ''}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(html);
  });
}

/** A bundled font file as a data: URL, so a report never depends on the fonts of the machine. */
export function fontDataUrl(pkg: '@fontsource/noto-sans' | '@fontsource/noto-sans-arabic', file: string): string | null {
  try {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    return `data:font/woff2;base64,${fs.readFileSync(path.join(dir, 'files', file)).toString('base64')}`;
  } catch {
    return null;
  }
}

/** @font-face rules for Noto Sans and Noto Sans Arabic (400 and 700), embedded. */
export function reportFontFaces(): string {
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    const latin = fontDataUrl('@fontsource/noto-sans', `noto-sans-latin-${weight}-normal.woff2`);
    const arabic = fontDataUrl('@fontsource/noto-sans-arabic', `noto-sans-arabic-arabic-${weight}-normal.woff2`);
    if (latin) faces.push(`@font-face{font-family:'Noto Sans';font-weight:${weight};src:url(${latin}) format('woff2');}`);
    if (arabic) faces.push(`@font-face{font-family:'Noto Sans Arabic';font-weight:${weight};src:url(${arabic}) format('woff2');}`);
  }
  return faces.join('\n');
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Prints a self-contained HTML page (no network: every image and font is a data: URL) to PDF with
 * headless Chromium through playwright-core. Reused by every report kind.
 */
export async function renderPdf(html: string, options: RenderPdfOptions): Promise<{ data: Buffer; pages: number }> {
  const executablePath = findChromium(options.chromium);
  // INTERFACES.md: --chromium, VIGIL_CHROMIUM, /usr/bin/chromium, then Electron (not when a path was given).
  const electron = executablePath || options.chromium ? null : findElectron();
  if (electron) {
    const data = await printWithElectron(electron, html, options);
    return { data, pages: countPdfPages(data) };
  }
  if (!executablePath) {
    throw new AppError('IO', 'No Chromium browser was found to print the PDF. Install chromium or give its path with --chromium or VIGIL_CHROMIUM.', {
      reason: 'NO_CHROMIUM',
    });
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    // Block every request: a report is self-contained, and nothing in it may reach the network.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    // Fonts are data: URLs; wait until the page says they are loaded so the PDF never falls back.
    await page.waitForFunction('document.fonts.status === "loaded"').catch(() => undefined);
    const data = await page.pdf({
      format: options.paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      margin: PDF_MARGINS,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate ?? DEFAULT_HEADER_TEMPLATE,
      footerTemplate: options.footerTemplate ?? DEFAULT_FOOTER_TEMPLATE,
    });
    return { data, pages: countPdfPages(data) };
  } finally {
    await browser.close();
  }
}
