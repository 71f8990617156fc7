import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

interface ColourCounts {
  width: number;
  height: number;
  counts: Record<string, number>;
  distinct: number;
}

/**
 * Counts pixels of a PNG (base64) close to each colour, decoded by the page's own image decoder. Written
 * as page source: the e2e project compiles without the DOM library.
 */
const COUNT_COLOURS = `async ({ base64, colours }) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
  const distinct = new Set();
  for (let i = 0; i < data.length; i += 4) {
    distinct.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    for (const [name, [r, g, b]] of Object.entries(colours)) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 24) counts[name]++;
    }
  }
  return { width: bitmap.width, height: bitmap.height, counts, distinct: distinct.size };
}`;

function colourCounts(page: Page, base64: string, colours: Record<string, [number, number, number]>): Promise<ColourCounts> {
  return page.evaluate(`(${COUNT_COLOURS})(${JSON.stringify({ base64, colours })})`);
}

/** The map canvas as PNG base64, and its size (preserveDrawingBuffer keeps it readable). */
const CANVAS_PNG = `(() => { const c = document.querySelector('[data-testid=map] canvas'); return { png: c.toDataURL('image/png').split(',')[1], width: c.width, height: c.height }; })()`;

const BASEMAP = { sea: [0xc9, 0xdb, 0xe6], land: [0xf3, 0xf1, 0xea], noPhase: [0x7a, 0x86, 0x9a] } as Record<
  string,
  [number, number, number]
>;

test('map: offline basemap, premises, and a PNG of the view', async ({ page, vigil }) => {
  const origin = new URL(vigil.url).origin;
  const foreign: string[] = [];
  // Nothing may leave the machine: every request that is not to the app itself is recorded and refused.
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });

  await createVault(page, vigil.url);
  // Two premises far apart (Nairobi and Mogadishu): the map fits them, showing land, sea and a border.
  await call(page, 'premises.create', { name: 'Nairobi office', type: 'office', latitude: -1.2921, longitude: 36.8219 });
  await call(page, 'premises.create', { name: 'Mogadishu residence', type: 'residence', latitude: 2.0469, longitude: 45.3182 });

  await openPage(page, 'Map');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
  await expect(page.getByRole('checkbox', { name: /Premises/ })).toBeChecked();
  await expect(page.getByRole('list', { name: 'Legend: Premises' }).getByText('No phase declared')).toBeVisible();
  // Let any fit-to-data move settle, then read the canvas (preserveDrawingBuffer keeps it readable).
  await page.waitForTimeout(500);
  await expect(map).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
  const shot = await page.evaluate<{ png: string; width: number; height: number }>(CANVAS_PNG);
  const onScreen = await colourCounts(page, shot.png, BASEMAP);
  expect(onScreen.counts.sea, 'sea drawn').toBeGreaterThan(1000);
  expect(onScreen.counts.land, 'land drawn from the built-in basemap').toBeGreaterThan(1000);
  expect(onScreen.counts.noPhase, 'premises points drawn').toBeGreaterThan(20);
  expect(onScreen.distinct).toBeGreaterThan(20);

  // PNG export through the save-location picker (browser mode), written by the core.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-map-'));
  try {
    await page.getByRole('button', { name: 'Export view as PNG' }).click();
    const picker = page.getByRole('dialog', { name: 'Save the map view' });
    await picker.getByLabel('Folder', { exact: true }).fill(folder);
    await picker.getByRole('button', { name: 'Open' }).click();
    await picker.getByLabel('File name').fill('east-africa');
    await picker.getByRole('button', { name: 'Save here' }).click();
    await expect(picker).toHaveCount(0);
    await expect(page.getByText(/Map view saved to .*east-africa\.png/)).toBeVisible();

    const file = fs.readFileSync(path.join(folder, 'east-africa.png'));
    expect(file.subarray(1, 4).toString('latin1')).toBe('PNG');
    const exported = await colourCounts(page, file.toString('base64'), BASEMAP);
    expect({ width: exported.width, height: exported.height }).toEqual({ width: shot.width, height: shot.height });
    expect(exported.counts.land).toBeGreaterThan(1000);
    expect(exported.counts.sea).toBeGreaterThan(1000);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }

  expect(foreign, 'requests that tried to leave the app').toEqual([]);
});
