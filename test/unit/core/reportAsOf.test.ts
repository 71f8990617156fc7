import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, makeUnlockedCore } from '../helpers/testCore';

// The periodic report shows the risk register, MSR compliance and open movements as they stood at the end of
// the period, not as they are when the report is written. Delegation time zone: Africa/Nairobi (UTC+3), so
// Q2 2026 ends at 2026-06-30T21:00Z.
let core: Core;
let clock = new Date('2026-05-10T08:00:00Z');
beforeEach(async () => {
  clock = new Date('2026-05-10T08:00:00Z');
  core = await makeUnlockedCore({ now: () => clock });
});
afterEach(() => core.close());

const risk = {
  title: 'Carjacking on the airport road',
  category: 'crime',
  inherentLikelihood: 5,
  inherentImpact: 5,
  residualLikelihood: 4,
  residualImpact: 4,
  owner: 'Head of logistics',
};

/** The HTML of one section of a report preview. */
async function section(kind: 'weekly' | 'quarterly', period: string, id: string, lang: 'en' | 'fr' | 'es' | 'ar' = 'en'): Promise<string> {
  const preview = await call(core, 'reports.preview', { kind, period, lang, disabled: [] });
  const found = new RegExp(`<section data-section="${id}">[\\s\\S]*?</section>`).exec(preview.html);
  if (!found) throw new Error(`no ${id} section`);
  return found[0];
}

/** The cells of the table row that starts with `first`, as text. */
function row(html: string, first: string): string[] {
  const tr = new RegExp(`<tr><td[^>]*>${first}</td>[\\s\\S]*?</tr>`).exec(html);
  if (!tr) throw new Error(`no row ${first}`);
  return [...tr[0].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
}

/** Residual heat-map counts, top row (likelihood 5) first, as the report draws them. */
function heat(html: string): string[][] {
  const table = /<table class="heatmap"[^>]*>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1]!;
  return [...table.matchAll(/<tr><th>[\s\S]*?<\/tr>/g)].map((r) => [...r[0].matchAll(/<td[^>]*>(\d*)<\/td>/g)].map((m) => m[1]!));
}

describe('periodic report: state at the end of the period', () => {
  it('shows a risk lowered after the period with its level at the end, leaves out later risks and says deleted ones are not shown', async () => {
    const a = await call(core, 'risks.create', risk);
    const b = await call(core, 'risks.create', { ...risk, title: 'Flood of the warehouse', residualLikelihood: 2, residualImpact: 2 });
    clock = new Date('2026-06-15T08:00:00Z');
    const june = await call(core, 'risks.update', { ...risk, id: a.id, residualLikelihood: 3, comment: 'Convoys' });
    clock = new Date('2026-07-10T08:00:00Z');
    const july = await call(core, 'risks.update', { ...risk, id: a.id, residualLikelihood: 1, residualImpact: 1, status: 'mitigated', comment: 'Armoured car' });
    expect(july.residualLevel).not.toBe(june.residualLevel);
    await call(core, 'risks.create', { ...risk, title: 'Created in July' });
    await call(core, 'risks.delete', { id: b.id });
    clock = new Date('2026-10-15T08:00:00Z');

    const q2 = await section('quarterly', '2026-Q2', 'risks');
    expect(q2).toContain('State as of the end of \u20662026-06-30\u2069 (\u2066Africa/Nairobi\u2069).');
    expect(q2).toContain('Heat map at the end of the period (residual risk)');
    const levels = { low: 'Low', medium: 'Medium', high: 'High', veryHigh: 'Very high', unacceptable: 'Unacceptable' };
    // Reference, title, status, inherent level, residual level: as they were on 30 June.
    const register = (html: string) => html.slice(html.indexOf('<h3>Risks at the end of the period</h3>'));
    expect(row(register(q2), a.reference)).toEqual([a.reference, risk.title, 'Open', levels[june.inherentLevel], levels[june.residualLevel]]);
    expect(q2).not.toContain('Created in July');
    // Created and changed in the period: "new" before, June's level after (not July's).
    expect(row(q2, a.reference).slice(2, 4)).toEqual(['New', levels[june.residualLevel]]);
    // The risk deleted in July existed on 30 June but cannot be shown: the section says so.
    expect(q2).not.toContain('Flood of the warehouse');
    expect(q2).toContain('Deleted risks are not shown (the register does not keep them). Deleted after the end of the period: 1.');
    expect(q2).toContain('Risks in the register: 1');
    // Heat map: one risk at likelihood 3 x impact 4 (rows likelihood 5..1, columns impact 1..5).
    const cells = heat(q2);
    expect(cells[2]![3]).toBe('1');
    expect(cells.flat().filter(Boolean)).toEqual(['1']);

    // Q3 (also over): the July state, with the risk created in July.
    const q3 = await section('quarterly', '2026-Q3', 'risks');
    expect(row(register(q3), a.reference)[2]).toBe('Mitigated');
    expect(row(register(q3), a.reference)[4]).toBe(levels[july.residualLevel]);
    // Changed in Q3: from June's level to July's.
    expect(row(q3, a.reference).slice(2, 4)).toEqual([levels[june.residualLevel], levels[july.residualLevel]]);
    expect(q3).toContain('Created in July');
    expect(q3).toContain('Deleted after the end of the period: 0.');

    // Q4 is not over on 15 October: the state at the time of writing, said so.
    const q4 = await section('quarterly', '2026-Q4', 'risks');
    expect(q4).toContain('State at the time of writing: \u20662026-10-15 11:00\u2069 (\u2066Africa/Nairobi\u2069); the period is not over yet.');
    expect(q4).toContain('Heat map at the time of writing (residual risk)');
    expect(q4).not.toContain('Deleted risks are not shown');

    // Every language says which date the state refers to.
    expect(await section('quarterly', '2026-Q2', 'risks', 'fr')).toContain('État à la fin du \u20662026-06-30\u2069');
    expect(await section('quarterly', '2026-Q2', 'risks', 'es')).toContain('Estado al final del \u20662026-06-30\u2069');
    expect(await section('quarterly', '2026-Q2', 'risks', 'ar')).toContain('الحالة في نهاية يوم \u20662026-06-30\u2069');
  });

  it('takes MSR compliance from the latest snapshot before the end, else the current state with a clear note', async () => {
    const { items } = await call(core, 'msr.list', {});
    const [first, second] = items;
    clock = new Date('2026-06-20T08:00:00Z');
    await call(core, 'msr.updateItem', { ...first!, status: 'compliant' });
    await call(core, 'msr.updateItem', { ...second!, status: 'nonCompliant' });
    const june = await call(core, 'msr.snapshot', { note: 'June assessment' });
    clock = new Date('2026-07-05T08:00:00Z');
    await call(core, 'msr.updateItem', { ...second!, status: 'compliant' });
    const now = (await call(core, 'msr.list', {})).summary.overall.percent;
    expect(now).not.toBe(june.summary.overall.percent);
    await call(core, 'msr.snapshot', { note: 'July assessment' });
    clock = new Date('2026-10-15T08:00:00Z');

    const q2 = await section('quarterly', '2026-Q2', 'msr');
    expect(q2).toContain('State as of snapshot \u20662026-06-20\u2069: the latest MSR assessment before the end of the period (\u20662026-06-30\u2069).');
    expect(q2).toContain(`Overall compliance: ${Math.round(june.summary.overall.percent!)} %`);
    // The item fixed in July is still a gap in June's snapshot.
    expect(q2).toContain(second!.code);
    expect(row(q2, second!.code)[2]).toBe('Non-compliant');

    // No snapshot before the end of Q1: the current state, saying so.
    const q1 = await section('quarterly', '2026-Q1', 'msr');
    expect(q1).toContain('Current state: no snapshot before \u20662026-03-31\u2069. The figures are those at the time of writing (\u20662026-10-15 11:00\u2069).');
    expect(q1).toContain(`Overall compliance: ${Math.round(now!)} %`);
    expect(q1).not.toContain(`>${second!.code}<`);

    // A period not over: the state now.
    const q4 = await section('quarterly', '2026-Q4', 'msr');
    expect(q4).toContain('State at the time of writing');
    expect(q4).toContain(`Overall compliance: ${Math.round(now!)} %`);
    expect(await section('quarterly', '2026-Q2', 'msr', 'ar')).toContain('الحالة حسب اللقطة المؤرخة \u20662026-06-20\u2069');
  });

  it('lists a movement completed after the end as open (under way) in the earlier period, with its check-ins of then', async () => {
    const traveller = (await call(core, 'people.create', { name: 'Tomas Reyes', category: 'delegate', status: 'in_country', arrivalAt: '2026-05-01T00:00:00.000Z' })).id;
    const trip = (purpose: string, departureAt: string, expectedReturnAt: string) => ({
      travellerIds: [traveller],
      purpose,
      from: 'Delegation office',
      to: 'Dunmore field office',
      departureAt,
      expectedReturnAt,
      plannedCheckIns: [],
      submit: true,
    });
    clock = new Date('2026-06-28T05:00:00Z');
    const long = await call(core, 'movements.create', trip('Assessment mission', '2026-06-29T05:00:00.000Z', '2026-07-02T14:00:00.000Z'));
    const done = await call(core, 'movements.create', trip('Airport pick-up', '2026-06-28T06:00:00.000Z', '2026-06-28T10:00:00.000Z'));
    for (const m of [long, done]) {
      await call(core, 'movements.approve', { id: m.id });
      await call(core, 'movements.transition', { id: m.id, to: 'under_way' });
    }
    clock = new Date('2026-06-28T09:00:00Z');
    await call(core, 'movements.transition', { id: done.id, to: 'completed' });
    clock = new Date('2026-06-30T10:00:00Z');
    await call(core, 'movements.checkIn', { id: long.id, place: 'Checkpoint 4', by: 'Tomas Reyes' });
    clock = new Date('2026-07-01T10:00:00Z');
    await call(core, 'movements.checkIn', { id: long.id, place: 'Checkpoint 7', by: 'Tomas Reyes' });
    clock = new Date('2026-07-02T12:00:00Z');
    await call(core, 'movements.transition', { id: long.id, to: 'completed' });
    const later = await call(core, 'movements.create', trip('Partner meeting', '2026-07-20T05:00:00.000Z', '2026-07-20T14:00:00.000Z'));
    clock = new Date('2026-10-15T08:00:00Z');
    expect((await call(core, 'movements.get', { id: long.id })).state).toBe('completed');

    const q2 = await section('quarterly', '2026-Q2', 'movements');
    expect(q2).toContain('State as of the end of \u20662026-06-30\u2069');
    const cells = row(q2, '2026-06-29 05:00');
    expect(cells).toContain('Assessment mission');
    expect(cells[5]).toBe('Under way');
    expect(cells[7]).toBe('2026-06-30 10:00'); // the check-in of 1 July came after the end
    expect(q2).not.toContain('Airport pick-up'); // completed before the end
    expect(q2).not.toContain('Partner meeting'); // requested after the end

    // Q3: the July request is still open (requested) at the end of September; the completed trip is not.
    const q3 = await section('quarterly', '2026-Q3', 'movements');
    expect(row(q3, '2026-07-20 05:00')[5]).toBe('Requested');
    expect(q3).not.toContain('Assessment mission');
    expect(later.state).toBe('requested');
  });

  it('lists apart, as at the time of writing, open movements whose state at the end is not recorded (seeded, no audited change)', async () => {
    core.close();
    clock = new Date('2026-11-23T14:00:00Z'); // Monday; 2026-W47 ended at 2026-11-22T21:00Z
    core = await makeUnlockedCore({ demo: true, now: () => clock });
    const html = await section('weekly', '2026-W47', 'movements');
    expect(html).toContain('No movement was open at the end of the period.');
    expect(html).toContain('Open at the time of writing (state at the end of the period not recorded)');
    expect(html).toContain('shown as they are at the time of writing (\u20662026-11-23 17:00\u2069)');
    for (const purpose of ['Water point assessment (demo)', 'Medical supplies delivery (demo)', 'Partner meeting (demo)']) expect(html).toContain(purpose);
    expect(html).not.toContain('Airport pick-up (demo)'); // completed, unchanged since before the end
    expect(html).not.toContain('Detention visit (demo)'); // requested after the end
  });
});
