import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
// The build's own PMTiles writer makes a real archive for the test.
// @ts-expect-error -- a plain .mjs build script without type declarations
import { buildTiles, writePmtiles } from '../../build/buildBasemap.mjs';
import { expect, test } from './fixtures';
import { call, createVault, KDF_TIMEOUT, openPage, PASSPHRASE } from './helpers';

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

test('map: draw a security zone, import a layer, toggle and style it', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await call(page, 'premises.create', { name: 'Nairobi office', type: 'office', latitude: -1.2921, longitude: 36.8219 });
  await call(page, 'premises.create', { name: 'Mogadishu residence', type: 'residence', latitude: 2.0469, longitude: 45.3182 });
  await call(page, 'map.createZone', {
    name: 'Airport road',
    kind: 'caution',
    geometry: { type: 'Polygon', coordinates: [[[40, 0], [41, 0], [41, 1], [40, 0]]] },
  });

  await openPage(page, 'Map');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /Airport road/ })).toBeVisible();

  // Draw a zone: four clicks, then the first corner again closes it.
  await page.getByRole('button', { name: 'Draw a zone' }).click();
  await expect(page.getByText(/click the first corner to close/)).toBeVisible();
  const box = await map.boundingBox();
  if (!box) throw new Error('map not laid out');
  const corners = [
    [0.4, 0.4],
    [0.6, 0.4],
    [0.6, 0.6],
    [0.4, 0.6],
    [0.4, 0.4],
  ];
  for (const [fx, fy] of corners) {
    await page.mouse.click(box.x + box.width * (fx as number), box.y + box.height * (fy as number));
    await page.waitForTimeout(150);
  }
  const dialog = page.getByRole('dialog', { name: 'New security zone' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill('Drawn no-go');
  await dialog.getByRole('button', { name: 'Save zone' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Drawn no-go/ })).toBeVisible();
  const zones = (await call(page, 'map.listZones', {})) as { name: string; kind: string; geometry: { coordinates: number[][][] } }[];
  const drawn = zones.find((z) => z.name === 'Drawn no-go');
  expect(drawn?.kind).toBe('no_go');
  expect(drawn?.geometry.coordinates[0]?.length).toBeGreaterThanOrEqual(5);

  // Reshape it: drag the lower-right corner further out; the saved outline follows, the name stays.
  const eastOf = (ring: number[][] | undefined) => Math.max(...(ring ?? []).map((c) => c[0] ?? -Infinity));
  const southOf = (ring: number[][] | undefined) => Math.min(...(ring ?? []).map((c) => c[1] ?? Infinity));
  await page.getByRole('button', { name: /Drawn no-go/ }).click();
  await page.getByRole('dialog', { name: 'Security zone' }).getByRole('button', { name: 'Reshape on the map' }).click();
  await expect(page.getByText(/Drag the corners of/)).toBeVisible();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.75, { steps: 12 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Save shape' }).click();
  await expect
    .poll(async () => {
      const all = (await call(page, 'map.listZones', {})) as { name: string; geometry: { coordinates: number[][][] } }[];
      const ring = all.find((z) => z.name === 'Drawn no-go')?.geometry.coordinates[0];
      return { east: eastOf(ring) > eastOf(drawn?.geometry.coordinates[0]), south: southOf(ring) < southOf(drawn?.geometry.coordinates[0]) };
    })
    .toEqual({ east: true, south: true });

  // Import a GeoJSON layer through the browser upload.
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'CP North' }, geometry: { type: 'Point', coordinates: [38, 0.5] } },
      { type: 'Feature', properties: { name: 'CP South' }, geometry: { type: 'Point', coordinates: [39, -0.5] } },
    ],
  });
  await page.getByTestId('map-import-file').setInputFiles({ name: 'checkpoints.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(geojson) });
  await expect(page.getByText(/Layer .*checkpoints.* imported: 2 features\./)).toBeVisible();
  const layerToggle = page.getByRole('group', { name: 'Imported layers' }).getByRole('checkbox', { name: /checkpoints/ });
  await expect(layerToggle).toBeChecked();
  await layerToggle.click();
  await expect(layerToggle).not.toBeChecked();
  const layers = (await call(page, 'map.listLayers', {})) as { name: string; visible: boolean }[];
  expect(layers).toEqual([expect.objectContaining({ name: 'checkpoints', visible: false })]);

  // Style: a new colour and line width are saved to the vault.
  await page.getByText('Style of checkpoints').click();
  await page.getByLabel('Colour').fill('#112233');
  await page.getByLabel('Line width').fill('5');
  await expect
    .poll(async () => ((await call(page, 'map.listLayers', {})) as { colour: string; lineWidth: number }[])[0])
    .toMatchObject({ colour: '#112233', lineWidth: 5 });
  await expect(map).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });

  // The drawn zone and the imported layer live in the vault: they survive a restart of the app.
  await page.goto(await vigil.restart());
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible(KDF_TIMEOUT);
  await openPage(page, 'Map');
  await expect(page.getByTestId('map')).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /Drawn no-go/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Imported layers' }).getByRole('checkbox', { name: /checkpoints/ })).not.toBeChecked();
});

test('map: user basemaps from .pmtiles and .mbtiles are copied in, served and drawn', async ({ page, vigil }) => {
  const origin = new URL(vigil.url).origin;
  const basemapAnswers: number[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith(`${origin}/api/basemaps/`)) basemapAnswers.push(r.status());
  });
  await createVault(page, vigil.url);
  await openPage(page, 'Map');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });

  // A vector PMTiles archive in the Protomaps schema, made by the build's own writer.
  const land = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[36, -2], [38, -2], [38, 0], [36, 0], [36, -2]]] } }] };
  const pmtiles = writePmtiles(buildTiles({ earth: land }), { name: 'Nairobi detail', format: 'pbf', vector_layers: [{ id: 'earth' }, { id: 'roads' }] }) as Buffer;
  await page.getByTestId('map-basemap-file').setInputFiles({ name: 'nairobi.pmtiles', mimeType: 'application/octet-stream', buffer: pmtiles });
  await expect(page.getByRole('radio', { name: /Nairobi detail/ })).toBeChecked();
  await expect(map).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
  expect(basemapAnswers).toContain(206);

  // A raster MBTiles file: every tile of zoom 0-2 a plain magenta PNG (rows in TMS order).
  const magenta = Buffer.from(
    await page.evaluate<string>(`(() => { const c = document.createElement('canvas'); c.width = c.height = 256; const g = c.getContext('2d'); g.fillStyle = '#ff00ff'; g.fillRect(0, 0, 256, 256); return c.toDataURL('image/png').split(',')[1]; })()`),
    'base64',
  );
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-mbtiles-'));
  try {
    const file = path.join(folder, 'magenta.mbtiles');
    const db = new Database(file);
    db.exec('CREATE TABLE metadata (name text, value text); CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob);');
    for (const [k, v] of [['name', 'Magenta test'], ['format', 'png'], ['minzoom', '0'], ['maxzoom', '2']]) db.prepare('INSERT INTO metadata VALUES (?, ?)').run(k, v);
    for (let z = 0; z <= 2; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)').run(z, x, y, magenta);
    db.close();
    await page.getByTestId('map-basemap-file').setInputFiles(file);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  await expect(page.getByRole('radio', { name: /Magenta test/ })).toBeChecked();
  await expect(map).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
  await page.waitForTimeout(500);
  const shot = await page.evaluate<{ png: string }>(CANVAS_PNG);
  const seen = await colourCounts(page, shot.png, { magenta: [255, 0, 255] });
  expect(seen.counts.magenta, 'raster MBTiles tiles drawn').toBeGreaterThan(10_000);
  expect(basemapAnswers.filter((s) => s >= 400)).toEqual([]);

  // Both survive a reload (they live in the vault and the data folder), and can be removed.
  await page.reload();
  await openPage(page, 'Map');
  await expect(page.getByRole('radio', { name: /Nairobi detail/ })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Magenta test' }).click();
  await page.getByRole('dialog', { name: 'Remove this basemap?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('radio', { name: /Magenta test/ })).toHaveCount(0);
});
