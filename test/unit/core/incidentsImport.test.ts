import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';

const DATA = path.resolve(import.meta.dirname, '../../../../shared/data/incidents');
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/import');
const SHCC = path.join(DATA, 'insecurity-insight-2022-shcc-incident-data.xlsx');
const KIKA = path.join(DATA, 'insecurity-insight-aid-worker-kika.json');
const EMPTY = path.join(DATA, 'insecurity-insight-2024-attacks-on-health-care-sample.xlsx');
const fixture = (name: string) => path.join(FIXTURES, name);

let core: Core;
beforeAll(async () => {
  core = await makeUnlockedCore();
});
afterAll(() => core.close());

const total = async () => (await call(core, 'incidents.list', {})).total;

describe('importing the real Insecurity Insight files', () => {
  it('reads the 2022 SHCC workbook: data sheet, serial dates, repeated headers, HXL conflicts', async () => {
    const preview = await call(core, 'incidents.importPreview', { file: SHCC });
    expect(preview.sheets.map((s) => s.name)).toEqual(['2022 SHCC Incident Data', 'MetaData&Notes']);
    expect(preview.sheet).toBe('2022 SHCC Incident Data');
    expect(preview.dataRows).toBe(1989);
    expect(preview.hasHxlRow).toBe(true);
    expect(preview.columns).toHaveLength(67);
    expect(preview.columns.map((c) => c.name)).toContain('Health Workers Killed (2)');
    expect(preview.mapping).toMatchObject({ Date: 'date', Country: 'country', 'SiND Event ID': 'externalId', 'Health Workers Killed': 'killed' });
    expect(preview.conflicts.map((c) => c.column)).toEqual(expect.arrayContaining(['Health Workers Kidnapped', 'Health Workers Arrested']));
    expect(preview.mapping['Health Workers Kidnapped']).toBe('kidnapped');

    const dry = await call(core, 'incidents.importRun', { file: SHCC, dryRun: true });
    expect(dry).toMatchObject({ created: 1989, updated: 0, skipped: 0, problems: [], committed: false });
    const run = await call(core, 'incidents.importRun', { file: SHCC, dryRun: false });
    expect(run).toMatchObject({ created: 1989, committed: true });
    expect(await total()).toBe(1989);
    const first = (await call(core, 'incidents.list', { sortModel: [{ colId: 'date', sort: 'asc' }], endRow: 1 })).rows[0]!;
    expect(first.date).toBe('2022-01-01');
  });

  it('refuses the codebook sheet as data rather than inventing incidents from it', async () => {
    const result = await callRaw(core, 'incidents.importRun', { file: SHCC, sheet: 'MetaData&Notes', dryRun: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('imports the JSON export once, and a second time updates instead of duplicating', async () => {
    const before = await total();
    const first = await call(core, 'incidents.importRun', { file: KIKA, dryRun: false });
    expect(first).toMatchObject({ created: 1299, updated: 0, problems: [], committed: true });
    const second = await call(core, 'incidents.importRun', { file: KIKA, dryRun: false });
    expect(second).toMatchObject({ created: 0, updated: 1299, committed: true });
    expect((await total()) - before).toBe(1299);
    const gaza = await call(core, 'incidents.list', { filterModel: { externalId: { filterType: 'text', type: 'equals', filter: '44580' } } });
    expect(gaza.rows[0]).toMatchObject({ date: '2024-02-26', latitude: 31.4427238495, longitude: 34.3707217694, locationPrecision: 'km25', killed: 1, killedNational: 1, killedInternational: 0 });
    const noLocation = await call(core, 'incidents.list', { filterModel: { latitude: { filterType: 'number', type: 'blank' }, source: { filterType: 'text', type: 'equals', filter: 'insecurity-insight-aid-worker-kika' } } });
    expect(noLocation.total).toBe(35);
  });

  it('reports the 2024 sample workbook as having no data rows and imports nothing', async () => {
    const before = await total();
    const result = await callRaw(core, 'incidents.importRun', { file: EMPTY, dryRun: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'IO', details: { reason: 'EMPTY' } } });
    if (!result.ok) expect(result.error.message).toMatch(/no data rows|empty/i);
    expect(await total()).toBe(before);
  });
});

describe('importing other sources', () => {
  it('reads a Windows-1252 semicolon CSV with French headers, dd.mm.yyyy dates and decimal commas', async () => {
    const preview = await call(core, 'incidents.importPreview', { file: fixture('fr-semicolon-cp1252.csv') });
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ';', hasHxlRow: false, dataRows: 5 });
    expect(preview.mapping).toMatchObject({
      Référence: 'externalId',
      "Date de l'incident": 'date',
      Catégorie: 'category',
      Région: 'adminArea',
      Lieu: 'placeName',
      Latitude: 'latitude',
      Longitude: 'longitude',
      Tués: 'killed',
      Blessés: 'injured',
      Gravité: 'severity',
      Résumé: 'narrative',
    });
    const run = await call(core, 'incidents.importRun', { file: fixture('fr-semicolon-cp1252.csv'), dryRun: false });
    expect(run).toMatchObject({ created: 5, problems: [], committed: true });
    const rows = (await call(core, 'incidents.list', { filterModel: { source: { filterType: 'text', type: 'equals', filter: 'fr-semicolon-cp1252' } }, sortModel: [{ colId: 'externalId', sort: 'asc' }] })).rows;
    expect(rows.map((r) => r.date)).toEqual(['2024-01-03', '2024-02-17', '2024-02-29', '2024-02', '2024-03-11']);
    expect(rows[0]).toMatchObject({ latitude: 13.4967, longitude: 39.4753, placeName: 'Mékélé', severity: 'high', injured: 1 });
    expect(rows[4]!.narrative).toContain('« évacuation »');
  });

  it('reads a UTF-8 CSV with a BOM and an HXL row; partial dates stay partial', async () => {
    const run = await call(core, 'incidents.importRun', { file: fixture('utf8-bom-hxl.csv'), dryRun: false });
    expect(run).toMatchObject({ created: 3, problems: [], committed: true });
    const rows = (await call(core, 'incidents.list', { filterModel: { source: { filterType: 'text', type: 'equals', filter: 'utf8-bom-hxl' } }, sortModel: [{ colId: 'externalId', sort: 'asc' }] })).rows;
    expect(rows.map((r) => [r.externalId, r.date, r.datePrecision])).toEqual([
      ['U-1', '2024-05-02', 'day'],
      ['U-2', '2024-05-09T14:30:00Z', 'time'],
      ['U-3', '2024', 'year'],
    ]);
    expect(rows[0]).toMatchObject({ narrative: 'Convoi pillé, chauffeur blessé — صورة', killed: 1, killedNational: 1, killedInternational: 0, adminArea: 'Darfour Nord' });
    expect(rows[1]!.killedInternational).toBeNull();
  });

  it('asks for the date order when day and month could be swapped, and uses --date-order', async () => {
    const preview = await call(core, 'incidents.importPreview', { file: fixture('ambiguous-dates.csv') });
    expect(preview).toMatchObject({ dateOrder: null, dateOrderAmbiguous: true });
    const dry = await call(core, 'incidents.importRun', { file: fixture('ambiguous-dates.csv'), dryRun: true });
    expect(dry.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'date', 'AMBIGUOUS_DATE'],
      [3, 'date', 'AMBIGUOUS_DATE'],
      [4, 'date', 'AMBIGUOUS_DATE'],
    ]);
    const refused = await call(core, 'incidents.importRun', { file: fixture('ambiguous-dates.csv'), dryRun: false });
    expect(refused.committed).toBe(false);
    const mdy = await call(core, 'incidents.importRun', { file: fixture('ambiguous-dates.csv'), dateOrder: 'mdy', dryRun: false });
    expect(mdy).toMatchObject({ created: 3, committed: true, problems: [] });
    const rows = (await call(core, 'incidents.list', { filterModel: { source: { filterType: 'text', type: 'equals', filter: 'ambiguous-dates' } }, sortModel: [{ colId: 'externalId', sort: 'asc' }] })).rows;
    expect(rows.map((r) => r.date)).toEqual(['2024-03-04', '2024-05-06', '2024-07-08']);
  });

  it('lists every bad value with its spreadsheet row; commits nothing, or skips bad rows and flags bad locations', async () => {
    const before = await total();
    const dry = await call(core, 'incidents.importRun', { file: fixture('bad-values.csv'), dryRun: true });
    expect(dry.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'date', 'INVALID_DATE'],
      [4, 'lat', 'INVALID_COORDINATE'],
      [5, 'lat', 'COORDINATE_OUT_OF_RANGE'],
      [7, 'date', 'MISSING_DATE'],
    ]);
    expect(dry).toMatchObject({ created: 4, skipped: 2, flagged: 2 });
    const refused = await call(core, 'incidents.importRun', { file: fixture('bad-values.csv'), dryRun: false });
    expect(refused.committed).toBe(false);
    expect(await total()).toBe(before);
    const skipped = await call(core, 'incidents.importRun', { file: fixture('bad-values.csv'), dryRun: false, skipInvalid: true });
    expect(skipped).toMatchObject({ created: 4, skipped: 2, flagged: 2, committed: true });
    const rows = (await call(core, 'incidents.list', { filterModel: { source: { filterType: 'text', type: 'equals', filter: 'bad-values' } }, sortModel: [{ colId: 'externalId', sort: 'asc' }] })).rows;
    expect(rows.map((r) => [r.externalId, r.latitude, r.needsReview])).toEqual([
      ['B1', 1.5, false],
      ['B3', null, true],
      ['B4', null, true],
      ['B5', 1.5, false],
    ]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'EMPTY'],
    ['binary garbage', Buffer.from(Array.from({ length: 2000 }, (_v, i) => (i * 7919) % 256)), 'UNREADABLE'],
    ['a header with no rows', Buffer.from('date,category\n'), 'EMPTY'],
    ['broken JSON', Buffer.from('[{"date": "2024-01-01",'), 'UNREADABLE'],
    ['a fake workbook', Buffer.from('PK\u0003\u0004 not really a zip'), 'UNREADABLE'],
  ])('refuses %s with a clear IO error', async (_label, bytes, reason) => {
    const id = core.uploads.put('file.csv', bytes);
    const result = await callRaw(core, 'incidents.importRun', { file: `upload:${id}`, dryRun: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'IO', details: { reason } } });
  });

  it('copes with ragged rows and a 5 MB cell without a crash', async () => {
    const csv = `id,date,narrative\nR1,2024-01-02,short\nR2,2024-01-03\nR3,2024-01-04,${'x'.repeat(5_000_000)}\nR4,2024-01-05,a,b,c\n`;
    const id = core.uploads.put('ragged.csv', Buffer.from(csv));
    const report = await call(core, 'incidents.importRun', { file: `upload:${id}`, dryRun: true });
    expect(report.problems.map((p) => [p.row, p.code])).toEqual([[4, 'TOO_LONG']]);
    expect(report).toMatchObject({ created: 3, skipped: 1 });
  });

  it('saves a mapping preset and uses it by name', async () => {
    await call(core, 'incidents.saveImportPreset', { name: 'Partner sheet', mapping: { id: 'externalId', date: 'date', category: 'category', lat: 'latitude', lon: 'longitude' }, dateOrder: 'dmy' });
    const presets = await call(core, 'incidents.importPresets', {});
    expect(presets.map((p) => p.name)).toContain('Partner sheet');
    const dry = await call(core, 'incidents.importRun', { file: fixture('ambiguous-dates.csv'), preset: 'Partner sheet', dryRun: true });
    expect(dry).toMatchObject({ created: 3, problems: [], dateOrder: 'dmy', source: 'Partner sheet' });
  });
});
