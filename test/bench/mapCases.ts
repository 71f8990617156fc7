import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { createCore } from '../../electron/core';
import { silentLogger } from '../../electron/core/log';
import type { Core } from '../../electron/core/types';
import { startWebServer, type WebServer } from '../../electron/web/server';
import type { BenchCase } from './harness';

/**
 * map.incidents.<n>: time from opening the map page to the map going idle with n incident points drawn,
 * in the app (browser mode, built renderer, built-in basemap, every layer), beside a bare MapLibre page
 * drawing the same points from one GeoJSON with the same clustering, in the same headless Chromium.
 * Needs `npm run build` first (dist/renderer) and Debian's /usr/bin/chromium; WebGL runs on SwiftShader.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const STATIC = path.join(ROOT, 'dist', 'renderer');
const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SIZES: [string, number][] = [
  ['1k', 1_000],
  ['10k', 10_000],
  ['50k', 50_000],
];
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-map-'));

/** n points in a 6° x 6° area of operations, as an officer's incident log would have them. */
function points(n: number): [number, number][] {
  return Array.from({ length: n }, (_v, i) => [36 + ((i * 7919) % 6000) / 1000, -3 + ((i * 104_729) % 6000) / 1000]);
}

function csv(file: string, n: number): void {
  const lines = ['Incident ID;Date;Category;Latitude;Longitude;Description'];
  const cats = ['Armed robbery', 'Kidnapping', 'Shooting', 'Threat', 'Burglary'];
  points(n).forEach(([lon, lat], i) => lines.push(`MAP-${i};${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/2024;${cats[i % 5]};${lat.toFixed(5)};${lon.toFixed(5)};Bench point ${i}`));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

let browser: Promise<Browser> | undefined;
const launch = () => (browser ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS }));

interface Setup {
  core: Core;
  server: WebServer;
  token: string;
  bare: http.Server;
  bareUrl: string;
}
const setups = new Map<number, Promise<Setup>>();

function bareHtml(n: number): string {
  const data = JSON.stringify({ type: 'FeatureCollection', features: points(n).map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } })) });
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre-gl.css">
<style>html,body,#map{margin:0;width:100%;height:100%}</style></head><body><div id="map" data-idle="false"></div>
<script type="module">
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const data = ${data};
const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#c9dbe6' } }] }, bounds: [[36, -3], [42, 3]] });
map.on('load', () => {
  map.addSource('p', { type: 'geojson', data, cluster: true, clusterRadius: 40, clusterMaxZoom: 11 });
  map.addLayer({ id: 'c', type: 'circle', source: 'p', filter: ['has', 'point_count'], paint: { 'circle-color': '#3d4f66', 'circle-radius': 14 } });
  map.addLayer({ id: 'x', type: 'circle', source: 'p', filter: ['!', ['has', 'point_count']], paint: { 'circle-color': '#0072b2', 'circle-radius': 5 } });
  map.once('idle', () => document.getElementById('map').setAttribute('data-idle', 'true'));
});
</script></body></html>`;
}

function setup(n: number): Promise<Setup> {
  let found = setups.get(n);
  if (found) return found;
  found = (async () => {
    if (!fs.existsSync(path.join(STATIC, 'index.html'))) throw new Error('map bench needs the built renderer: run `npm run build` first');
    const dir = tmp();
    const core = createCore({ dataDir: path.join(dir, 'vault'), adapter: 'web', logger: silentLogger });
    const made = await core.dispatch('vault.create', { delegationName: 'Bench', officerName: 'Bench', timeZone: 'UTC', passphrase: 'orange-lantern-river-71' });
    if (!made.ok) throw new Error(made.error.message);
    const file = path.join(dir, 'points.csv');
    csv(file, n);
    const imported = await core.dispatch('incidents.importRun', { file, dryRun: false, dateOrder: 'dmy', skipInvalid: true });
    if (!imported.ok) throw new Error(imported.error.message);
    const token = randomBytes(32).toString('hex');
    const server = await startWebServer({ core, staticDir: STATIC, token, port: 0, logger: silentLogger });
    const dist = path.join(ROOT, 'node_modules', 'maplibre-gl', 'dist');
    const html = bareHtml(n);
    const bare = http.createServer((req, res) => {
      // MapLibre's own ES modules, as it ships them (main, shared chunk, worker) and its stylesheet.
      const name = /^\/(maplibre-gl[a-z-]*\.(?:mjs|css))$/.exec(req.url ?? '')?.[1];
      if (name && fs.existsSync(path.join(dist, name))) {
        res.writeHead(200, { 'content-type': name.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(fs.readFileSync(path.join(dist, name)));
      }
      else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    });
    await new Promise<void>((done) => bare.listen(0, '127.0.0.1', done));
    const address = bare.address();
    const bareUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    return { core, server, token, bare, bareUrl };
  })();
  setups.set(n, found);
  return found;
}

async function appRun(n: number): Promise<number> {
  const s = await setup(n);
  const context = await (await launch()).newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(`sessionStorage.setItem('vigil.token', ${JSON.stringify(s.token)})`);
  const page = await context.newPage();
  const expected = n.toLocaleString('en');
  const start = performance.now();
  await page.goto(`http://127.0.0.1:${s.server.port}/#/map`);
  // The incidents layer holds every point (its count shows n), then the map settles.
  await page
    .locator('.map-layer__toggle')
    .filter({ hasText: 'Incidents' })
    .locator('.map-layer__count', { hasText: new RegExp(`^${expected}$`) })
    .waitFor({ timeout: 120_000 });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))');
  await page.locator('[data-testid=map][data-idle=true]').waitFor({ timeout: 120_000 });
  const ms = performance.now() - start;
  await context.close();
  return ms;
}

async function bareRun(n: number): Promise<number> {
  const s = await setup(n);
  const context = await (await launch()).newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(s.bareUrl);
  await page.locator('#map[data-idle=true]').waitFor({ timeout: 120_000 });
  const ms = performance.now() - start;
  await context.close();
  return ms;
}

export function mapCases(): BenchCase[] {
  return SIZES.map(
    ([label, n]): BenchCase => ({
      name: `map.incidents.${label}`,
      baseline: 'a bare MapLibre page (no app, no basemap) drawing the same points from one GeoJSON with the same clustering, same Chromium',
      params: { points: n, chromium: CHROMIUM, webgl: 'SwiftShader (--disable-gpu)' },
      repetitions: REPETITIONS,
      async measure() {
        const ms = await appRun(n);
        // The harness runs baseline then measure per repetition: after the last one, free this size's
        // vault, servers and (once nothing else needs it) the browser, so `npm run bench` can exit.
        const done = (runs.get(n) ?? 0) + 1;
        runs.set(n, done);
        if (done === REPETITIONS) await close(n);
        return ms;
      },
      measureBaseline: () => bareRun(n),
    }),
  );
}

const REPETITIONS = 3;
const runs = new Map<number, number>();

async function close(n: number): Promise<void> {
  const s = setups.get(n);
  setups.delete(n);
  if (s) {
    const { core, server, bare } = await s;
    await server.close();
    bare.close();
    core.close();
  }
  if (setups.size === 0 && browser) {
    await (await browser).close();
    browser = undefined;
  }
}
