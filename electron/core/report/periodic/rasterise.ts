import { findChromium, reportFontFaces } from '../renderPdf';
import type { ReportImage } from './types';

/**
 * SVG charts and maps as PNG (for DOCX), drawn by the same headless Chromium that prints PDFs, with the
 * bundled fonts; offline. Null when no Chromium is available: the DOCX then says the pictures were left out.
 */
export async function rasteriseSvgs(images: ReportImage[], chromiumPath: string | undefined): Promise<Buffer[] | null> {
  if (images.length === 0) return [];
  const executablePath = findChromium(chromiumPath);
  if (!executablePath) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ offline: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const out: Buffer[] = [];
    for (const image of images) {
      await page.setViewportSize({ width: image.width, height: image.height });
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>${reportFontFaces()}html,body{margin:0;background:#fff;font-family:'Noto Sans','Noto Sans Arabic'}</style></head><body>${image.svg}</body></html>`,
        { waitUntil: 'load' },
      );
      await page.waitForFunction('document.fonts.status === "loaded"').catch(() => undefined);
      out.push(await page.screenshot({ clip: { x: 0, y: 0, width: image.width, height: image.height }, type: 'png' }));
    }
    return out;
  } finally {
    await browser.close();
  }
}
