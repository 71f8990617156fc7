import { create } from 'xmlbuilder2';
import type { Incident } from '../../../shared/contract/incidents';

/** What the KML / GPX writers show of one incident, already translated by the caller. */
export interface IncidentPointText {
  name(i: Incident): string;
  description(i: Incident): string;
}

function located(i: Incident): i is Incident & { latitude: number; longitude: number } {
  return i.latitude != null && i.longitude != null;
}

/**
 * KML 2.2: a Placemark per located incident, Point coordinates "lon,lat". Incidents without a location
 * have no place on a map and are left out (the result counts the placemarks written).
 */
export function toKml(rows: Iterable<Incident>, text: IncidentPointText, title: string, demoMarker: string | null): { data: Buffer; written: number } {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.opengis.net/kml/2.2', 'kml').ele('Document');
  doc.ele('name').txt(title);
  if (demoMarker) doc.ele('description').txt(demoMarker);
  let written = 0;
  for (const i of rows) {
    if (!located(i)) continue;
    const placemark = doc.ele('Placemark', { id: `incident-${i.id}` });
    placemark.ele('name').txt(text.name(i));
    placemark.ele('description').txt(text.description(i));
    placemark.ele('Point').ele('coordinates').txt(`${i.longitude},${i.latitude}`);
    written++;
  }
  return { data: Buffer.from(doc.end({ prettyPrint: true })), written };
}

/**
 * GPX 1.1: a wpt per located incident (lat/lon attributes), with a time only when the incident's date is
 * a full date-time (a partial date is never turned into an invented instant).
 */
export function toGpx(rows: Iterable<Incident>, text: IncidentPointText, title: string, demoMarker: string | null): { data: Buffer; written: number } {
  const gpx = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.topografix.com/GPX/1/1', 'gpx', { version: '1.1', creator: 'Vigil' });
  const metadata = gpx.ele('metadata');
  metadata.ele('name').txt(title);
  if (demoMarker) metadata.ele('desc').txt(demoMarker);
  let written = 0;
  for (const i of rows) {
    if (!located(i)) continue;
    // GPX fixes the child order: time, name, desc.
    const wpt = gpx.ele('wpt', { lat: String(i.latitude), lon: String(i.longitude) });
    if (i.datePrecision === 'time') wpt.ele('time').txt(new Date(i.date).toISOString());
    wpt.ele('name').txt(text.name(i));
    wpt.ele('desc').txt(text.description(i));
    written++;
  }
  return { data: Buffer.from(gpx.end({ prettyPrint: true })), written };
}
