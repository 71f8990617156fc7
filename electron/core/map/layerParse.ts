import { DOMParser, type Document as XmlDocument } from '@xmldom/xmldom';
import { gpx, kml } from '@tmcw/togeojson';
import type { Feature, Geometry } from 'geojson';
import { AppError } from '../../../shared/envelope';
import { MAX_LAYER_FEATURES, type SkippedFeature } from '../../../shared/contract/map';
import { geometryProblem } from './geometry';

export type LayerFormat = 'geojson' | 'kml' | 'gpx';

export interface ParsedFeature {
  name: string;
  geometry: Geometry;
  properties: Record<string, unknown>;
}

export interface ParsedLayer {
  format: LayerFormat;
  /** A name found in the file (KML Document name, GPX metadata name), if any. */
  title: string | null;
  features: ParsedFeature[];
  skipped: SkippedFeature[];
}

/** Properties a feature keeps; the rest of a huge property bag is not worth storing. */
const MAX_PROPERTY_CHARS = 4000;

const bad = (name: string, message: string) => new AppError('VALIDATION', `${name}: ${message}`, { code: 'badLayerFile' });

/** The file's format from its name, or failing that from its first characters. */
export function detectFormat(name: string, text: string): LayerFormat | null {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'gpx') return 'gpx';
  const head = text.slice(0, 4096);
  if (/^\s*[{[]/.test(head)) return 'geojson';
  if (/<kml[\s>]/i.test(head)) return 'kml';
  if (/<gpx[\s>]/i.test(head)) return 'gpx';
  return null;
}

function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * XML that declares entities is refused before any parser sees it: an entity bomb ("billion laughs")
 * expands a few hundred bytes into gigabytes, and neither KML nor GPX needs a DTD of its own.
 */
function refuseEntities(name: string, text: string): void {
  if (/<!ENTITY/i.test(text)) {
    throw bad(name, 'the file declares XML entities (<!ENTITY>), which KML and GPX never need; it was refused unread because such a file can expand to gigabytes (an "entity bomb").');
  }
}

function parseXml(name: string, text: string): XmlDocument {
  refuseEntities(name, text);
  const errors: string[] = [];
  let doc: XmlDocument;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw bad(name, `the file is not well-formed XML (${(String((error as Error).message).split('\n')[0] ?? '').slice(0, 200)}).`);
  }
  if (errors.length > 0 || !doc.documentElement) {
    throw bad(name, `the file is not well-formed XML (${(errors[0] ?? 'no root element').split('\n')[0]?.slice(0, 200)}).`);
  }
  return doc;
}

function featureName(props: Record<string, unknown> | null, index: number): string {
  const candidate = props?.name ?? props?.Name ?? props?.NAME ?? props?.title ?? props?.label;
  return typeof candidate === 'string' && candidate.trim() ? candidate.trim().slice(0, 200) : `#${index + 1}`;
}

function keptProperties(props: Record<string, unknown> | null): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  let size = 0;
  for (const [key, value] of Object.entries(props ?? {})) {
    // togeojson's styling hints and GPX timing arrays are not worth keeping.
    if (key === 'styleUrl' || key === 'styleHash' || key === 'styleMap' || key === 'coordinateProperties') continue;
    if (value !== null && typeof value === 'object') continue;
    const s = JSON.stringify(value) ?? '';
    size += key.length + s.length;
    if (size > MAX_PROPERTY_CHARS) break;
    kept[key] = value;
  }
  return kept;
}

function geoJsonFeatures(name: string, text: string): { title: string | null; features: unknown[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw bad(name, `the file is not valid JSON (${(error as Error).message.slice(0, 200)}).`);
  }
  const d = data as { type?: unknown; features?: unknown; name?: unknown };
  const title = typeof d?.name === 'string' ? d.name : null;
  if (d?.type === 'FeatureCollection') {
    if (!Array.isArray(d.features)) throw bad(name, 'the FeatureCollection has no "features" array.');
    return { title, features: d.features };
  }
  if (d?.type === 'Feature') return { title, features: [d] };
  if (typeof d?.type === 'string' && d.type !== 'FeatureCollection') {
    return { title, features: [{ type: 'Feature', properties: {}, geometry: d }] };
  }
  throw bad(name, 'the file is JSON but not GeoJSON (no FeatureCollection, Feature or geometry).');
}

/**
 * Reads a GeoJSON, KML or GPX file into checked features. Features with a missing or invalid geometry are
 * collected with their index, name and the reason; the caller decides whether that refuses the file.
 */
export function parseLayerFile(name: string, bytes: Buffer): ParsedLayer {
  const text = decode(bytes);
  const format = detectFormat(name, text);
  if (!format) throw bad(name, 'this is not a GeoJSON, KML or GPX file.');
  let raw: unknown[];
  let title: string | null;
  if (format === 'geojson') {
    ({ title, features: raw } = geoJsonFeatures(name, text));
  } else {
    const doc = parseXml(name, text);
    const rootElement = doc.documentElement;
    const root = rootElement?.localName ?? rootElement?.nodeName ?? '';
    if (format === 'kml' && root !== 'kml') throw bad(name, `the file is XML but not KML (its root is <${root}>).`);
    if (format === 'gpx' && root !== 'gpx') throw bad(name, `the file is XML but not GPX (its root is <${root}>).`);
    raw = (format === 'kml' ? kml(doc) : gpx(doc)).features;
    // The layer's own name: KML's Document/name, GPX's metadata/name (not the first placemark's).
    const holder = doc.getElementsByTagName(format === 'kml' ? 'Document' : 'metadata')[0];
    const titleNode = holder ? Array.from(holder.childNodes).find((n) => n.nodeName === 'name') : undefined;
    title = titleNode?.textContent?.trim() || null;
  }
  if (raw.length > MAX_LAYER_FEATURES) {
    throw bad(name, `the file holds ${raw.length.toLocaleString('en')} features; a layer takes at most ${MAX_LAYER_FEATURES.toLocaleString('en')}.`);
  }
  const features: ParsedFeature[] = [];
  const skipped: SkippedFeature[] = [];
  raw.forEach((item, index) => {
    const f = item as Partial<Feature> | null;
    const props = f && typeof f.properties === 'object' ? (f.properties as Record<string, unknown> | null) : null;
    const featureLabel = featureName(props, index);
    if (!f || f.type !== 'Feature') {
      skipped.push({ index, name: featureLabel, reason: 'not a GeoJSON Feature' });
      return;
    }
    const problem = geometryProblem(f.geometry);
    if (problem) {
      skipped.push({ index, name: featureLabel, reason: problem });
      return;
    }
    features.push({ name: featureLabel, geometry: f.geometry as Geometry, properties: keptProperties(props) });
  });
  return { format, title, features, skipped };
}
