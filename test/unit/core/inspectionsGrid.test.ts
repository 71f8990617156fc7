import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { Vault } from '../../../electron/core/vault/vault';
import type { GridView } from '../../../shared/contract/grid';
import { call, callRaw, makeCore, makeUnlockedCore, PASSPHRASE, tempDir } from '../helpers/testCore';

/**
 * The corrective-action and equipment grids are filtered, sorted and paged by the core (Infinite Row
 * Model), and their exports write exactly the view the grid shows. 5,000 actions are written straight
 * into the vault so that paging and counts run on a register of realistic size.
 */
const clock = new Date('2024-02-29T09:00:00Z'); // 29 Feb in Nairobi: "today" for overdue
const TODAY = '2024-02-29';
const PREMISES = ['Main office', 'Warehouse North', 'Guest house'] as const;
const BULK = 5000;

interface Made {
  premises: string;
  title: string;
  owner: string;
  dueDate: string | null;
  status: 'open' | 'done';
}

/** The i-th bulk action: premises, owner and status cycle; due dates spread over Jan-Apr 2024, some blank. */
function bulkAction(i: number): Made {
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 120) * 86_400_000).toISOString().slice(0, 10);
  return {
    premises: PREMISES[i % 3]!,
    title: `Bulk action ${i}`,
    owner: `Owner ${i % 7}`,
    dueDate: i % 50 === 0 ? null : day,
    status: i % 5 === 0 ? 'done' : 'open',
  };
}

let dataDir: string;
let core: Core | null = null;
const made: Made[] = [];
const premisesIds: Record<string, string> = {};

beforeAll(async () => {
  const first = await makeUnlockedCore({ now: () => clock });
  for (const name of PREMISES) premisesIds[name] = (await call(first, 'premises.create', { name, type: 'office' })).id;
  const office = (await call(first, 'inspections.listTemplates', {})).find((t) => t.presetKey === 'office')!;
  const run = await call(first, 'inspections.start', { premisesId: premisesIds['Main office']!, templateId: office.id, inspectedOn: '2024-01-15' });
  const check = run.items.find((i) => i.answerType === 'check')!;
  await call(first, 'inspections.answer', { inspectionId: run.id, itemId: check.id, value: 'no' });
  await call(first, 'inspections.createActions', {
    inspectionId: run.id,
    actions: [{ itemId: check.id, owner: 'Logistics', dueDate: '2024-02-10', title: 'Repair the perimeter wall' }],
  });
  made.push({ premises: 'Main office', title: 'Repair the perimeter wall', owner: 'Logistics', dueDate: '2024-02-10', status: 'open' });
  dataDir = first.dataDir;
  first.close();

  // Straight into the vault, in one transaction: the service would take minutes for 5,000 audited saves.
  const vault = new Vault({ dataDir, weakKdfForTests: true, now: () => clock });
  await vault.unlock(PASSPHRASE);
  const sqlite = vault.database.sqlite;
  const insert = sqlite.prepare(
    `INSERT INTO corrective_actions (id, inspection_id, item_id, premises_id, title, owner, due_date, status, closing_note, closed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // One action per inspection item: each bulk action gets its own copy of the failed item.
  const columns = (sqlite.prepare('PRAGMA table_info(inspection_items)').all() as Array<{ name: string }>).map((c) => c.name);
  const copyItem = sqlite.prepare(
    `INSERT INTO inspection_items (${columns.join(', ')}) SELECT ${columns.map((c) => (c === 'id' ? '?' : c)).join(', ')} FROM inspection_items WHERE id = ?`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < BULK; i++) {
      const itemId = `01900000-0000-7000-9000-${String(i).padStart(12, '0')}`;
      copyItem.run(itemId, check.id);
      const a = bulkAction(i);
      const id = `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      const closed = a.status === 'done' ? '2024-02-01T10:00:00.000Z' : null;
      insert.run(id, run.id, itemId, premisesIds[a.premises], a.title, a.owner, a.dueDate, a.status, a.status === 'done' ? 'Fixed' : '', closed, '2024-01-16T10:00:00.000Z', '2024-01-16T10:00:00.000Z');
      made.push(a);
    }
  })();
  vault.lock();
}, 60_000);

async function openCore(): Promise<Core> {
  const c = makeCore({ dataDir, now: () => clock });
  await call(c, 'vault.unlock', { passphrase: PASSPHRASE });
  return c;
}

afterEach(() => {
  core?.close();
  core = null;
});

const text = (type: 'equals' | 'contains', filter: string) => ({ filterType: 'text' as const, type, filter });
const overdue = (a: Made) => a.status === 'open' && a.dueDate !== null && a.dueDate < TODAY;

async function listAll(view: Partial<GridView>) {
  const first = await call(core!, 'inspections.listActions', { ...view, startRow: 0, endRow: 1000 });
  const rows = [...first.rows];
  while (rows.length < first.total) rows.push(...(await call(core!, 'inspections.listActions', { ...view, startRow: rows.length, endRow: rows.length + 1000 })).rows);
  return { rows, total: first.total };
}

describe('corrective actions grid, filtered and sorted by the core', () => {
  it('counts every action and pages with startRow / endRow without gaps or repeats', async () => {
    core = await openCore();
    const all = await listAll({});
    expect(all.total).toBe(BULK + 1);
    expect(new Set(all.rows.map((r) => r.id)).size).toBe(BULK + 1);
    const page = await call(core, 'inspections.listActions', { startRow: 2500, endRow: 2600 });
    expect(page.total).toBe(BULK + 1);
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(2500, 2600).map((r) => r.id));
    expect(await callRaw(core, 'inspections.listActions', { startRow: 0, endRow: 5000 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('filters by status, with overdue meaning open and past due', async () => {
    core = await openCore();
    const open = await call(core, 'inspections.listActions', { filterModel: { status: text('equals', 'open') } });
    expect(open.total).toBe(made.filter((a) => a.status === 'open').length);
    const done = await call(core, 'inspections.listActions', { filterModel: { status: text('equals', 'done') }, endRow: 1000 });
    expect(done.total).toBe(made.filter((a) => a.status === 'done').length);
    expect(done.rows.every((r) => r.status === 'done' && r.closingNote === 'Fixed')).toBe(true);
    const late = await listAll({ filterModel: { status: text('equals', 'overdue') } });
    expect(late.total).toBe(made.filter(overdue).length);
    expect(late.rows.every((r) => r.overdue && r.status === 'open' && r.dueDate! < TODAY)).toBe(true);
  });

  it('filters by premises, owner and title text, and by a quick search', async () => {
    core = await openCore();
    const north = await listAll({ filterModel: { premisesName: text('equals', 'warehouse north') } });
    expect(north.total).toBe(made.filter((a) => a.premises === 'Warehouse North').length);
    expect(new Set(north.rows.map((r) => r.premisesName))).toEqual(new Set(['Warehouse North']));
    const owner = await call(core, 'inspections.listActions', {
      filterModel: { owner: text('equals', 'Owner 3'), premisesName: text('equals', 'Guest house') },
    });
    expect(owner.total).toBe(made.filter((a) => a.owner === 'Owner 3' && a.premises === 'Guest house').length);
    const wall = await call(core, 'inspections.listActions', { filterModel: { title: text('contains', 'perimeter') } });
    expect(wall.rows.map((r) => r.owner)).toEqual(['Logistics']);
    const quick = await call(core, 'inspections.listActions', { quickFilter: 'bulk 4999' });
    expect(quick.rows.map((r) => r.title)).toEqual(['Bulk action 4999']);
    const byOwner = await call(core, 'inspections.listActions', { quickFilter: 'logistics' });
    expect(byOwner.rows.map((r) => r.title)).toEqual(['Repair the perimeter wall']);
  });

  it('filters due dates by a day range (as the grid sends it), one-sided ranges and blanks', async () => {
    core = await openCore();
    const inRange = (a: Made, from: string, to: string) => a.dueDate !== null && a.dueDate >= from && a.dueDate <= to;
    const feb = await listAll({ filterModel: { dueDate: { filterType: 'number', type: 'inRange', filter: 20240201, filterTo: 20240210 } } });
    expect(feb.total).toBe(made.filter((a) => inRange(a, '2024-02-01', '2024-02-10')).length);
    expect(feb.total).toBeGreaterThan(0);
    expect(feb.rows.every((r) => r.dueDate! >= '2024-02-01' && r.dueDate! <= '2024-02-10')).toBe(true);
    const after = await call(core, 'inspections.listActions', { filterModel: { dueDate: { filterType: 'number', type: 'greaterThanOrEqual', filter: 20240420 } } });
    expect(after.total).toBe(made.filter((a) => a.dueDate !== null && a.dueDate >= '2024-04-20').length);
    const blank = await call(core, 'inspections.listActions', { filterModel: { dueDate: { filterType: 'number', type: 'blank' } } });
    expect(blank.total).toBe(made.filter((a) => a.dueDate === null).length);
    // A text filter on the stored day still works (the CLI's --filter).
    const leap = await call(core, 'inspections.listActions', { filterModel: { dueDate: text('equals', '2024-02-29') } });
    expect(leap.total).toBe(made.filter((a) => a.dueDate === '2024-02-29').length);
    // Open and overdue within a range: the status filter and the range combine.
    const lateFeb = await call(core, 'inspections.listActions', {
      filterModel: { status: text('equals', 'overdue'), dueDate: { filterType: 'number', type: 'inRange', filter: 20240220, filterTo: 20240320 } },
    });
    expect(lateFeb.total).toBe(made.filter((a) => overdue(a) && inRange(a, '2024-02-20', '2024-03-20')).length);
    expect(lateFeb.rows.every((r) => r.dueDate! < TODAY)).toBe(true);
  });

  it('sorts by due date both ways, blanks last, across pages', async () => {
    core = await openCore();
    const asc = await listAll({ sortModel: [{ colId: 'dueDate', sort: 'asc' }] });
    const dated = made.filter((a) => a.dueDate !== null).map((a) => a.dueDate!).sort();
    expect(asc.rows.slice(0, dated.length).map((r) => r.dueDate)).toEqual(dated);
    expect(asc.rows.slice(dated.length).every((r) => r.dueDate === null)).toBe(true);
    const desc = await call(core, 'inspections.listActions', { sortModel: [{ colId: 'dueDate', sort: 'desc' }], startRow: 1000, endRow: 1100 });
    expect(desc.rows.map((r) => r.dueDate)).toEqual([...dated].reverse().slice(1000, 1100));
  });

  it('exports exactly the filtered, sorted view: CSV and XLSX read back', async () => {
    core = await openCore();
    const view: GridView = {
      quickFilter: '',
      filterModel: { premisesName: text('equals', 'Warehouse North'), status: text('equals', 'overdue') },
      sortModel: [{ colId: 'dueDate', sort: 'desc' }],
    };
    const shown = await listAll(view);
    const expected = made.filter((a) => a.premises === 'Warehouse North' && overdue(a));
    expect(shown.total).toBe(expected.length);
    const dir = tempDir();
    const csv = await call(core, 'inspections.exportActions', { format: 'csv', path: path.join(dir, 'actions.csv'), view, lang: 'en' });
    expect(csv.rows).toBe(expected.length);
    const lines = fs.readFileSync(csv.path, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const header = lines[0]!.split(',');
    const body = lines.slice(1).map((l) => l.split(','));
    expect(body).toHaveLength(expected.length);
    const col = (name: string) => header.indexOf(name);
    expect(new Set(body.map((r) => r[col('Premises')]))).toEqual(new Set(['Warehouse North']));
    expect(new Set(body.map((r) => r[col('Status')]))).toEqual(new Set(['Overdue']));
    expect(body.map((r) => r[col('Due date')])).toEqual(shown.rows.map((r) => r.dueDate));
    expect(body.map((r) => r[col('Action')])).toEqual(shown.rows.map((r) => r.title));

    const xlsx = await call(core, 'inspections.exportActions', { format: 'xlsx', path: path.join(dir, 'actions.xlsx'), view: { ...view, quickFilter: 'bulk 12' }, lang: 'en' });
    const read = readXlsx(xlsx.path);
    const titles = read.slice(1).map((r) => r[read[0]!.indexOf('Action')]);
    expect(titles).toEqual(shown.rows.filter((r) => r.title.includes('12')).map((r) => r.title));
    expect(titles.length).toBeGreaterThan(0);
    expect(xlsx.rows).toBe(titles.length);
  });
});

/** Rows of the first sheet, read by openpyxl (not the library that wrote it). */
function readXlsx(file: string): unknown[][] {
  const script = `
import openpyxl, sys, json
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[c.value for c in r] for r in ws.iter_rows()], default=str))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { maxBuffer: 64 * 1024 * 1024 }).toString()) as unknown[][];
}

describe('equipment grid, filtered and sorted by the core', () => {
  it('filters by kind, status, premises and expiry range; exports the same view', async () => {
    core = await openCore();
    const mk = (premises: string, kind: 'fire_extinguisher' | 'radio' | 'first_aid_kit', expiryDate: string | null, type = '') =>
      call(core!, 'equipment.create', { premisesId: premisesIds[premises]!, kind, type, expiryDate });
    const old = await mk('Main office', 'fire_extinguisher', '2024-02-01', 'CO2');
    const soon = await mk('Main office', 'fire_extinguisher', '2024-03-15', 'Powder');
    const later = await mk('Warehouse North', 'fire_extinguisher', '2025-06-30', 'CO2');
    const radio = await mk('Warehouse North', 'radio', null, 'VHF');
    const kit = await mk('Guest house', 'first_aid_kit', '2024-03-30'); // the last day of the 30-day window
    const ids = async (view: Partial<GridView>) => (await call(core!, 'equipment.list', { ...view, endRow: 100 })).rows.map((r) => r.id);

    expect(await ids({ filterModel: { kind: text('equals', 'fire_extinguisher') }, sortModel: [{ colId: 'expiryDate', sort: 'desc' }] })).toEqual([later.id, soon.id, old.id]);
    expect(await ids({ filterModel: { status: text('equals', 'due') } })).toEqual([soon.id, kit.id]);
    expect(await ids({ filterModel: { status: text('equals', 'overdue') } })).toEqual([old.id]);
    expect(await ids({ filterModel: { premisesName: text('equals', 'Warehouse North') }, sortModel: [{ colId: 'type', sort: 'asc' }] })).toEqual([later.id, radio.id]);
    expect(await ids({ filterModel: { expiryDate: { filterType: 'number', type: 'inRange', filter: 20240301, filterTo: 20240331 } } })).toEqual([soon.id, kit.id]);
    expect(await ids({ filterModel: { expiryDate: { filterType: 'number', type: 'lessThanOrEqual', filter: 20240301 } } })).toEqual([old.id]);
    expect(await ids({ filterModel: { expiryDate: { filterType: 'number', type: 'blank' } } })).toEqual([radio.id]);
    expect(await ids({ quickFilter: 'co2' })).toEqual([old.id, later.id]);
    const page = await call(core, 'equipment.list', { startRow: 1, endRow: 3 });
    expect(page.total).toBe(5);
    expect(page.rows).toHaveLength(2);

    const dir = tempDir();
    const view: GridView = { quickFilter: '', filterModel: { kind: text('equals', 'fire_extinguisher') }, sortModel: [{ colId: 'expiryDate', sort: 'desc' }] };
    const xlsx = await call(core, 'equipment.export', { format: 'xlsx', path: path.join(dir, 'equipment.xlsx'), view, lang: 'en' });
    expect(xlsx.rows).toBe(3);
    const read = readXlsx(xlsx.path);
    const header = read[0]!;
    expect(read.slice(1).map((r) => [r[header.indexOf('Type')], r[header.indexOf('Expiry')]])).toEqual([
      ['CO2', '2025-06-30'],
      ['Powder', '2024-03-15'],
      ['CO2', '2024-02-01'],
    ]);
    const csv = await call(core, 'equipment.export', {
      format: 'csv',
      path: path.join(dir, 'equipment.csv'),
      view: { quickFilter: '', filterModel: { status: text('equals', 'due') }, sortModel: [] },
      lang: 'en',
    });
    const lines = fs.readFileSync(csv.path, 'utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((l) => l.includes('Due within 30 days'))).toBe(true);
  });
});
