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

const office = { name: 'Main office', type: 'office' as const, latitude: -1.2921, longitude: 36.8219, address: 'Ngong Road' };

describe('premises through dispatch', () => {
  it('creates, reads, updates and deletes, and says so in events', async () => {
    const events: string[] = [];
    core.subscribe((e) => events.push(e.name));
    const created = await call(core, 'premises.create', office);
    expect(created).toMatchObject({ name: 'Main office', safeRoom: false, phase: null, areaPath: null });
    const updated = await call(core, 'premises.update', { ...office, id: created.id, name: 'Main office (new)', safeRoom: true });
    expect((await call(core, 'premises.get', { id: created.id })).name).toBe('Main office (new)');
    expect(updated.safeRoom).toBe(true);
    await call(core, 'premises.delete', { id: created.id });
    expect(await callRaw(core, 'premises.get', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(events).toEqual(['premises.changed', 'premises.changed', 'premises.changed']);
  });

  it.each([
    ['latitude out of range', { ...office, latitude: 95 }, 'latitude'],
    ['longitude out of range', { ...office, longitude: -181 }, 'longitude'],
    ['only one coordinate', { ...office, longitude: null }, 'longitude'],
    ['coordinates as text', { ...office, latitude: '1.407.092.855' }, 'latitude'],
    ['empty name', { ...office, name: '   ' }, 'name'],
    ['unknown type', { ...office, type: 'castle' }, 'type'],
    ['area that is not an id', { ...office, areaId: 'nowhere' }, 'areaId'],
  ])('refuses %s with a VALIDATION envelope and saves nothing', async (_label, input, field) => {
    const result = await callRaw(core, 'premises.create', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect((result.error.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toContain(field);
    expect((await call(core, 'premises.list', {})).total).toBe(0);
  });

  it('refuses an area id that does not exist', async () => {
    const result = await callRaw(core, 'premises.create', { ...office, areaId: '01900000-0000-7000-8000-000000000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('filters, sorts and pages in the core', async () => {
    for (let i = 0; i < 25; i++) {
      await call(core, 'premises.create', { name: `Site ${String(i).padStart(2, '0')}`, type: i % 2 ? 'residence' : 'warehouse', latitude: i, longitude: i });
    }
    const page = await call(core, 'premises.list', { startRow: 10, endRow: 15, sortModel: [{ colId: 'latitude', sort: 'desc' }] });
    expect(page.total).toBe(25);
    expect(page.rows.map((r) => r.latitude)).toEqual([14, 13, 12, 11, 10]);
    const residences = await call(core, 'premises.list', { filterModel: { type: { filterType: 'text', type: 'equals', filter: 'residence' } } });
    expect(residences.total).toBe(12);
    // Every word must match some column: "site 07" finds one site, not every name containing a 0.
    const quick = await call(core, 'premises.list', { quickFilter: 'site 07' });
    expect(quick.rows.map((r) => r.name)).toEqual(['Site 07']);
    const range = await call(core, 'premises.list', { filterModel: { latitude: { filterType: 'number', type: 'inRange', filter: 3, filterTo: 5 } } });
    expect(range.rows.map((r) => r.name)).toEqual(['Site 03', 'Site 04', 'Site 05']);
    const wildcard = await call(core, 'premises.list', { quickFilter: '%' });
    expect(wildcard.total).toBe(0);
  });

  it('records who changed what, before and after, in the audit trail', async () => {
    const created = await call(core, 'premises.create', office);
    await call(core, 'premises.update', { ...office, id: created.id, name: 'Renamed' });
    const audit = await call(core, 'audit.list', { endRow: 10 });
    const [update, create] = audit.rows.filter((r) => r.action !== 'command');
    expect(create).toMatchObject({ command: 'premises.create', action: 'create', actor: 'Amina Diallo', adapter: 'cli', entityId: created.id });
    expect(update).toMatchObject({ action: 'update', before: { name: 'Main office' }, after: { name: 'Renamed' } });
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('adds one row per command, after its changes, in the same transaction', async () => {
    const created = await call(core, 'premises.create', office);
    await call(core, 'premises.update', { ...office, id: created.id, name: 'Renamed' });
    const rows = (await call(core, 'audit.list', { endRow: 4 })).rows;
    expect(rows.map((r) => [r.action, r.command])).toEqual([
      ['command', 'premises.update'],
      ['update', 'premises.update'],
      ['command', 'premises.create'],
      ['create', 'premises.create'],
    ]);
    expect(rows[0]?.after).toEqual({ files: [] });
  });

  it('writes no audit row when the change is refused', async () => {
    const before = (await call(core, 'audit.list', {})).total;
    await callRaw(core, 'premises.update', { ...office, id: '01900000-0000-7000-8000-000000000000' });
    expect((await call(core, 'audit.list', {})).total).toBe(before);
  });
});

describe('premises export', () => {
  let dir: string;
  beforeEach(async () => {
    dir = tempDir('vigil-export-');
    await call(core, 'premises.create', office);
    await call(core, 'premises.create', { name: '=HYPERLINK("http://evil")', type: 'residence', notes: '+1 dangerous' });
    await call(core, 'premises.create', { name: 'Warehouse Nord', type: 'warehouse' });
  });

  it('writes the current view as XLSX that an independent reader opens, with SHA256SUMS last', async () => {
    const target = path.join(dir, 'premises.xlsx');
    const result = await call(core, 'premises.export', {
      format: 'xlsx',
      path: target,
      columns: ['name', 'type', 'latitude'],
      view: { quickFilter: '', filterModel: { type: { filterType: 'text', type: 'notEqual', filter: 'warehouse' } }, sortModel: [{ colId: 'name', sort: 'desc' }] },
    });
    expect(result).toMatchObject({ rows: 2, verified: true });
    const read = execFileSync('/usr/bin/python3', [
      '-c',
      'import openpyxl,sys,json; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([[c.value for c in r] for r in ws.iter_rows()]))',
      target,
    ]).toString();
    expect(JSON.parse(read)).toEqual([
      ['Name', 'Type', 'Latitude'],
      ['Main office', 'Office', -1.2921],
      ["'=HYPERLINK(\"http://evil\")", 'Residence', null],
    ]);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString()).toContain('premises.xlsx: OK');
    expect(fs.readdirSync(dir).sort()).toEqual(['SHA256SUMS', 'premises.xlsx']);
  });

  it('writes CSV in the chosen language and adds the extension', async () => {
    const result = await call(core, 'premises.export', { format: 'csv', path: path.join(dir, 'locaux'), lang: 'fr', columns: ['name', 'type'] });
    expect(result.path).toBe(path.join(dir, 'locaux.csv'));
    const text = fs.readFileSync(result.path, 'utf8');
    expect(text.startsWith('\ufeffNom,Type\n')).toBe(true);
    expect(text).toContain('Warehouse Nord,Entrepôt');
  });

  it('marks a demo vault export as fictional', async () => {
    const demo = await makeUnlockedCore({ demo: true });
    const result = await call(demo, 'premises.export', { format: 'csv', path: path.join(dir, 'demo.csv') });
    expect(fs.readFileSync(result.path, 'utf8')).toMatch(/^\ufeffFICTIONAL DEMO DATA\n/);
    demo.close();
  });

  it('refuses a folder that does not exist and writes nothing', async () => {
    const result = await callRaw(core, 'premises.export', { format: 'csv', path: path.join(dir, 'gone', 'x.csv') });
    expect(result).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/does not exist/) } });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
