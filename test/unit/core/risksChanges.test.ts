import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
let clock = new Date('2025-03-10T08:00:00Z');
beforeEach(async () => {
  clock = new Date('2025-03-10T08:00:00Z');
  core = await makeUnlockedCore({ now: () => clock });
});
afterEach(() => core.close());

const base = {
  title: 'Carjacking on the airport road',
  category: 'crime',
  inherentLikelihood: 4,
  inherentImpact: 4,
  residualLikelihood: 3,
  residualImpact: 3,
  owner: 'Head of logistics',
};

describe('risks.changes: the "changes since" view', () => {
  it('gives levels at the start of the period and now, what changed and the measures linked', async () => {
    const risk = await call(core, 'risks.create', base);
    const quiet = await call(core, 'risks.create', { ...base, title: 'Flood' });
    clock = new Date('2025-04-02T08:00:00Z');
    await call(core, 'risks.update', { ...base, id: risk.id, residualLikelihood: 4, comment: 'Two incidents this week' });
    clock = new Date('2025-04-03T08:00:00Z');
    await call(core, 'measures.create', { title: 'Two-vehicle convoys', type: 'protection', riskIds: [risk.id] });
    clock = new Date('2025-04-04T08:00:00Z');
    await call(core, 'risks.update', { ...base, id: risk.id, residualLikelihood: 5, residualImpact: 5, owner: 'Security coordinator' });
    // Only a note: not a level or measure change, so the quiet risk stays out.
    await call(core, 'risks.update', { ...base, id: quiet.id, title: 'Flood', notes: 'seen' });

    const changes = await call(core, 'risks.changes', { since: '2025-04-01' });
    expect(changes.risks).toHaveLength(1);
    expect(changes.risks[0]).toMatchObject({
      inherentLevelBefore: 'veryHigh',
      inherentLevelAfter: 'veryHigh',
      residualLevelBefore: 'high',
      residualLevelAfter: 'unacceptable',
      measuresAdded: ['Two-vehicle convoys'],
      measuresRemoved: [],
      lastChangeAt: '2025-04-04T08:00:00.000Z',
      lastChangeBy: 'Amina Diallo',
    });
    expect(changes.risks[0]!.changedFields).toEqual(['residualLikelihood', 'residualImpact', 'residualLevel', 'owner', 'measures']);
    expect(changes.risks[0]!.reviews.map((r) => r.kind)).toEqual(['updated', 'measureLinked', 'updated']);

    // A risk created in the period has no "before".
    const fresh = await call(core, 'risks.changes', { since: '2025-03-01' });
    expect(fresh.risks.map((c) => [c.risk.title, c.residualLevelBefore])).toEqual([
      ['Carjacking on the airport road', null],
      ['Flood', null],
    ]);
    expect((await call(core, 'risks.changes', { since: '2025-04-05' })).risks).toEqual([]);
  });

  it('starts the day in the delegation time zone, not at UTC midnight', async () => {
    await call(core, 'settings.update', { timeZone: 'Asia/Kabul' });
    clock = new Date('2025-04-01T22:00:00Z'); // 2 April 02:30 in Kabul
    await call(core, 'risks.create', base);
    const since2 = await call(core, 'risks.changes', { since: '2025-04-02' });
    expect(since2.sinceInstant).toBe('2025-04-01T19:30:00.000Z');
    expect(since2.risks).toHaveLength(1);
    expect((await call(core, 'risks.changes', { since: '2025-04-03' })).risks).toHaveLength(0);
  });

  it('refuses an impossible date with a VALIDATION envelope', async () => {
    const result = await callRaw(core, 'risks.changes', { since: '2025-02-30' });
    expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
  });

  it('exports the list as CSV and XLSX, read back by openpyxl', async () => {
    const dir = tempDir('vigil-risk-changes-');
    const risk = await call(core, 'risks.create', base);
    clock = new Date('2025-04-02T08:00:00Z');
    await call(core, 'risks.update', { ...base, id: risk.id, residualLikelihood: 1, comment: 'Convoys' });
    const csv = await call(core, 'risks.exportChanges', { since: '2025-04-01', format: 'csv', path: path.join(dir, 'changes.csv') });
    expect(csv.rows).toBe(1);
    const text = fs.readFileSync(csv.path, 'utf8');
    expect(text.split('\n')[0]).toContain('Residual level before');
    expect(text.split('\n')[1]).toContain('R-001,Carjacking on the airport road,Crime,Very high,Very high,High,Low,Residual likelihood; Residual level');

    const xlsx = await call(core, 'risks.exportChanges', { since: '2025-04-01', format: 'xlsx', path: path.join(dir, 'changes.xlsx'), lang: 'fr' });
    const script = `
import openpyxl, sys, json
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[c.value for c in r] for r in ws.iter_rows()]))`;
    const rows = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, xlsx.path]).toString()) as unknown[][];
    expect(rows[0]!.slice(0, 7)).toEqual(['Réf.', 'Risque', 'Catégorie', 'Niveau inhérent avant', 'Niveau inhérent après', 'Niveau résiduel avant', 'Niveau résiduel après']);
    expect(rows[1]!.slice(5, 7)).toEqual(['Élevé', 'Faible']);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString()).toContain('changes.xlsx: OK');
  });
});

describe('risks.groups by owner', () => {
  it('counts risks per owner within the view, blank owners in their own group', async () => {
    await call(core, 'risks.create', base);
    await call(core, 'risks.create', { ...base, title: 'B' });
    await call(core, 'risks.create', { ...base, title: 'C', owner: 'Country director' });
    await call(core, 'risks.create', { ...base, title: 'D', owner: '' });
    expect((await call(core, 'risks.groups', { by: 'owner' })).groups).toEqual([
      { key: 'Head of logistics', count: 2 },
      { key: '', count: 1 },
      { key: 'Country director', count: 1 },
    ]);
    const filtered = await call(core, 'risks.groups', { by: 'owner', view: { quickFilter: 'Country' } });
    expect(filtered).toMatchObject({ groups: [{ key: 'Country director', count: 1 }], total: 1 });
    // Choosing a group filters the grid with an ordinary column filter.
    const list = await call(core, 'risks.list', { filterModel: { owner: { filterType: 'text', type: 'blank' } } });
    expect(list.rows.map((r) => r.title)).toEqual(['D']);
  });
});

describe('several locations per risk', () => {
  async function places() {
    const country = await call(core, 'areas.create', { name: 'Fictionland', level: 'country' });
    const port = await call(core, 'areas.create', { name: 'Port Amarel', level: 'city', parentId: country.id });
    const orsk = await call(core, 'areas.create', { name: 'Orsk', level: 'city', parentId: country.id });
    return { country, port, orsk };
  }

  it('links any number of areas, keeps the first in the old single column, filters and exports by location', async () => {
    const { port, orsk } = await places();
    const risk = await call(core, 'risks.create', { ...base, areaIds: [orsk.id, port.id] });
    expect(risk).toMatchObject({ areaIds: [orsk.id, port.id], areaId: orsk.id, locations: 'Fictionland › Orsk; Fictionland › Port Amarel' });
    await call(core, 'risks.create', { ...base, title: 'Flood', areaId: port.id });
    const flood = (await call(core, 'risks.list', { quickFilter: 'Flood' })).rows[0]!;
    expect(flood).toMatchObject({ areaIds: [port.id], locations: 'Fictionland › Port Amarel' });

    const inOrsk = await call(core, 'risks.list', { filterModel: { locations: { filterType: 'text', type: 'contains', filter: 'orsk' } } });
    expect(inOrsk.rows.map((r) => r.title)).toEqual(['Carjacking on the airport road']);
    expect((await call(core, 'risks.list', { quickFilter: 'port amarel' })).total).toBe(2);

    // An update that resends only the unchanged single areaId (an older client) keeps the whole list.
    const kept = await call(core, 'risks.update', { ...base, id: risk.id, areaId: orsk.id, notes: 'n' });
    expect(kept.areaIds).toEqual([orsk.id, port.id]);
    const narrowed = await call(core, 'risks.update', { ...base, id: risk.id, areaIds: [port.id], notes: 'n' });
    expect(narrowed).toMatchObject({ areaIds: [port.id], areaId: port.id });
    const history = await call(core, 'risks.get', { id: risk.id });
    expect(history.reviews[0]!.changes).toEqual([
      { field: 'locations', before: 'Fictionland › Orsk; Fictionland › Port Amarel', after: 'Fictionland › Port Amarel' },
    ]);

    const dir = tempDir('vigil-risk-locations-');
    const out = await call(core, 'risks.export', { format: 'csv', path: path.join(dir, 'r.csv'), columns: ['reference', 'locations'] });
    await call(core, 'risks.update', { ...base, id: risk.id, areaIds: [orsk.id, port.id] });
    const out2 = await call(core, 'risks.export', { format: 'csv', path: path.join(dir, 'r2.csv'), columns: ['reference', 'locations'] });
    expect(fs.readFileSync(out.path, 'utf8')).toContain('R-001,Fictionland › Port Amarel');
    expect(fs.readFileSync(out2.path, 'utf8')).toContain('R-001,Fictionland › Orsk; Fictionland › Port Amarel\n');
  });

  it('refuses an area that does not exist, naming its place in the list, and saves nothing', async () => {
    const { port } = await places();
    const result = await callRaw(core, 'risks.create', { ...base, areaIds: [port.id, '01900000-0000-7000-8000-000000000000'] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect((result.error.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toEqual(['areaIds.1']);
    }
    expect((await call(core, 'risks.list', {})).total).toBe(0);
  });

  it('imports several locations separated by ";"; a name the vault does not know is kept in the notes', async () => {
    const { port, orsk } = await places();
    const dir = tempDir('vigil-risk-locations-');
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, 'Title,Likelihood,Impact,Locations,Notes\nAmbush,4,5,Orsk; Fictionland › Port Amarel; Atlantis,Convoys only\nFlood,2,3,,\n');
    const dry = await call(core, 'risks.import', { file: good, dryRun: true });
    expect(dry).toMatchObject({ created: 2, problems: [] });
    const report = await call(core, 'risks.import', { file: good });
    expect(report).toMatchObject({ committed: true, created: 2, problems: [] });
    const ambush = (await call(core, 'risks.list', { quickFilter: 'Ambush' })).rows[0]!;
    expect(ambush.areaIds).toEqual([orsk.id, port.id]);
    expect(ambush.notes).toBe('Convoys only\nLocations not found in this vault at import: Atlantis');

    // Re-importing without a locations column keeps the locations of the updated risk.
    const again = path.join(dir, 'again.csv');
    fs.writeFileSync(again, `Reference,Title,Likelihood,Impact\n${ambush.reference},Ambush,3,5\n`);
    await call(core, 'risks.import', { file: again });
    expect((await call(core, 'risks.get', { id: ambush.id })).risk).toMatchObject({ inherentLikelihood: 3, areaIds: [orsk.id, port.id] });
  });
});

describe('several locations: round trip through Vigil’s own export', () => {
  it('reads the "Locations" column, not the single "Area" column beside it', async () => {
    const country = await call(core, 'areas.create', { name: 'Fictionland', level: 'country' });
    const port = await call(core, 'areas.create', { name: 'Port Amarel', level: 'city', parentId: country.id });
    const orsk = await call(core, 'areas.create', { name: 'Orsk', level: 'city', parentId: country.id });
    const risk = await call(core, 'risks.create', { ...base, areaIds: [orsk.id, port.id] });
    const dir = tempDir('vigil-risk-locations-');
    const out = await call(core, 'risks.export', { format: 'csv', path: path.join(dir, 'r.csv'), columns: ['reference', 'title', 'areaPath', 'locations', 'inherentLikelihood', 'inherentImpact'] });
    await call(core, 'risks.update', { ...base, id: risk.id, areaIds: [] });
    const report = await call(core, 'risks.import', { file: out.path });
    expect(report.columns.map((c) => c.field)).toEqual(['reference', 'title', null, 'locations', 'inherentLikelihood', 'inherentImpact']);
    expect((await call(core, 'risks.get', { id: risk.id })).risk.areaIds).toEqual([orsk.id, port.id]);
  });
});
