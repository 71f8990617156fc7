import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { snapToGrid } from '../../../electron/core/export/incidentsAnonymise';
import { call, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
});
afterEach(() => core.close());

const base = {
  date: '2024-03-05T14:30:00Z',
  category: 'Armed robbery',
  placeName: 'Market road',
  adminArea: 'Kolfe',
  country: 'Ethiopia',
  latitude: 9.03,
  longitude: 38.74,
  locationPrecision: 'exact' as const,
  severity: 'high' as const,
  injuredNational: 1,
  perpetratorName: 'Zebrafinch gang',
  narrative: 'Narrativeword: vehicle stopped at a checkpoint by armed men.',
  actionsTaken: 'Actionword: movement suspended.',
  followUp: 'Followword: meeting with police.',
};

/** Parsed by Python's xml.etree.ElementTree, not by the library that wrote the file. */
function parseXml(file: string, kind: 'kml' | 'gpx'): { points: { name: string; desc: string; lat: number; lon: number; time: string | null }[]; root: string } {
  const script = `
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
kind = sys.argv[2]
out = []
if kind == 'kml':
    ns = {'k': 'http://www.opengis.net/kml/2.2'}
    for p in root.iter('{http://www.opengis.net/kml/2.2}Placemark'):
        lon, lat = p.find('k:Point/k:coordinates', ns).text.strip().split(',')[:2]
        out.append({'name': p.find('k:name', ns).text, 'desc': p.find('k:description', ns).text, 'lat': float(lat), 'lon': float(lon), 'time': None})
else:
    ns = {'g': 'http://www.topografix.com/GPX/1/1'}
    for w in root.findall('g:wpt', ns):
        t = w.find('g:time', ns)
        out.append({'name': w.find('g:name', ns).text, 'desc': w.find('g:desc', ns).text, 'lat': float(w.get('lat')), 'lon': float(w.get('lon')), 'time': t.text if t is not None else None})
print(json.dumps({'root': root.tag, 'points': out}))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file, kind], { encoding: 'utf8' })) as ReturnType<typeof parseXml>;
}

describe('incidents export to KML and GPX', () => {
  it('writes a point per located incident, restricted ones only when asked, no narrative', async () => {
    await call(core, 'incidents.create', base);
    await call(core, 'incidents.create', { ...base, date: '2024-02', latitude: -1.29, longitude: 36.82, category: 'Threat' });
    await call(core, 'incidents.create', { ...base, latitude: null, longitude: null });
    await call(core, 'incidents.create', { ...base, latitude: 2, longitude: 3, confidentiality: 'restricted' });
    const dir = tempDir();

    const kml = await call(core, 'incidents.export', { format: 'kml', path: path.join(dir, 'incidents.kml') });
    expect(kml.rows).toBe(2);
    const k = parseXml(kml.path, 'kml');
    expect(k.root).toBe('{http://www.opengis.net/kml/2.2}kml');
    expect(k.points.map((p) => [p.lon, p.lat]).sort()).toEqual([[36.82, -1.29], [38.74, 9.03]]);
    const robbery = k.points.find((p) => p.lat === 9.03)!;
    expect(robbery.name).toBe('Armed robbery 2024-03-05');
    expect(robbery.desc).toContain('Market road');
    expect(robbery.desc).toContain('High');
    expect(robbery.desc).toContain('Injured: 1');
    expect(fs.readFileSync(kml.path, 'utf8')).not.toContain('Narrativeword');

    const gpx = await call(core, 'incidents.export', { format: 'gpx', path: path.join(dir, 'incidents.gpx') });
    expect(gpx.rows).toBe(2);
    const g = parseXml(gpx.path, 'gpx');
    expect(g.root).toBe('{http://www.topografix.com/GPX/1/1}gpx');
    expect(g.points.map((p) => [p.lat, p.lon, p.time]).sort()).toEqual([
      [-1.29, 36.82, null],
      [9.03, 38.74, '2024-03-05T14:30:00.000Z'],
    ]);
    expect(g.points.every((p) => p.desc.length > 0 && p.name.length > 0)).toBe(true);

    const all = await call(core, 'incidents.export', { format: 'gpx', path: path.join(dir, 'all.gpx'), view: { includeRestricted: true } });
    expect(all.rows).toBe(3);
    expect(parseXml(all.path, 'gpx').points).toHaveLength(3);
    expect(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toMatch(/incidents\.kml[\s\S]*incidents\.gpx/);
  });
});

describe('anonymised incidents export', () => {
  it('snaps to a grid of km: km/111.32 degrees of latitude, km/(111.32 cos lat) of longitude', () => {
    const snapped = snapToGrid(9.03, 38.74, 10);
    const latStep = 10 / 111.32;
    expect(Math.abs(snapped.latitude / latStep - Math.round(snapped.latitude / latStep))).toBeLessThan(1e-4);
    const lonStep = 10 / (111.32 * Math.cos((snapped.latitude * Math.PI) / 180));
    expect(Math.abs(snapped.longitude / lonStep - Math.round(snapped.longitude / lonStep))).toBeLessThan(1e-4);
    expect(Math.abs(snapped.latitude - 9.03)).toBeLessThanOrEqual(latStep / 2 + 1e-9);
    expect(Math.abs(snapped.longitude - 38.74)).toBeLessThanOrEqual(lonStep / 2 + 1e-9);
    expect(snapToGrid(9.031, 38.741, 10)).toEqual(snapped);
    expect(snapToGrid(90, 10, 10)).toEqual({ latitude: 90, longitude: 0 });
  });

  it.each(['csv', 'xlsx', 'geojson', 'kml', 'gpx'] as const)('%s: no names, narrative or free text; coordinates on the grid', async (format) => {
    await call(core, 'incidents.create', base);
    const dir = tempDir();
    const out = await call(core, 'incidents.export', { format, path: path.join(dir, `anon.${format}`), anonymiseKm: 10 });
    expect(out.rows).toBe(1);
    const expected = snapToGrid(9.03, 38.74, 10);
    expect(expected.latitude).not.toBe(9.03);
    let text: string;
    if (format === 'xlsx') {
      text = execFileSync('/usr/bin/python3', ['-c', 'import openpyxl,json,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([[c for c in r] for r in ws.iter_rows(values_only=True)]))', out.path], { encoding: 'utf8' });
    } else text = fs.readFileSync(out.path, 'utf8');
    for (const secret of ['Narrativeword', 'Actionword', 'Followword', 'Zebrafinch', 'Market road']) expect(text).not.toContain(secret);
    if (format === 'kml' || format === 'gpx') {
      const [point] = parseXml(out.path, format).points;
      expect([point!.lat, point!.lon]).toEqual([expected.latitude, expected.longitude]);
      expect(point!.desc).toContain('~25 km');
    } else if (format === 'geojson') {
      const fc = JSON.parse(text) as { features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
      expect(fc.features[0]!.geometry.coordinates).toEqual([expected.longitude, expected.latitude]);
      expect(fc.features[0]!.properties.locationPrecision).toBe('km25');
      expect(fc.features[0]!.properties).not.toHaveProperty('narrative');
    } else {
      expect(text).toContain(String(expected.latitude));
      expect(text).toContain(String(expected.longitude));
      expect(text).not.toContain('9.03');
    }
  });

  it('keeps restricted incidents out unless asked, anonymised or not', async () => {
    await call(core, 'incidents.create', { ...base, confidentiality: 'restricted' });
    const dir = tempDir();
    expect((await call(core, 'incidents.export', { format: 'csv', path: path.join(dir, 'a.csv'), anonymiseKm: 5 })).rows).toBe(0);
    expect((await call(core, 'incidents.export', { format: 'csv', path: path.join(dir, 'b.csv'), anonymiseKm: 5, view: { includeRestricted: true } })).rows).toBe(1);
  });
});

describe('incident flash report', () => {
  it('says what, where, when (delegation time zone), casualties and action taken, in the chosen language', async () => {
    const settings = await call(core, 'settings.get', {});
    await call(core, 'settings.update', { ...settings, timeZone: 'Africa/Addis_Ababa' });
    const created = await call(core, 'incidents.create', base);
    const { text, restricted } = await call(core, 'incidents.flashReport', { id: created.id, lang: 'en' });
    expect(restricted).toBe(false);
    expect(text).toMatch(/^SECURITY INCIDENT - FLASH REPORT/);
    expect(text).toContain('What: Armed robbery - High');
    expect(text).toContain('Where: Market road, Kolfe, Ethiopia (9.03, 38.74)');
    expect(text).toMatch(/When: Mar 5, 2024, 17:30 GMT\+3/);
    expect(text).toContain('Casualties: Injured: 1');
    expect(text).toContain('Action taken: Actionword: movement suspended.');
    expect(text).toContain('Zebrafinch gang');
    const fr = await call(core, 'incidents.flashReport', { id: created.id, lang: 'fr' });
    expect(fr.text).toContain('Quoi: Armed robbery');
    expect(fr.text).toContain('Victimes');
    // A taxonomy term reads in the receiver's language; a value outside the taxonomy stays as written.
    const shooting = await call(core, 'incidents.create', { ...base, category: 'Shooting', perpetratorType: 'Criminal' });
    const frShooting = await call(core, 'incidents.flashReport', { id: shooting.id, lang: 'fr' });
    expect(frShooting.text).toContain("Quoi: Tirs d'arme à feu");
    expect(frShooting.text).toContain('Criminels');
    expect((await call(core, 'incidents.flashReport', { id: shooting.id, lang: 'en' })).text).toContain('What: Shooting');
  });

  it('leaves names and narrative out of a restricted incident', async () => {
    const created = await call(core, 'incidents.create', { ...base, confidentiality: 'restricted' });
    const { text, restricted } = await call(core, 'incidents.flashReport', { id: created.id, lang: 'en' });
    expect(restricted).toBe(true);
    for (const secret of ['Narrativeword', 'Actionword', 'Zebrafinch', 'Market road', '9.03']) expect(text).not.toContain(secret);
    expect(text).toContain('Where: Kolfe, Ethiopia');
    expect(text).toContain('Casualties: Injured: 1');
    expect(text).toContain('names and details withheld');
  });
});
