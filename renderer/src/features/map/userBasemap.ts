import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../../../../shared/contract/map';
import { WEB_API } from '../../../../shared/bridge';
import { TOKEN_STORAGE_KEY } from '../../lib/transports';
import { isDesktop } from '../../lib/vigil';
import { FONT } from './basemapStyle';
import { registerPmtiles } from './mapEngine';

export const USER_SOURCE = 'user-basemap';
const PREFIX = 'user-basemap-';
/**
 * Where user basemaps are served: the desktop app's app:// protocol (electron/main/basemapProtocol.ts)
 * or browser mode's token-checked route (electron/web/server.ts). Both are our own origin.
 */
export const DESKTOP_BASEMAP_PATH = '/_basemaps/';
export const WEB_BASEMAP_PATH = '/api/basemaps/';

function base(): string {
  return `${window.location.origin}${(isDesktop ? DESKTOP_BASEMAP_PATH : WEB_BASEMAP_PATH).slice(0, -1)}`;
}

/** Browser mode: every basemap request carries the per-launch token (MapLibre's transformRequest). */
export function basemapRequestHeaders(url: string): Record<string, string> | undefined {
  if (isDesktop || !url.startsWith(`${window.location.origin}${WEB_BASEMAP_PATH}`)) return undefined;
  const token = sessionStorage.getItem(TOKEN_STORAGE_KEY);
  return token ? { [WEB_API.tokenHeader]: token } : undefined;
}

function source(b: Basemap): SourceSpecification {
  const common = { minzoom: b.minZoom, maxzoom: b.maxZoom, ...(b.bounds ? { bounds: b.bounds } : {}), attribution: b.name };
  if (b.format === 'pmtiles') {
    const url = `${base()}/${b.id}.pmtiles`;
    const headers = basemapRequestHeaders(url);
    if (headers) registerPmtiles(url, headers);
    return b.tileType === 'vector'
      ? { type: 'vector', url: `pmtiles://${url}`, ...common }
      : { type: 'raster', url: `pmtiles://${url}`, tileSize: 256, ...common };
  }
  // Built by concatenation: new URL() would percent-encode the braces and no tile would ever load.
  const tiles = [`${base()}/${b.id}/` + '{z}/{x}/{y}' + `.${b.tileType === 'vector' ? 'pbf' : (b.imageFormat ?? 'png')}`];
  return b.tileType === 'vector' ? { type: 'vector', tiles, ...common } : { type: 'raster', tiles, tileSize: 256, ...common };
}

type L = LayerSpecification;
const src = { source: USER_SOURCE };

function openMapTilesLayers(): L[] {
  return [
    { id: `${PREFIX}landcover`, type: 'fill', ...src, 'source-layer': 'landcover', paint: { 'fill-color': '#e3ecd5', 'fill-opacity': 0.7 } },
    { id: `${PREFIX}landuse`, type: 'fill', ...src, 'source-layer': 'landuse', paint: { 'fill-color': '#ece7df', 'fill-opacity': 0.7 } },
    { id: `${PREFIX}park`, type: 'fill', ...src, 'source-layer': 'park', paint: { 'fill-color': '#d5e8c4', 'fill-opacity': 0.7 } },
    { id: `${PREFIX}water`, type: 'fill', ...src, 'source-layer': 'water', paint: { 'fill-color': '#a9c8dc' } },
    { id: `${PREFIX}waterway`, type: 'line', ...src, 'source-layer': 'waterway', paint: { 'line-color': '#a9c8dc', 'line-width': 1 } },
    { id: `${PREFIX}building`, type: 'fill', ...src, 'source-layer': 'building', minzoom: 13, paint: { 'fill-color': '#d9d3c9' } },
    {
      id: `${PREFIX}roads`,
      type: 'line',
      ...src,
      'source-layer': 'transportation',
      paint: {
        'line-color': ['match', ['get', 'class'], ['motorway', 'trunk', 'primary'], '#e8a33d', '#ffffff'],
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.5, 14, ['match', ['get', 'class'], ['motorway', 'trunk', 'primary'], 5, 2.5]],
      },
    },
    { id: `${PREFIX}boundary`, type: 'line', ...src, 'source-layer': 'boundary', paint: { 'line-color': '#9a8c98', 'line-width': 1, 'line-dasharray': [3, 2] } },
    {
      id: `${PREFIX}road-names`,
      type: 'symbol',
      ...src,
      'source-layer': 'transportation_name',
      minzoom: 13,
      layout: { 'symbol-placement': 'line', 'text-field': ['coalesce', ['get', 'name:latin'], ['get', 'name']], 'text-font': [FONT], 'text-size': 11 },
      paint: { 'text-color': '#555555', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
    },
    {
      id: `${PREFIX}places`,
      type: 'symbol',
      ...src,
      'source-layer': 'place',
      layout: { 'text-field': ['coalesce', ['get', 'name:latin'], ['get', 'name']], 'text-font': [FONT], 'text-size': ['match', ['get', 'class'], ['city', 'town'], 14, 11] },
      paint: { 'text-color': '#333333', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  ];
}

function protomapsLayers(): L[] {
  return [
    { id: `${PREFIX}earth`, type: 'fill', ...src, 'source-layer': 'earth', paint: { 'fill-color': '#f3f1ea' } },
    { id: `${PREFIX}landuse`, type: 'fill', ...src, 'source-layer': 'landuse', paint: { 'fill-color': '#e3ecd5', 'fill-opacity': 0.7 } },
    { id: `${PREFIX}water`, type: 'fill', ...src, 'source-layer': 'water', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#a9c8dc' } },
    { id: `${PREFIX}buildings`, type: 'fill', ...src, 'source-layer': 'buildings', minzoom: 13, paint: { 'fill-color': '#d9d3c9' } },
    {
      id: `${PREFIX}roads`,
      type: 'line',
      ...src,
      'source-layer': 'roads',
      paint: {
        'line-color': ['match', ['get', 'kind'], ['highway', 'major_road'], '#e8a33d', '#ffffff'],
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.5, 14, ['match', ['get', 'kind'], ['highway', 'major_road'], 5, 2.5]],
      },
    },
    { id: `${PREFIX}boundaries`, type: 'line', ...src, 'source-layer': 'boundaries', paint: { 'line-color': '#9a8c98', 'line-width': 1, 'line-dasharray': [3, 2] } },
    {
      id: `${PREFIX}places`,
      type: 'symbol',
      ...src,
      'source-layer': 'places',
      layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 12 },
      paint: { 'text-color': '#333333', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  ];
}

/** A schema we do not know: every source layer drawn plainly, so the officer still sees the data. */
function genericLayers(vectorLayers: readonly string[]): L[] {
  return vectorLayers.flatMap((layer, i): L[] => [
    { id: `${PREFIX}${i}-fill`, type: 'fill', ...src, 'source-layer': layer, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#b8c4d0', 'fill-opacity': 0.35 } },
    { id: `${PREFIX}${i}-line`, type: 'line', ...src, 'source-layer': layer, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#6b7b8c', 'line-width': 1 } },
    { id: `${PREFIX}${i}-point`, type: 'circle', ...src, 'source-layer': layer, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': '#6b7b8c', 'circle-radius': 2.5 } },
  ]);
}

export function basemapLayers(b: Basemap): L[] {
  if (b.tileType === 'raster') return [{ id: `${PREFIX}raster`, type: 'raster', ...src }];
  if (b.schema === 'openmaptiles') return openMapTilesLayers();
  if (b.schema === 'protomaps') return protomapsLayers();
  return genericLayers(b.vectorLayers);
}

/**
 * Shows one user basemap over the built-in world map (under labels and thematic layers), or none; `fit`
 * (when the officer has just chosen it) moves the view to the basemap's area.
 */
export function applyUserBasemap(map: MapLibreMap, b: Basemap | null, fit: boolean): void {
  for (const layer of map.getStyle().layers) if (layer.id.startsWith(PREFIX)) map.removeLayer(layer.id);
  if (map.getSource(USER_SOURCE)) map.removeSource(USER_SOURCE);
  if (!b) return;
  map.addSource(USER_SOURCE, source(b));
  const before = map.getLayer('country-labels') ? 'country-labels' : undefined;
  for (const layer of basemapLayers(b)) map.addLayer(layer, before);
  if (fit && b.bounds) map.fitBounds([[b.bounds[0], b.bounds[1]], [b.bounds[2], b.bounds[3]]], { padding: 20, duration: 0, maxZoom: Math.max(b.minZoom, Math.min(b.maxZoom, 14)) });
}
