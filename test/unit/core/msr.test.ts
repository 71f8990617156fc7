import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { MsrCompareSchema, MsrListSchema } from '../../../shared/contract/msr';
import { complianceSummary } from '../../../shared/domain/msrCompliance';
import { MSR_IFRC_ITEMS } from '../../../shared/presets/msrIfrc';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
let clock = new Date('2025-03-10T08:00:00Z');
beforeEach(async () => {
  clock = new Date('2025-03-10T08:00:00Z');
  core = await makeUnlockedCore({ now: () => clock });
});
afterEach(() => core.close());

async function itemByCode(code: string) {
  const { items } = await call(core, 'msr.list', {});
  const item = items.find((i) => i.code === code);
  if (!item) throw new Error(`${code} missing`);
  return item;
}

async function setStatus(code: string, status: 'compliant' | 'partial' | 'nonCompliant' | 'notApplicable' | 'notAssessed') {
  const item = await itemByCode(code);
  return call(core, 'msr.updateItem', { ...item, status });
}

describe('MSR compliance through dispatch', () => {
  it('seeds the IFRC preset on first use: parts 1-6, 5 to 8 items each, all not assessed', async () => {
    const list = MsrListSchema.parse(await call(core, 'msr.list', {}));
    expect(list.items).toHaveLength(MSR_IFRC_ITEMS.length);
    for (const part of [1, 2, 3, 4, 5, 6]) {
      const n = list.items.filter((i) => i.part === part).length;
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(8);
    }
    expect(list.items[0]).toMatchObject({ code: 'MSR-1.1', status: 'notAssessed', origin: 'preset' });
    expect(list.summary.overall.percent).toBe(0);
    // Seeded once: a second list adds nothing.
    expect((await call(core, 'msr.list', {})).items).toHaveLength(MSR_IFRC_ITEMS.length);
  });

  it('computes % per part and overall: partial counts half, not applicable is left out', async () => {
    const part6 = (await call(core, 'msr.list', {})).items.filter((i) => i.part === 6);
    expect(part6).toHaveLength(6);
    await setStatus('MSR-6.1', 'compliant');
    await setStatus('MSR-6.2', 'partial');
    await setStatus('MSR-6.3', 'notApplicable');
    await setStatus('MSR-6.4', 'nonCompliant');
    const { summary } = await call(core, 'msr.list', {});
    // 5 applicable items: 1 + 0.5 + 0 + 0 + 0 = 1.5 / 5 = 30 %.
    expect(summary.parts.find((p) => p.part === 6)).toMatchObject({ percent: 30, applicable: 5 });
    expect(summary.overall.applicable).toBe(MSR_IFRC_ITEMS.length - 1);
    expect(summary.overall.percent).toBe(Math.round((1.5 / (MSR_IFRC_ITEMS.length - 1)) * 1000) / 10);
    expect(complianceSummary([{ part: 1, status: 'notApplicable' }]).parts[0]!.percent).toBeNull();
  });

  it('adds organisation-specific items numbered ORG-<part>.<n> and refuses a taken code', async () => {
    const a = await call(core, 'msr.createItem', { part: 2, title: 'Cash distributions follow the cash SOP' });
    const b = await call(core, 'msr.createItem', { part: 2, title: 'Second' });
    expect([a.code, b.code, a.origin]).toEqual(['ORG-2.1', 'ORG-2.2', 'custom']);
    const taken = await callRaw(core, 'msr.createItem', { part: 1, code: 'MSR-1.1', title: 'Duplicate' });
    expect(taken.ok ? null : taken.error.code).toBe('CONFLICT');
    const badPart = await callRaw(core, 'msr.createItem', { part: 7, title: 'No such part' });
    expect(badPart.ok ? null : badPart.error.code).toBe('VALIDATION');
  });

  it('stores evidence inside the database and refuses a file over 10 MB without changing the item', async () => {
    const dir = tempDir();
    const small = path.join(dir, 'regulations.pdf');
    fs.writeFileSync(small, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 32)]));
    const item = await itemByCode('MSR-2.1');
    const withFile = await call(core, 'msr.attachEvidence', { id: item.id, file: small });
    expect(withFile.evidenceFile).toMatchObject({ name: 'regulations.pdf', mime: 'application/pdf', size: 2009 });

    const big = path.join(dir, 'scan.pdf');
    fs.writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1));
    const refused = await callRaw(core, 'msr.attachEvidence', { id: item.id, file: big });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('VALIDATION');
      expect(refused.error.message).toMatch(/at most 10 MB/);
    }
    expect((await itemByCode('MSR-2.1')).evidenceFile?.name).toBe('regulations.pdf');

    // The bytes live in the vault, not next to it: the original can go.
    fs.rmSync(dir, { recursive: true });
    expect((await itemByCode('MSR-2.1')).evidenceFile?.size).toBe(2009);
    expect((await call(core, 'msr.removeEvidence', { id: item.id })).evidenceFile).toBeNull();
  });

  it('links measures many-to-many, refuses a deleted measure and drops links when a measure is deleted', async () => {
    const m1 = await call(core, 'measures.create', { title: 'Relocation plan tested', type: 'protection' });
    const m2 = await call(core, 'measures.create', { title: 'Radio check-ins', type: 'protection' });
    const item = await itemByCode('MSR-3.1');
    const other = await itemByCode('MSR-4.5');
    const linked = await call(core, 'msr.updateItem', { ...item, status: 'partial', measureIds: [m1.id, m2.id] });
    await call(core, 'msr.updateItem', { ...other, measureIds: [m2.id] });
    expect(linked.measureTitles).toEqual(['Radio check-ins', 'Relocation plan tested']);

    await call(core, 'measures.delete', { id: m1.id });
    const after = await itemByCode('MSR-3.1');
    expect(after.measureIds).toEqual([m2.id]);
    const refused = await callRaw(core, 'msr.updateItem', { ...after, status: 'compliant', measureIds: [m1.id, m2.id] });
    expect(refused.ok ? null : refused.error.code).toBe('VALIDATION');
    // Nothing half-saved: the status did not change either.
    expect((await itemByCode('MSR-3.1')).status).toBe('partial');
  });

  it('takes dated snapshots and compares the latest with the previous one', async () => {
    await setStatus('MSR-1.1', 'partial');
    await setStatus('MSR-1.2', 'compliant');
    const first = await call(core, 'msr.snapshot', { note: 'Q1' });
    clock = new Date('2025-06-10T08:00:00Z');
    await setStatus('MSR-1.1', 'compliant');
    await setStatus('MSR-1.2', 'nonCompliant');
    await setStatus('MSR-1.3', 'notApplicable');
    const added = await call(core, 'msr.createItem', { part: 5, title: 'Drivers briefed on the new curfew' });
    const second = await call(core, 'msr.snapshot', { note: 'Q2' });

    const compare = MsrCompareSchema.parse(await call(core, 'msr.compare', {}));
    expect(compare.current?.id).toBe(second.id);
    expect(compare.previous?.id).toBe(first.id);
    const byCode = Object.fromEntries(compare.changes.map((c) => [c.code, c]));
    expect(byCode['MSR-1.1']).toMatchObject({ before: 'partial', after: 'compliant', direction: 'improved' });
    expect(byCode['MSR-1.2']).toMatchObject({ before: 'compliant', after: 'nonCompliant', direction: 'worsened' });
    expect(byCode['MSR-1.3']).toMatchObject({ direction: 'changed' });
    expect(byCode[added.code]).toMatchObject({ before: null, direction: 'added' });
    expect(compare.changes[0]!.direction).toBe('worsened');
    expect((await call(core, 'msr.compare', { id: first.id })).previous).toBeNull();
    expect((await call(core, 'msr.snapshots', {})).rows.map((s) => s.note)).toEqual(['Q2', 'Q1']);
  });

  it('exports the checklist as XLSX that an independent reader can open', async () => {
    await setStatus('MSR-1.1', 'compliant');
    const out = path.join(tempDir(), 'msr.xlsx');
    const result = await call(core, 'msr.export', { format: 'xlsx', path: out, lang: 'fr' });
    expect(result.rows).toBe(MSR_IFRC_ITEMS.length);
    const rows = JSON.parse(
      execFileSync('/usr/bin/python3', [
        '-c',
        'import json,sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([[c for c in r] for r in ws.iter_rows(values_only=True)]))',
        out,
      ]).toString(),
    ) as unknown[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['Partie', 'Élément', 'Exigence', 'Statut']);
    expect(rows[1]!.slice(0, 2)).toEqual(['1. Identification et évaluation des risques', 'MSR-1.1']);
    expect(rows[1]![3]).toBe('Conforme');
  });
});
