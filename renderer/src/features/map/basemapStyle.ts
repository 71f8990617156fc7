import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import notoLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import notoLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import notoArabic from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';

/** The built-in world basemap, built at build time by build/buildBasemap.mjs and shipped with the app. */
export const BASEMAP_PATH = 'basemap/world.pmtiles';

export const FONT = 'Noto Sans Regular';

const LATIN_RANGES = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212'];
const LATIN_EXT_RANGES = ['U+0100-02AF', 'U+0304', 'U+0308', 'U+0329', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'];
const ARABIC_RANGES = ['U+0600-06FF', 'U+0750-077F', 'U+0870-088E', 'U+0890-0891', 'U+0897-08E1', 'U+08E3-08FF', 'U+200C-200E', 'U+2010-2011', 'U+204F', 'U+2E41', 'U+FB50-FDFF', 'U+FE70-FE74', 'U+FE76-FEFC'];

/** Country names in the interface language where the basemap has them, English otherwise. */
export function nameField(lang: string): ExpressionSpecification {
  return lang === 'en' ? ['get', 'name'] : ['coalesce', ['get', `name_${lang}`], ['get', 'name']];
}

export const COLOURS = {
  sea: '#c9dbe6',
  land: '#f3f1ea',
  border: '#9a8c98',
  coast: '#8aa6b8',
  label: '#3a3a3a',
} as const;

export function basemapStyle(lang: string): StyleSpecification {
  const url = `pmtiles://${new URL(BASEMAP_PATH, document.baseURI).href}`;
  return {
    version: 8,
    'font-faces': {
      [FONT]: [
        { url: notoLatin, 'unicode-range': LATIN_RANGES },
        { url: notoLatinExt, 'unicode-range': LATIN_EXT_RANGES },
        { url: notoArabic, 'unicode-range': ARABIC_RANGES },
      ],
    },
    sources: {
      world: { type: 'vector', url, attribution: 'Natural Earth' },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLOURS.sea } },
      { id: 'land', type: 'fill', source: 'world', 'source-layer': 'countries', paint: { 'fill-color': COLOURS.land } },
      {
        id: 'coastline',
        type: 'line',
        source: 'world',
        'source-layer': 'coastline',
        paint: { 'line-color': COLOURS.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.4, 6, 1] },
      },
      {
        id: 'boundaries',
        type: 'line',
        source: 'world',
        'source-layer': 'boundaries',
        paint: {
          'line-color': COLOURS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.5, 6, 1.4],
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: 'world',
        'source-layer': 'country_labels',
        filter: ['<=', ['get', 'minzoom'], ['zoom']],
        layout: {
          'text-field': nameField(lang),
          'text-font': [FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 6, 14],
          'text-max-width': 7,
          'symbol-sort-key': ['-', 0, ['get', 'rank']],
        },
        paint: { 'text-color': COLOURS.label, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
    ],
  };
}
