import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { RiskDetailSchema, RiskSchema } from '../../../shared/contract/risks';
import { addMonths } from '../../../electron/core/services/risksService';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
let clock = new Date('2025-03-10T08:00:00Z');
beforeEach(async () => {
  clock = new Date('2025-03-10T08:00:00Z');
  core = await makeUnlockedCore({ now: () => clock });
});
afterEach(() => core.close());

const carjacking = {
  title: 'Carjacking on the airport road',
  threat: 'Armed carjacking of a marked vehicle',
  cause: 'Vehicles are in demand; checkpoints at night',
  consequence: 'Injury or death of staff, loss of vehicle',
  category: 'crime',
  exposed: ['nationalStaff', 'assets'] as Array<'nationalStaff' | 'assets'>,
  inherentLikelihood: 4,
  inherentImpact: 4,
  residualLikelihood: 3,
  residualImpact: 3,
  owner: 'Head of logistics',
};

async function issuesOf(name: string, input: unknown): Promise<{ code: string; paths: string[] }> {
  const result = await callRaw(core, name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  const issues = (result.error.details as { issues?: Array<{ path: string }> } | undefined)?.issues ?? [];
  return { code: result.error.code, paths: issues.map((i) => i.path) };
}

describe('risk register through dispatch', () => {
  it('numbers risks R-001, R-002..., computes levels with the matrix and defaults the review to +6 months', async () => {
    const a = await call(core, 'risks.create', carjacking);
    const b = await call(core, 'risks.create', { ...carjacking, title: 'Second', inherentLikelihood: 1, inherentImpact: 1 });
    expect(RiskSchema.parse(a)).toMatchObject({ reference: 'R-001', inherentLevel: 'veryHigh', residualLevel: 'high', status: 'open' });
    expect(b).toMatchObject({ reference: 'R-002', inherentLevel: 'low', nextReview: '2025-09-10', reviewOverdue: false });
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
  });

  it('keeps a review history: created, updated with the fields and levels before and after, reviewed without change', async () => {
    const risk = await call(core, 'risks.create', carjacking);
    clock = new Date('2025-04-01T08:00:00Z');
    await call(core, 'risks.update', { ...carjacking, id: risk.id, residualLikelihood: 1, comment: 'Convoys only' });
    clock = new Date('2025-05-01T08:00:00Z');
    const reviewed = await call(core, 'risks.review', { id: risk.id, comment: 'Checked with the team' });
    expect(reviewed.nextReview).toBe('2025-11-01');
    const detail = RiskDetailSchema.parse(await call(core, 'risks.get', { id: risk.id }));
    expect(detail.reviews.map((r) => r.kind)).toEqual(['reviewed', 'updated', 'created']);
    expect(detail.reviews[1]).toMatchObject({
      actor: 'Amina Diallo',
      changes: [{ field: 'residualLikelihood', before: 3, after: 1 }],
      residualLevelBefore: 'high',
      residualLevelAfter: 'low',
      inherentLevelBefore: 'veryHigh',
      inherentLevelAfter: 'veryHigh',
      comment: 'Convoys only',
    });
    expect(detail.reviews[0]).toMatchObject({ comment: 'Checked with the team', residualLevelBefore: 'low', residualLevelAfter: 'low' });
  });

  it('marks overdue reviews', async () => {
    const risk = await call(core, 'risks.create', { ...carjacking, nextReview: '2025-03-01' });
    expect(risk.reviewOverdue).toBe(true);
    expect((await call(core, 'risks.groups', { by: 'status' })).overdue).toBe(1);
    const closed = await call(core, 'risks.update', { ...carjacking, id: risk.id, nextReview: '2025-03-01', status: 'closed' });
    expect(closed.reviewOverdue).toBe(false);
  });

  it.each([
    ['likelihood 0', { ...carjacking, inherentLikelihood: 0 }, 'inherentLikelihood'],
    ['likelihood 6', { ...carjacking, residualLikelihood: 6 }, 'residualLikelihood'],
    ['impact 2.5', { ...carjacking, residualImpact: 2.5 }, 'residualImpact'],
    ['an impossible review date', { ...carjacking, nextReview: '2025-02-30' }, 'nextReview'],
    ['a review date in another format', { ...carjacking, nextReview: '10/03/2025' }, 'nextReview'],
    ['an empty title', { ...carjacking, title: '  ' }, 'title'],
    ['an unknown category', { ...carjacking, category: 'aliens' }, 'category'],
    ['an area that does not exist', { ...carjacking, areaId: '01900000-0000-7000-8000-000000000000' }, 'areaId'],
    ['a malformed reference', { ...carjacking, reference: 'X-1' }, 'reference'],
  ])('refuses %s with a VALIDATION envelope and saves nothing', async (_label, input, field) => {
    const auditBefore = (await call(core, 'audit.list', {})).total;
    expect(await issuesOf('risks.create', input)).toEqual({ code: 'VALIDATION', paths: [field] });
    expect((await call(core, 'risks.list', {})).total).toBe(0);
    expect((await call(core, 'audit.list', {})).total).toBe(auditBefore);
  });

  it('refuses a duplicate reference number with CONFLICT', async () => {
    await call(core, 'risks.create', { ...carjacking, reference: 'R-012' });
    expect(await issuesOf('risks.create', { ...carjacking, reference: 'R-012' })).toEqual({ code: 'CONFLICT', paths: ['reference'] });
    // The next automatic number follows the highest one.
    expect((await call(core, 'risks.create', carjacking)).reference).toBe('R-013');
    expect((await call(core, 'risks.list', {})).total).toBe(2);
  });

  it('links measures many-to-many and refuses a link to a deleted risk without saving the measure', async () => {
    const a = await call(core, 'risks.create', carjacking);
    const b = await call(core, 'risks.create', { ...carjacking, title: 'Ambush on the northern road' });
    const convoy = await call(core, 'measures.create', { title: 'Two-vehicle convoys', type: 'protection', riskIds: [a.id, b.id] });
    const radio = await call(core, 'measures.create', { title: 'Radio check-ins every 30 min', type: 'protection', riskIds: [a.id] });
    expect(convoy.riskIds.sort()).toEqual([a.id, b.id].sort());
    const detail = await call(core, 'risks.get', { id: a.id });
    expect(detail.measures.map((m) => m.title)).toEqual(['Radio check-ins every 30 min', 'Two-vehicle convoys']);
    expect(detail.risk.measureCount).toBe(2);
    const unlinked = await call(core, 'risks.unlink', { riskId: a.id, measureId: radio.id, comment: '' });
    expect(unlinked.measures.map((m) => m.id)).toEqual([convoy.id]);
    expect(unlinked.reviews[0]).toMatchObject({ kind: 'measureUnlinked', changes: [{ field: 'measures', before: 'Radio check-ins every 30 min' }] });

    await call(core, 'risks.delete', { id: b.id });
    expect((await issuesOf('measures.create', { title: 'Orphan', type: 'deterrence', riskIds: [a.id, b.id] })).code).toBe('NOT_FOUND');
    expect((await call(core, 'measures.list', {})).rows.map((m) => m.title).sort()).toEqual(['Radio check-ins every 30 min', 'Two-vehicle convoys']);
    expect((await issuesOf('risks.link', { riskId: b.id, measureId: radio.id })).code).toBe('NOT_FOUND');
    expect((await call(core, 'measures.list', {})).rows.find((m) => m.id === convoy.id)?.riskIds).toEqual([a.id]);
  });

  it('groups, counts the heat map and lists changes since a date in the core', async () => {
    const a = await call(core, 'risks.create', carjacking);
    await call(core, 'risks.create', { ...carjacking, title: 'Flood', category: 'hazards', residualLikelihood: 1, residualImpact: 1 });
    await call(core, 'risks.create', { ...carjacking, title: 'Cholera', category: 'health', status: 'accepted' });
    const groups = await call(core, 'risks.groups', { by: 'category' });
    expect(groups).toEqual({ groups: [{ key: 'crime', count: 1 }, { key: 'hazards', count: 1 }, { key: 'health', count: 1 }], total: 3, overdue: 0 });
    expect((await call(core, 'risks.groups', { by: 'residualLevel' })).groups).toEqual([
      { key: 'high', count: 2 },
      { key: 'low', count: 1 },
    ]);
    const heat = await call(core, 'risks.heatmap', {});
    expect(heat.inherent[3]![3]).toBe(3);
    expect(heat.residual[2]![2]).toBe(2);
    expect(heat.residual[0]![0]).toBe(1);
    const filtered = await call(core, 'risks.list', {
      filterModel: {
        residualLikelihood: { filterType: 'number', type: 'equals', filter: 3 },
        residualImpact: { filterType: 'number', type: 'equals', filter: 3 },
      },
    });
    expect(filtered.rows.map((r) => r.title).sort()).toEqual(['Carjacking on the airport road', 'Cholera']);

    clock = new Date('2025-06-01T08:00:00Z');
    await call(core, 'risks.update', { ...carjacking, id: a.id, notes: 'only a note' });
    expect((await call(core, 'risks.changes', { since: '2025-05-01' })).risks).toEqual([]);
    await call(core, 'risks.update', { ...carjacking, id: a.id, residualImpact: 5 });
    const changes = await call(core, 'risks.changes', { since: '2025-05-01' });
    expect(changes.risks.map((c) => c.risk.reference)).toEqual(['R-001']);
    expect(changes.risks[0]!.reviews).toHaveLength(1);
    expect((await issuesOf('risks.changes', { since: '2025-13-01' })).code).toBe('VALIDATION');
  });

  it('changing the matrix recomputes levels and writes a review entry only for risks whose level changed', async () => {
    const moved = await call(core, 'risks.create', { ...carjacking, inherentLikelihood: 3, inherentImpact: 3, residualLikelihood: 3, residualImpact: 3 });
    const same = await call(core, 'risks.create', { ...carjacking, inherentLikelihood: 1, inherentImpact: 1, residualLikelihood: 1, residualImpact: 1 });
    expect(moved.inherentLevel).toBe('high');
    const config = await call(core, 'risks.setConfig', { preset: 'unSrm', comment: 'Aligned with UNDSS' });
    expect(config.matrix.preset).toBe('unSrm');
    const after = await call(core, 'risks.get', { id: moved.id });
    expect(after.risk).toMatchObject({ inherentLevel: 'medium', residualLevel: 'medium' });
    expect(after.reviews[0]).toMatchObject({ kind: 'matrixChanged', inherentLevelBefore: 'high', inherentLevelAfter: 'medium', comment: 'Aligned with UNDSS' });
    expect((await call(core, 'risks.get', { id: same.id })).reviews.map((r) => r.kind)).toEqual(['created']);
    // An edited cell counts too.
    const cells = config.matrix.cells.map((r) => [...r]);
    cells[2]![2] = 5;
    await call(core, 'risks.setConfig', { cells });
    expect((await call(core, 'risks.get', { id: moved.id })).risk.residualLevel).toBe('unacceptable');
    expect((await issuesOf('risks.setConfig', { cells: [[1, 2, 3, 4, 6], ...cells.slice(1)] })).code).toBe('VALIDATION');
  });
});

describe('risk register export', () => {
  it('writes a register XLSX with measures in a cell and coloured level cells, read back by openpyxl', async () => {
    const dir = tempDir('vigil-risks-');
    const a = await call(core, 'risks.create', carjacking);
    await call(core, 'measures.create', { title: 'Two-vehicle convoys', type: 'protection', riskIds: [a.id] });
    await call(core, 'measures.create', { title: 'No travel after dark', type: 'protection', riskIds: [a.id] });
    await call(core, 'risks.create', { ...carjacking, title: '=cmd|calc', residualLikelihood: 1, residualImpact: 1 });
    const target = path.join(dir, 'register.xlsx');
    const result = await call(core, 'risks.export', { format: 'xlsx', path: target, columns: ['reference', 'title', 'residualLevel', 'measureTitles'] });
    expect(result.rows).toBe(2);
    const script = `
import openpyxl, sys, json
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = [[c.value for c in r] for r in ws.iter_rows()]
fill = ws.cell(row=3, column=3).fill.fgColor.rgb
print(json.dumps({"rows": rows, "fill": fill, "fill2": ws.cell(row=4, column=3).fill.fgColor.rgb}))`;
    const read = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, target]).toString()) as { rows: unknown[][]; fill: string; fill2: string };
    expect(read.rows[0]![0]).toMatch(/^Security risk register — Test delegation — 2025-03-10$/);
    expect(read.rows.slice(1)).toEqual([
      ['Ref.', 'Risk', 'Residual level', 'Mitigation measures'],
      ['R-001', 'Carjacking on the airport road', 'High', expect.stringMatching(/Two-vehicle convoys/)],
      ['R-002', "'=cmd|calc", 'Low', null],
    ]);
    expect((read.rows[2]![3] as string).split('\n').sort()).toEqual(['No travel after dark', 'Two-vehicle convoys']);
    expect(read.fill).toBe('FFFF9800');
    expect(read.fill2).toBe('FF4CAF50');
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString()).toContain('register.xlsx: OK');
  });

  it('writes CSV in French', async () => {
    const dir = tempDir('vigil-risks-');
    await call(core, 'risks.create', carjacking);
    const result = await call(core, 'risks.export', { format: 'csv', path: path.join(dir, 'registre'), lang: 'fr', columns: ['reference', 'category', 'inherentLevel'] });
    expect(fs.readFileSync(result.path, 'utf8')).toBe('\ufeffRéf.,Catégorie,Niveau inhérent\nR-001,Criminalité,Très élevé\n');
  });
});

describe('risk register demo data', () => {
  it('seeds a fictional register with measures, some reviews overdue', async () => {
    const demo = await makeUnlockedCore({ demo: true });
    const page = await call(demo, 'risks.list', { endRow: 100 });
    expect(page.total).toBe(25);
    expect(page.rows.every((r) => r.title.endsWith('(demo)'))).toBe(true);
    expect(page.rows.filter((r) => r.reviewOverdue).length).toBeGreaterThan(2);
    expect((await call(demo, 'measures.list', {})).rows.length).toBe(15);
    expect((await call(demo, 'risks.heatmap', {})).total).toBe(25);
    demo.close();
  });
});
