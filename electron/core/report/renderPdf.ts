import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';

export type Paper = 'a4' | 'letter';

export interface RenderPdfOptions {
  paper: Paper;
  /** A Chromium binary; otherwise VIGIL_CHROMIUM, then /usr/bin/chromium. */
  chromium?: string | undefined;
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
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#666"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    const pages = (data.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    return { data, pages };
  } finally {
    await browser.close();
  }
}
