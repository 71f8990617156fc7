import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
});
afterEach(() => core.close());

const robbery = {
  date: '2024-03-05',
  category: 'Armed robbery',
  placeName: 'Market road',
  latitude: 9.03,
  longitude: 38.74,
  locationPrecision: 'exact' as const,
  killedNational: 0,
  injuredNational: 1,
  narrative: 'Vehicle stopped at a checkpoint by armed men; driver slightly injured.',
};

describe('incidents through dispatch', () => {
  it('creates, reads, updates and deletes with audit and events', async () => {
    const events: string[] = [];
    core.subscribe((e) => events.push(e.name));
    const created = await call(core, 'incidents.create', robbery);
    expect(created).toMatchObject({ date: '2024-03-05', datePrecision: 'day', confidentiality: 'normal', nearMiss: false, needsReview: false });
    const updated = await call(core, 'incidents.update', { ...robbery, id: created.id, date: '2024-03', severity: 'high' });
    expect(updated).toMatchObject({ date: '2024-03', datePrecision: 'month', severity: 'high' });
    await call(core, 'incidents.delete', { id: created.id });
    expect(await callRaw(core, 'incidents.get', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(events).toEqual(['incidents.changed', 'incidents.changed', 'incidents.changed']);
    const audit = await call(core, 'audit.list', { endRow: 10 });
    expect(audit.rows.filter((r) => r.action !== 'command').slice(0, 3).map((r) => r.action)).toEqual(['delete', 'update', 'create']);
  });

  it.each([
    ['an invented day', { ...robbery, date: '2024-02-30' }, 'date'],
    ['a date that is not one', { ...robbery, date: 'last week' }, 'date'],
    ['latitude out of range', { ...robbery, latitude: 91 }, 'latitude'],
    ['one coordinate only', { ...robbery, longitude: null }, 'longitude'],
    ['a negative count', { ...robbery, killed: -1 }, 'killed'],
    ['an unknown severity', { ...robbery, severity: 'apocalyptic' }, 'severity'],
  ])('refuses %s', async (_label, input, field) => {
    const result = await callRaw(core, 'incidents.create', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect((result.error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(field);
  });

  it('filters by period (partial dates overlap), columns, restricted flag and full text; sorts and pages in SQL', async () => {
    await call(core, 'incidents.create', { ...robbery, date: '2024-03-05', narrative: 'Convoy ambushed near the river crossing' });
    await call(core, 'incidents.create', { ...robbery, date: '2024-03', category: 'Threat', narrative: 'Threatening letter at the office' });
    await call(core, 'incidents.create', { ...robbery, date: '2024', category: 'Threat', narrative: 'Repeated threats, month unknown' });
    await call(core, 'incidents.create', { ...robbery, date: '2024-04-01T09:30:00Z', confidentiality: 'restricted', narrative: 'Sexual assault reported' });
    const march = await call(core, 'incidents.list', { from: '2024-03-10', to: '2024-03-20' });
    expect(march.rows.map((r) => r.date).sort()).toEqual(['2024', '2024-03']);
    const threats = await call(core, 'incidents.list', { filterModel: { category: { filterType: 'text', type: 'equals', filter: 'threat' } } });
    expect(threats.total).toBe(2);
    expect((await call(core, 'incidents.list', { includeRestricted: false })).total).toBe(3);
    const fts = await call(core, 'incidents.list', { search: 'ambush river' });
    expect(fts.rows.map((r) => r.narrative)).toEqual(['Convoy ambushed near the river crossing']);
    expect((await call(core, 'incidents.list', { search: '" OR *' })).total).toBe(0);
    const page = await call(core, 'incidents.list', { startRow: 1, endRow: 3, sortModel: [{ colId: 'date', sort: 'asc' }] });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.date)).toEqual(['2024-03', '2024-03-05']);
    const summary = await call(core, 'incidents.summary', { days: 7 });
    expect(summary.count).toBe(0);
  });

  it('exports CSV, XLSX and RFC 7946 GeoJSON, leaving restricted incidents out unless asked', async () => {
    await call(core, 'incidents.create', robbery);
    await call(core, 'incidents.create', { ...robbery, latitude: null, longitude: null, narrative: '=HYPERLINK("http://evil","x")' });
    await call(core, 'incidents.create', { ...robbery, confidentiality: 'restricted', narrative: 'restricted one' });
    const dir = tempDir();
    const geo = await call(core, 'incidents.export', { format: 'geojson', path: path.join(dir, 'incidents.geojson') });
    expect(geo.rows).toBe(2);
    const fc = JSON.parse(fs.readFileSync(geo.path, 'utf8')) as { type: string; features: { type: string; geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(fc.type).toBe('FeatureCollection');
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      if (f.geometry === null) expect(f.properties.locationPrecision === 'exact' && f.properties.narrative).toBeTruthy();
      else {
        expect(f.geometry.type).toBe('Point');
        const [lon, lat] = f.geometry.coordinates;
        expect([lon, lat]).toEqual([38.74, 9.03]);
      }
    }
    expect(fc.features.filter((f) => f.geometry === null)).toHaveLength(1);
    const all = await call(core, 'incidents.export', {
      format: 'csv',
      path: path.join(dir, 'all.csv'),
      view: { includeRestricted: true },
    });
    expect(all.rows).toBe(3);
    const csv = fs.readFileSync(all.path, 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain('restricted one');
    const xlsx = await call(core, 'incidents.export', { format: 'xlsx', path: path.join(dir, 'incidents.xlsx') });
    expect(xlsx.rows).toBe(2);
    const partialView = await call(core, 'incidents.export', { format: 'csv', path: path.join(dir, 'view.csv'), view: { search: '' } });
    expect(partialView.rows).toBe(2);
    // Read back by an independent reader (Debian's python3-openpyxl), not the library that wrote it.
    const read = execFileSync('/usr/bin/python3', ['-c', 'import openpyxl,json,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([[c for c in r] for r in ws.iter_rows(values_only=True)]))', xlsx.path], { encoding: 'utf8' });
    const sheet = JSON.parse(read) as unknown[][];
    expect(sheet[0]!.slice(0, 2)).toEqual(['Date', 'Country']);
    expect(sheet).toHaveLength(3);
    expect(sheet.flat()).toContain(`'=HYPERLINK("http://evil","x")`);
    expect(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toContain('incidents.xlsx');
  });
});

describe('incidents in the demo vault', () => {
  it('holds about 150 fictional incidents, some in the last 7 days, restricted ones left out of default exports', async () => {
    const demo = await makeUnlockedCore({ demo: true });
    try {
      const all = await call(demo, 'incidents.list', {});
      expect(all.total).toBe(150);
      expect(all.rows.every((r) => r.narrative.includes('fictional'))).toBe(true);
      expect((await call(demo, 'incidents.summary', { days: 7 })).count).toBeGreaterThanOrEqual(6);
      const restricted = await call(demo, 'incidents.list', { filterModel: { confidentiality: { filterType: 'text', type: 'equals', filter: 'restricted' } } });
      expect(restricted.total).toBeGreaterThan(0);
      const out = await call(demo, 'incidents.export', { format: 'csv', path: path.join(tempDir(), 'demo.csv') });
      expect(out.rows).toBe(150 - restricted.total);
      expect(fs.readFileSync(out.path, 'utf8')).toContain('FICTIONAL DEMO DATA');
    } finally {
      demo.close();
    }
  });
});

describe('incident statistics', () => {
  it('counts per month and category, per area, perpetrator and organisation, casualties per month; year-only dates apart', async () => {
    const base = { ...robbery, organisationAffected: 'INGO', perpetratorType: 'Criminal' };
    await call(core, 'incidents.create', { ...base, date: '2024-01-10', killed: 1, killedNational: 1 });
    await call(core, 'incidents.create', { ...base, date: '2024-01-20', category: 'Threat', adminArea: 'North' });
    await call(core, 'incidents.create', { ...base, date: '2024-02', injured: 2 });
    await call(core, 'incidents.create', { ...base, date: '2024', organisationAffected: 'UN' });
    await call(core, 'incidents.create', { ...base, date: '2023-12-31', confidentiality: 'restricted' });
    const stats = await call(core, 'incidents.stats', { from: '2024-01-01', to: '2024-12-31' });
    expect(stats.total).toBe(4);
    expect(stats.byMonth).toEqual([
      { month: '2024-01', category: 'Armed robbery', count: 1 },
      { month: '2024-01', category: 'Threat', count: 1 },
      { month: '2024-02', category: 'Armed robbery', count: 1 },
    ]);
    expect(stats.yearOnly).toEqual([{ year: '2024', count: 1 }]);
    expect(stats.byOrganisation).toEqual([{ key: 'INGO', count: 3 }, { key: 'UN', count: 1 }]);
    expect(stats.byArea).toContainEqual({ key: 'North', count: 1 });
    expect(stats.casualtiesByMonth).toEqual([
      { month: '2024-01', killed: 1, injured: 2, kidnapped: 0, arrested: 0 },
      { month: '2024-02', killed: 0, injured: 2, kidnapped: 0, arrested: 0 },
    ]);
    expect((await call(core, 'incidents.stats', { includeRestricted: false })).total).toBe(4);
    expect((await call(core, 'incidents.stats', {})).total).toBe(5);
  });
});
