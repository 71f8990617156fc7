import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoverTables } from '../../../electron/core/backup/handover';
import { findChromium } from '../../../electron/core/report/renderPdf';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, PASSPHRASE, tempDir } from '../helpers/testCore';
import { dumpVault, type TableRows } from '../helpers/backupDump';

const PASSWORD = 'successor-gets-this-42';
/** 7-Zip (p7zip-full, build/install-system-deps.sh) reads the pack: a different reader than the writer. */
const has7z = spawnSync('7z', ['i'], { stdio: 'ignore' }).status === 0;
const cores: Core[] = [];
let source: Core;
let sourceRows: TableRows;
const out = tempDir('vigil-handover-');

async function freshCore(): Promise<Core> {
  const core = await makeUnlockedCore({ idleCheckMs: 0, backupCheckMs: 0 } as never);
  cores.push(core);
  return core;
}

beforeAll(async () => {
  source = await makeUnlockedCore({ demo: true, idleCheckMs: 0, backupCheckMs: 0 } as never);
  cores.push(source);
  sourceRows = await dumpVault(source.dataDir, PASSPHRASE);
}, 60_000);
afterAll(() => cores.forEach((c) => c.close()));

const ids = (rows: unknown[] | undefined) => (rows ?? []).map((r) => (r as { id: string }).id);

describe('handover pack', () => {
  it('with --include-restricted: a fresh vault gets every record of every handover table, same ids', async () => {
    const file = path.join(out, 'full.zip');
    const made = await call(source, 'handover.export', { path: file, password: PASSWORD, includeRestricted: true });
    expect(made.verified).toBe(true);
    expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toContain(`${made.sha256}  full.zip`);
    // The pack is an AES-256 ZIP that 7-Zip opens with the password and only with it.
    if (has7z) {
      const index = JSON.parse(execFileSync('7z', ['x', '-so', `-p${PASSWORD}`, file, 'index.json'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
      expect(index).toMatchObject({ format: 'vigil-handover', includeRestricted: true });
      expect(execFileSync('7z', ['l', '-slt', `-p${PASSWORD}`, file]).toString()).toMatch(/Method = AES-256/);
      expect(() => execFileSync('7z', ['x', '-so', '-pwrong-password', file, 'index.json'], { stdio: 'pipe' })).toThrow();
    }

    const target = await freshCore();
    const imported = await call(target, 'handover.import', { path: file, password: PASSWORD });
    expect(imported.total).toBeGreaterThan(500);
    const after = await dumpVault(target.dataDir, PASSPHRASE);
    const tables = handoverTables().filter((t) => t in sourceRows);
    expect(tables).toEqual(expect.arrayContaining(['areas', 'risks', 'measures', 'risk_reviews', 'msr_items', 'plans', 'contacts', 'organisations', 'interactions', 'premises', 'inspections', 'corrective_actions', 'equipment', 'people', 'briefings', 'trainings', 'movements', 'incidents', 'daily_log_entries']));
    for (const table of tables) expect(after[table], table).toEqual(sourceRows[table]);
    expect((await call(target, 'audit.verify', {})).ok).toBe(true);
    expect(made.index.leftOut.join('\n')).not.toMatch(/sensitive contacts left out/);
  }, 60_000);

  it('without it: sensitive contacts, restricted incidents and their rows stay out, and the index says so', async () => {
    const file = path.join(out, 'default.zip');
    const made = await call(source, 'handover.export', { path: file, password: PASSWORD, includeRestricted: false });
    const sensitive = (sourceRows.contacts as Array<{ id: string; sensitive: number }>).filter((c) => c.sensitive === 1);
    const restricted = (sourceRows.incidents as Array<{ id: string; confidentiality: string }>).filter((i) => i.confidentiality === 'restricted');
    expect(sensitive.length).toBeGreaterThan(0);
    expect(restricted.length).toBeGreaterThan(0);
    expect(made.index.leftOut).toContain(`${sensitive.length} sensitive contacts left out`);
    expect(made.index.leftOut).toContain(`${restricted.length} restricted incidents left out`);
    expect(made.index.tables.find((t) => t.table === 'contacts')).toMatchObject({ leftOut: sensitive.length, included: sourceRows.contacts!.length - sensitive.length });

    const target = await freshCore();
    await call(target, 'handover.import', { path: file, password: PASSWORD });
    const after = await dumpVault(target.dataDir, PASSPHRASE);
    expect(ids(after.contacts)).not.toEqual(expect.arrayContaining([sensitive[0]!.id]));
    expect(ids(after.incidents)).not.toEqual(expect.arrayContaining([restricted[0]!.id]));
    expect(after.contacts).toHaveLength(sourceRows.contacts!.length - sensitive.length);
    expect(after.incidents).toHaveLength(sourceRows.incidents!.length - restricted.length);
    const sensitiveIds = new Set(sensitive.map((c) => c.id));
    expect((after.interactions as Array<{ contact_id: string }>).some((i) => sensitiveIds.has(i.contact_id))).toBe(false);
    // Restricted personal fields are blanked; everything else about a person travels exactly.
    for (const person of after.people as Array<Record<string, unknown>>) {
      expect(person.blood_group).toBeNull();
      const original = (sourceRows.people as Array<Record<string, unknown>>).find((p) => p.id === person.id)!;
      expect({ ...person, blood_group: original.blood_group, passport_expiry: original.passport_expiry, emergency_contact: original.emergency_contact }).toEqual(original);
    }
    // Tables without restricted rows come over exactly.
    for (const table of ['risks', 'premises', 'areas', 'movements', 'equipment']) expect(after[table], table).toEqual(sourceRows[table]);
  }, 60_000);

  it.skipIf(!findChromium() || !has7z)('puts index.pdf in the pack listing what was left out', async () => {
    const file = path.join(out, 'default.zip');
    const pdf = path.join(out, 'index.pdf');
    fs.writeFileSync(pdf, execFileSync('7z', ['x', '-so', `-p${PASSWORD}`, file, 'index.pdf'], { stdio: ['ignore', 'pipe', 'ignore'] }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('Handover pack');
    expect(text).toMatch(/\d+ sensitive contacts left out/);
    expect(text).toContain('FICTIONAL DEMO DATA');
  }, 60_000);

  it('refuses a wrong password, and a vault that already holds records, changing nothing', async () => {
    const file = path.join(out, 'default.zip');
    const target = await freshCore();
    const wrong = await callRaw(target, 'handover.import', { path: file, password: 'not-the-password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Wrong handover password. Nothing was changed.' } });
    expect((await call(target, 'premises.list', { endRow: 10 })).total).toBe(0);
    await call(target, 'premises.create', { name: 'Our own office', type: 'office' });
    const busy = await callRaw(target, 'handover.import', { path: file, password: PASSWORD });
    expect(busy).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('new, empty vault') } });
    expect((await call(target, 'premises.list', { endRow: 10 })).rows.map((r) => r.name)).toEqual(['Our own office']);
    expect(await callRaw(target, 'handover.export', { path: path.join(out, 'x.zip'), password: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  }, 60_000);
});
