import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { findChromium } from '../../../electron/core/report/renderPdf';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
const out = tempDir('vigil-rosters-export-');
let ids: { office: string; residence: string; gate: string; resGate: string; anna: string; bilal: string };

beforeAll(async () => {
  core = await makeUnlockedCore({ now: () => new Date('2026-10-01T08:00:00Z') });
  // Paris changes to winter time on 25 October 2026: events around it must keep their wall-clock times.
  await call(core, 'settings.update', { timeZone: 'Europe/Paris' });
  const office = await call(core, 'premises.create', { name: 'Central office', type: 'office' } as never);
  const residence = await call(core, 'premises.create', { name: 'Hill residence', type: 'residence' } as never);
  const gate = await call(core, 'rosters.posts.create', {
    premisesId: office.id,
    name: 'Office gate',
    code: 'OG',
    role: 'guard',
    shifts: [
      { label: 'Day', start: '07:00', end: '19:00', needed: 1 },
      { label: 'Night', start: '19:00', end: '07:00', needed: 1 },
    ],
  });
  const resGate = await call(core, 'rosters.posts.create', { premisesId: residence.id, name: 'Residence gate', code: 'RG', role: 'guard', shifts: [{ label: 'Night', start: '19:00', end: '07:00', needed: 1 }] });
  const anna = await call(core, 'rosters.staff.create', { name: 'Anna Okello', role: 'guard' });
  const bilal = await call(core, 'rosters.staff.create', { name: 'Bilal Haddad', role: 'guard' });
  ids = { office: office.id, residence: residence.id, gate: gate.id, resGate: resGate.id, anna: anna.id, bilal: bilal.id };
  await call(core, 'rosters.assign', { day: '2026-10-20', staffId: anna.id, postId: gate.id, shiftId: gate.shifts[0]!.id });
  await call(core, 'rosters.assign', { day: '2026-10-26', staffId: anna.id, postId: gate.id, shiftId: gate.shifts[0]!.id });
  await call(core, 'rosters.assign', { day: '2026-10-24', staffId: bilal.id, postId: resGate.id, shiftId: resGate.shifts[0]!.id });
  await call(core, 'rosters.assign', { day: '2026-10-20', staffId: bilal.id, postId: gate.id, shiftId: gate.shifts[1]!.id });
});
afterAll(() => core.close());

describe('roster iCalendar export', () => {
  it("writes one person's shifts in the delegation time zone with a VTIMEZONE", async () => {
    const file = path.join(out, 'anna.ics');
    const result = await call(core, 'rosters.export', { month: '2026-10', format: 'ics', staffId: ids.anna, path: file });
    expect(result.rows).toBe(2);
    const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')) as unknown[]);
    const vtz = cal.getFirstSubcomponent('vtimezone');
    expect(vtz?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    const zone = new ICAL.Timezone(vtz!);
    ICAL.TimezoneService.register(zone, 'Europe/Paris');
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const starts = events.map((e) => e.startDate.toJSDate().toISOString()).sort();
    // 07:00 in Paris is 05:00 UTC in summer time (20 Oct) and 06:00 UTC in winter time (26 Oct).
    expect(starts).toEqual(['2026-10-20T05:00:00.000Z', '2026-10-26T06:00:00.000Z']);
    expect(events[0]!.summary).not.toContain('Anna');
    expect(events[0]!.location).toBe('Central office');
  });

  it('without a person, writes every shift with the person in each event', async () => {
    const file = path.join(out, 'all.ics');
    const result = await call(core, 'rosters.export', { month: '2026-10', format: 'ics', path: file });
    expect(result.rows).toBe(4);
    const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')) as unknown[]);
    const zone = new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!);
    ICAL.TimezoneService.register(zone, 'Europe/Paris');
    const night = cal
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .find((e) => e.summary.startsWith('Bilal Haddad') && e.location === 'Hill residence')!;
    expect(night.summary).toContain('RG Residence gate');
    // A night shift starting on the 24th ends the next morning: 19:00 CEST to 07:00 CET.
    expect(night.startDate.toJSDate().toISOString()).toBe('2026-10-24T17:00:00.000Z');
    expect(night.endDate.toJSDate().toISOString()).toBe('2026-10-25T06:00:00.000Z');
  });

  it('refuses an unknown person and writes nothing', async () => {
    const file = path.join(out, 'nobody.ics');
    const r = await callRaw(core, 'rosters.export', { month: '2026-10', format: 'ics', staffId: '0190a0a0-0000-7000-8000-000000000000', path: file });
    expect(r.ok).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('roster XLSX export', () => {
  it('lays the month out as people by days, read back with openpyxl', async () => {
    const file = path.join(out, 'month.xlsx');
    await call(core, 'rosters.export', { month: '2026-10', format: 'xlsx', path: file });
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
print(json.dumps({"sheets": wb.sheetnames, "rows": rows}, default=str))
`;
    const read = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file]).toString()) as { sheets: string[]; rows: (string | number | null)[][] };
    expect(read.sheets).toEqual(['Roster', 'Codes']);
    const header = read.rows.find((r) => r[0] === 'Person')!;
    expect(header.length).toBe(2 + 31 + 1);
    expect(header[2]).toBe('01 Th');
    const anna = read.rows.find((r) => r[0] === 'Anna Okello')!;
    expect(anna[2 + 19]).toBe('OG Day');
    expect(anna[2 + 25]).toBe('OG Day');
    expect(anna.at(-1)).toBe(2);
    const bilal = read.rows.find((r) => r[0] === 'Bilal Haddad')!;
    expect(bilal[2 + 19]).toBe('OG Night');
    expect(bilal[2 + 23]).toBe('RG Night');
  });
});

describe.skipIf(!findChromium())('roster PDF export', () => {
  it('prints one page per premises, readable in black and white', async () => {
    const file = path.join(out, 'roster.pdf');
    const result = await call(core, 'rosters.export', { month: '2026-10', format: 'pdf', path: file });
    expect(result.pages).toBe(2);
    const pages = [1, 2].map((p) => execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-']).toString());
    expect(pages[0]).toContain('Central office');
    expect(pages[0]).toContain('Anna Okello');
    expect(pages[0]).toMatch(/20 Tu/);
    expect(pages[0]).toMatch(/OG · Day/);
    expect(pages[0]).toMatch(/OG · Night/);
    expect(pages[0]).toContain('Test delegation');
    expect(pages[1]).toContain('Hill residence');
    expect(pages[1]).toContain('RG · Night');
    expect(pages[1]).not.toContain('Office gate');
    const gray = path.join(out, 'gray');
    execFileSync('pdftoppm', ['-gray', '-r', '50', '-png', '-f', '1', '-l', '1', file, gray]);
    const png = fs.readdirSync(out).find((f) => f.startsWith('gray') && f.endsWith('.png'))!;
    expect(fs.statSync(path.join(out, png)).size).toBeGreaterThan(5000);
  }, 60_000);

  it('prints only the chosen premises', async () => {
    const file = path.join(out, 'residence.pdf');
    const result = await call(core, 'rosters.export', { month: '2026-10', format: 'pdf', premisesId: ids.residence, path: file });
    expect(result.pages).toBe(1);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Hill residence');
    expect(text).not.toContain('Central office');
  }, 60_000);
});
