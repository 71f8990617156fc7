import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { PlanSchema } from '../../../shared/contract/plans';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
let clock = new Date('2025-03-10T08:00:00Z');
const dir = tempDir('vigil-plans-');
beforeEach(async () => {
  clock = new Date('2025-03-10T08:00:00Z');
  core = await makeUnlockedCore({ now: () => clock });
});
afterEach(() => core.close());

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

describe('security plans through dispatch', () => {
  it('creates a plan due for review in 6 months, keeps numbered versions inside the vault, and writes one back out', async () => {
    const plan = await call(core, 'plans.create', { kind: 'relocation', title: 'Relocation plan Port Amarel', owner: 'Head of delegation' });
    expect(PlanSchema.parse(plan)).toMatchObject({ reviewDue: '2025-09-10', reviewOverdue: false, mustBeTested: true, testedOn: null, versions: [] });
    await call(core, 'plans.addVersion', { planId: plan.id, file: file('relocation-v1.pdf', '%PDF-1.4 first'), note: 'Draft' });
    const v2 = await call(core, 'plans.addVersion', { planId: plan.id, file: file('relocation-v2.pdf', '%PDF-1.4 second'), note: 'After exercise' });
    expect(v2.versions.map((v) => [v.version, v.fileName, v.mime, v.uploadedBy])).toEqual([
      [2, 'relocation-v2.pdf', 'application/pdf', 'Amina Diallo'],
      [1, 'relocation-v1.pdf', 'application/pdf', 'Amina Diallo'],
    ]);
    const out = path.join(tempDir('vigil-plans-out-'), 'copy.pdf');
    const written = await call(core, 'plans.downloadVersion', { versionId: v2.versions[1]!.id, path: out });
    expect(fs.readFileSync(written.path, 'utf8')).toBe('%PDF-1.4 first');
    expect(fs.readFileSync(path.join(path.dirname(out), 'SHA256SUMS'), 'utf8')).toContain('copy.pdf');
  });

  it('marks overdue reviews, approval restarts the cycle, and refuses bad input with nothing saved', async () => {
    const plan = await call(core, 'plans.create', { kind: 'medicalEvacuation', title: 'MEDEVAC', reviewDue: '2025-04-01' });
    clock = new Date('2025-04-02T08:00:00Z');
    expect(await call(core, 'plans.list', {})).toMatchObject({ overdue: 1, rows: [{ id: plan.id, reviewOverdue: true }] });
    expect(await callRaw(core, 'plans.approve', { id: plan.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await call(core, 'plans.addVersion', { planId: plan.id, file: file('medevac.docx', 'doc') });
    const approved = await call(core, 'plans.approve', { id: plan.id, approvedBy: 'Head of delegation' });
    expect(approved).toMatchObject({ approvedBy: 'Head of delegation', approvedOn: '2025-04-02', reviewDue: '2025-10-02', reviewOverdue: false });
    expect(await call(core, 'plans.list', {})).toMatchObject({ overdue: 0 });

    expect(await callRaw(core, 'plans.create', { kind: 'welcomeBrief', title: '', reviewDue: '2025-02-30' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callRaw(core, 'plans.addVersion', { planId: plan.id, file: file('empty.pdf', '') })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const big = file('big.pdf', Buffer.alloc(25 * 1024 * 1024 + 1));
    const tooBig = await callRaw(core, 'plans.addVersion', { planId: plan.id, file: big });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('25 MB') } });
    expect((await call(core, 'plans.list', {})).rows[0]!.versions).toHaveLength(1);
  });

  it('links MSR items to the plan that satisfies them and exports the register as CSV', async () => {
    const items = await call(core, 'msr.list', {});
    const itemIds = items.items.slice(0, 2).map((i) => i.id);
    const plan = await call(core, 'plans.create', { kind: 'criticalIncident', title: 'CIM plan', msrItemIds: itemIds, testedOn: '2025-02-01' });
    expect(plan.msrItems.map((i) => i.id).sort()).toEqual([...itemIds].sort());
    expect(await callRaw(core, 'plans.update', { ...plan, msrItemIds: ['0190a0a0-0000-7000-8000-000000000000'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const out = path.join(tempDir('vigil-plans-csv-'), 'plans.csv');
    const result = await call(core, 'plans.export', { format: 'csv', path: out, lang: 'fr' });
    expect(result.rows).toBe(1);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv).toContain('Plan de gestion des incidents critiques');
    expect(csv).toContain('Révision prévue');
    await call(core, 'plans.delete', { id: plan.id });
    expect((await call(core, 'plans.list', {})).rows).toHaveLength(0);
  });
});
