import fs from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { escapeHtml as h } from '../renderPdf';

export interface MapPoint {
  latitude: number;
  longitude: number;
  colour: string;
}

type Ring = number[][];
interface Shape {
  name: string;
  polygons: Ring[][];
  bbox: [number, number, number, number];
}

const require = createRequire(import.meta.url);
let shapes: Shape[] | null = null;

/** Country shapes from world-atlas (Natural Earth 1:50m), read once: no network, no tiles. */
function countryShapes(): Shape[] {
  if (shapes) return shapes;
  let topo: Topology;
  try {
    topo = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  } catch {
    // Without the shapes the map still shows the dots on the graticule rather than failing the report.
    shapes = [];
    return shapes;
  }
  const fc = feature(topo, topo.objects.countries as GeometryCollection<{ name: string }>);
  shapes = fc.features.map((f) => {
    const g = f.geometry;
    const polygons: Ring[][] = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    let [x0, y0, x1, y1] = [180, 90, -180, -90];
    for (const poly of polygons)
      for (const [x, y] of poly[0] ?? []) {
        x0 = Math.min(x0, x!);
        x1 = Math.max(x1, x!);
        y0 = Math.min(y0, y!);
        y1 = Math.max(y1, y!);
      }
    return { name: f.properties?.name ?? '', polygons, bbox: [x0, y0, x1, y1] };
  });
  return shapes;
}

/**
 * The incidents on a plain map: country shapes fitted to the points' bounding box (equirectangular,
 * corrected for latitude), one dot per incident in its category colour. Null without points.
 */
export function incidentMapSvg(points: MapPoint[], width: number, height: number): string | null {
  if (points.length === 0) return null;
  let [minX, minY, maxX, maxY] = [180, 90, -180, -90];
  for (const p of points) {
    minX = Math.min(minX, p.longitude);
    maxX = Math.max(maxX, p.longitude);
    minY = Math.min(minY, p.latitude);
    maxY = Math.max(maxY, p.latitude);
  }
  // At least 2 degrees across and 15 % margin, so a single incident still shows its surroundings.
  const padX = Math.max((maxX - minX) * 0.15, 1);
  const padY = Math.max((maxY - minY) * 0.15, 1);
  minX -= padX;
  maxX += padX;
  minY = Math.max(-85, minY - padY);
  maxY = Math.min(85, maxY + padY);
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  // Fit the box into width x height keeping the aspect ratio; widen the shorter side.
  let spanX = (maxX - minX) * k;
  const spanY = maxY - minY;
  const aspect = width / height;
  if (spanX / spanY < aspect) {
    const extra = (spanY * aspect - spanX) / k / 2;
    minX -= extra;
    maxX += extra;
    spanX = spanY * aspect;
  } else {
    const extra = (spanX / aspect - spanY) / 2;
    minY -= extra;
    maxY += extra;
  }
  const scale = width / spanX;
  const px = (lon: number) => ((lon - minX) * k * scale).toFixed(1);
  const py = (lat: number) => ((maxY - lat) * scale).toFixed(1);
  const paths: string[] = [];
  for (const s of countryShapes()) {
    if (s.bbox[2] < minX || s.bbox[0] > maxX || s.bbox[3] < minY || s.bbox[1] > maxY) continue;
    const d = s.polygons
      .map((poly) => poly.map((ring) => `M${ring.map(([x, y]) => `${px(x!)},${py(y!)}`).join('L')}Z`).join(''))
      .join('');
    paths.push(`<path d="${d}"><title>${h(s.name)}</title></path>`);
  }
  // A graticule with degree labels: the map still tells where it is when there is no coast in view.
  const step = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30].find((st) => (maxY - minY) / st <= 8) ?? 45;
  const grid: string[] = [];
  const label = (v: number, pos: string, neg: string) => `${Math.abs(Number(v.toFixed(2)))}°${v >= 0 ? pos : neg}`;
  for (let lon = Math.ceil(minX / step) * step; lon <= maxX; lon += step) {
    grid.push(`<line x1="${px(lon)}" y1="0" x2="${px(lon)}" y2="${height}"/><text x="${Number(px(lon)) + 2}" y="${height - 3}">${label(lon, 'E', 'W')}</text>`);
  }
  for (let lat = Math.ceil(minY / step) * step; lat <= maxY; lat += step) {
    grid.push(`<line x1="0" y1="${py(lat)}" x2="${width}" y2="${py(lat)}"/><text x="2" y="${Number(py(lat)) - 2}">${label(lat, 'N', 'S')}</text>`);
  }
  const r = Math.max(2.5, Math.min(6, width / 120));
  const dots = points
    .map((p) => `<circle cx="${px(p.longitude)}" cy="${py(p.latitude)}" r="${r}" fill="${p.colour}" stroke="#fff" stroke-width="1" fill-opacity="0.85"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="#dfeaf3"/>
<g fill="#f4f1ea" stroke="#9a9a9a" stroke-width="0.6" stroke-linejoin="round">${paths.join('')}</g>
<g stroke="#9fb7cc" stroke-width="0.5" fill="#5a7690" font-size="9" font-family="'Noto Sans',sans-serif" direction="ltr">${grid.join('')}</g>
<g>${dots}</g>
<rect width="${width}" height="${height}" fill="none" stroke="#888"/>
</svg>`;
}
