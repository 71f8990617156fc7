import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/core/report/renderPdf';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let clock = new Date('2026-12-03T09:00:00.000Z'); // 12:00 in Nairobi (UTC+3)
let core: Core;

beforeEach(async () => {
  clock = new Date('2026-12-03T09:00:00.000Z');
  core = await makeUnlockedCore({ now: () => clock });
});
afterEach(() => core.close());

const person = (over: Record<string, unknown> = {}) => ({ name: 'Nadia Okafor', category: 'staff_international' as const, status: 'in_country' as const, ...over });

describe('people', () => {
  it('creates, reads and updates a person, with briefings and trainings', async () => {
    const p = await call(core, 'people.create', person({ phones: ['+000 555 0101'], bloodGroup: 'O+', arrivalAt: '2026-12-01T08:00:00.000Z' }));
    expect(p).toMatchObject({ name: 'Nadia Okafor', bloodGroup: 'O+', notBriefed: true });
    expect(p.trainingFlags).toEqual([{ course: 'stay_safe_basic', state: 'missing', expiresOn: null }]);
    await call(core, 'people.addBriefing', { personId: p.id, at: '2026-12-02T10:00:00.000Z', by: 'Amina Diallo', kind: 'welcome' });
    await call(core, 'people.saveTraining', { personId: p.id, course: 'stay_safe_basic', completedOn: '2025-01-10', expiresOn: '2028-01-10' });
    await call(core, 'people.saveTraining', { personId: p.id, course: 'heat', completedOn: '2023-01-10', expiresOn: '2026-11-30' });
    await call(core, 'people.saveTraining', { personId: p.id, course: 'first_aid', completedOn: '2024-01-10', expiresOn: '2027-01-20' });
    const d = await call(core, 'people.get', { id: p.id });
    expect(d.notBriefed).toBe(false);
    expect(d.briefings).toHaveLength(1);
    expect(d.trainingFlags).toEqual(
      expect.arrayContaining([
        { course: 'heat', state: 'expired', expiresOn: '2026-11-30' },
        { course: 'first_aid', state: 'expiring', expiresOn: '2027-01-20' },
      ]),
    );
    expect(d.trainingFlags).toHaveLength(2);
    const u = await call(core, 'people.update', { ...person(), id: p.id, position: 'Field officer' });
    expect(u.position).toBe('Field officer');
  });

  it('flags a newcomer only once 24 h have passed without a briefing', async () => {
    const p = await call(core, 'people.create', person({ arrivalAt: '2026-12-02T10:00:00.000Z' }));
    expect(p.notBriefed).toBe(false); // 23 h
    clock = new Date('2026-12-03T10:00:01.000Z');
    expect((await call(core, 'people.board', {})).notBriefed.map((x) => x.id)).toEqual([p.id]);
  });

  it('counts who is in country by local day around midnight', async () => {
    // 22:30 UTC on 3 December is 01:30 on 4 December in Nairobi.
    clock = new Date('2026-12-03T20:30:00.000Z'); // 23:30 local on the 3rd
    const late = await call(core, 'people.create', person({ name: 'Late Arrival', arrivalAt: '2026-12-03T22:30:00.000Z' }));
    await call(core, 'people.create', person({ name: 'Gone', status: 'left', arrivalAt: '2026-01-01T00:00:00.000Z' }));
    await call(core, 'people.create', person({ name: 'Here', arrivalAt: '2026-11-01T00:00:00.000Z' }));
    await call(core, 'people.create', person({ name: 'Departed', arrivalAt: '2026-11-01T00:00:00.000Z', departureAt: '2026-12-03T10:00:00.000Z' }));
    let now = await call(core, 'people.inCountry', {});
    expect(now.today).toBe('2026-12-03');
    expect(now.total).toBe(1);
    clock = new Date('2026-12-03T21:00:00.000Z'); // 00:00 local on the 4th: the late arrival's day has come
    now = await call(core, 'people.inCountry', {});
    expect(now.today).toBe('2026-12-04');
    expect(now.groups.flatMap((g) => g.residences.flatMap((r) => r.people.map((x) => x.id)))).toContain(late.id);
    expect(now.total).toBe(2);
  });

  it('refuses bad input with a clear message', async () => {
    const bad = await callRaw(core, 'people.create', person({ bloodGroup: 'Z+' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const dep = await callRaw(core, 'people.create', person({ category: 'dependant' }));
    expect(dep).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const order = await callRaw(core, 'people.create', person({ arrivalAt: '2026-12-03T00:00:00.000Z', departureAt: '2026-12-01T00:00:00.000Z' }));
    expect(order).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await callRaw(core, 'people.create', person({ category: 'dependant', dependantOfId: '01900000-0000-7000-8000-000000000000' }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('no longer exists') } });
    const training = await callRaw(core, 'people.saveTraining', { personId: '01900000-0000-7000-8000-000000000000', course: 'heat', completedOn: '2026-02-30' });
    expect(training).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call(core, 'people.list', {})).total).toBe(0);
  });

  it('purges people who left long ago, keeping no personal data in the audit trail', async () => {
    const old = await call(core, 'people.create', person({ name: 'Long Gone', status: 'left', arrivalAt: '2024-01-01T00:00:00.000Z', departureAt: '2025-06-01T00:00:00.000Z' }));
    await call(core, 'people.create', person({ name: 'Recently Left', status: 'left', arrivalAt: '2025-01-01T00:00:00.000Z', departureAt: '2026-10-01T00:00:00.000Z' }));
    const preview = await call(core, 'people.purgePreview', { olderThanMonths: 12 });
    expect(preview.people.map((p) => p.name)).toEqual(['Long Gone']);
    expect(preview.cutoff).toBe('2025-12-03');
    const purged = await call(core, 'people.purge', { olderThanMonths: 12 });
    expect(purged.people.map((p) => p.id)).toEqual([old.id]);
    expect((await call(core, 'people.list', {})).total).toBe(1);
    const audit = await call(core, 'audit.list', {});
    const entry = audit.rows.find((r) => r.action === 'purge');
    expect(entry?.after).toEqual({ olderThanMonths: 12, cutoff: '2025-12-03', count: 1, ids: [old.id] });
    expect(JSON.stringify(entry)).not.toContain('Long Gone');
  });

  it('leaves restricted fields out of exports unless asked', async () => {
    await call(core, 'people.create', person({ bloodGroup: 'AB-', emergencyContact: 'Sister, +000 555 0199', arrivalAt: '2026-11-01T00:00:00.000Z' }));
    const dir = tempDir();
    const plain = path.join(dir, 'people.csv');
    await call(core, 'people.export', { format: 'csv', path: plain });
    const text = fs.readFileSync(plain, 'utf8');
    expect(text).toContain('Nadia Okafor');
    expect(text).not.toContain('AB-');
    expect(text).not.toContain('Blood group');
    const full = path.join(dir, 'full.csv');
    await call(core, 'people.export', { format: 'csv', path: full, includeRestricted: true, inCountry: true });
    expect(fs.readFileSync(full, 'utf8')).toContain('AB-');
  });

  it.skipIf(!findChromium())('prints the one-page headcount PDF (checked with pdftotext)', async () => {
    await call(core, 'people.create', person({ arrivalAt: '2026-11-01T00:00:00.000Z', residenceAddress: '12 Harbour Road' }));
    await call(core, 'people.create', person({ name: 'Not Yet Here', arrivalAt: '2026-12-10T00:00:00.000Z' }));
    const out = path.join(tempDir(), 'headcount.pdf');
    const res = await call(core, 'people.export', { format: 'pdf', path: out });
    expect(res.rows).toBe(1);
    const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
    expect(text).toContain('Headcount: who is in country now');
    expect(text).toContain('1 person in country');
    expect(text).toContain('Nadia Okafor');
    expect(text).toContain('12 Harbour Road');
    expect(text).not.toContain('Not Yet Here');
    expect(execFileSync('pdfinfo', [out]).toString()).toMatch(/Pages:\s+1/);
  }, 60_000);
});
