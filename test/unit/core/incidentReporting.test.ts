import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let clock: Date;
let core: Core;

beforeEach(async () => {
  clock = new Date('2026-12-03T10:00:00.000Z');
  core = await makeUnlockedCore({ now: () => clock });
});
afterEach(() => core.close());

const incident = (over: Record<string, unknown> = {}) => call(core, 'incidents.create', { date: '2026-11', category: 'Armed robbery', placeName: 'Dunmore', ...over });

describe('incident reporting deadlines', () => {
  it('counts from recording, marks overdue reports in the grid and on the board, and clears them when done', async () => {
    const i = await incident({ severity: 'critical' });
    expect(i.overdueReports).toEqual([]);
    clock = new Date('2026-12-03T11:30:00.000Z');
    const rows = (await call(core, 'incidents.list', { startRow: 0, endRow: 10 })).rows;
    expect(rows[0]!.overdueReports).toEqual(['manager']);
    expect((await call(core, 'incidents.reportingBoard', {})).overdueCount).toBe(1);
    const r = await call(core, 'incidents.recordReport', { id: i.id, kind: 'manager' });
    expect(r.deadlines.find((d) => d.kind === 'manager')).toMatchObject({ status: 'done_late', doneAt: '2026-12-03T11:30:00.000Z' });
    clock = new Date('2026-12-04T10:00:01.000Z');
    expect((await call(core, 'incidents.get', { id: i.id })).overdueReports).toEqual(['written']);
    await call(core, 'incidents.recordReport', { id: i.id, kind: 'written', at: '2026-12-04T09:00:00.000Z' });
    await call(core, 'incidents.recordReport', { id: i.id, kind: 'regional', at: '2026-12-04T09:30:00.000Z' });
    expect((await call(core, 'incidents.reportingBoard', {})).overdueCount).toBe(0);
  });

  it('uses the deadline hours from the settings and refuses bad report times', async () => {
    await call(core, 'incidents.updateReportingSettings', { manager: 3, regional: 48, written: 24 });
    const i = await incident();
    clock = new Date('2026-12-03T12:00:00.000Z');
    expect((await call(core, 'incidents.get', { id: i.id })).overdueReports).toEqual([]);
    expect(await callRaw(core, 'incidents.recordReport', { id: i.id, kind: 'written' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callRaw(core, 'incidents.recordReport', { id: i.id, kind: 'manager', at: '2026-12-09T00:00:00.000Z' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call(core, 'incidents.get', { id: i.id })).managerReportedAt).toBeNull();
  });
});

describe('incident attachments', () => {
  it('stores a file inside the vault, saves it back byte for byte, and deletes it', async () => {
    const i = await incident();
    const dir = tempDir();
    const src = path.join(dir, 'photo of checkpoint.jpg');
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
    fs.writeFileSync(src, bytes);
    const a = await call(core, 'incidents.addAttachment', { incidentId: i.id, file: src });
    expect(a).toMatchObject({ name: 'photo of checkpoint.jpg', mime: 'image/jpeg', size: bytes.length });
    fs.rmSync(src);
    const out = path.join(dir, 'copy.jpg');
    await call(core, 'incidents.saveAttachment', { id: a.id, path: out });
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
    expect(await call(core, 'incidents.attachments', { incidentId: i.id })).toHaveLength(1);
    await call(core, 'incidents.deleteAttachment', { id: a.id });
    expect(await call(core, 'incidents.attachments', { incidentId: i.id })).toEqual([]);
  });

  it('refuses a file over 25 MB with a clear message, attaching nothing', async () => {
    const i = await incident();
    const src = path.join(tempDir(), 'video.mp4');
    fs.writeFileSync(src, '');
    fs.truncateSync(src, 26 * 1024 * 1024);
    const r = await callRaw(core, 'incidents.addAttachment', { incidentId: i.id, file: src });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('at most 25 MB') } });
    expect(await call(core, 'incidents.attachments', { incidentId: i.id })).toEqual([]);
  });
});
