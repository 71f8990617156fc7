import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
});
afterEach(() => core.close());

const base = { quickFilter: '', filterModel: {}, sortModel: [], search: '', includeRestricted: true };

async function seed() {
  const rows = [
    { date: '2024-03-05', category: 'Armed robbery', adminArea: 'North', severity: 'high' as const, narrative: 'Vehicle stopped at a checkpoint' },
    { date: '2024-03-20', category: 'armed robbery', adminArea: 'North', severity: 'moderate' as const, narrative: 'Office looted at night' },
    { date: '2024-03', category: 'Kidnapping', adminArea: 'South', narrative: 'Driver abducted, released after two days' },
    { date: '2024', category: 'Shelling', adminArea: 'South', narrative: 'Compound hit by shelling' },
    { date: '2023-11-02', category: 'Shelling', narrative: 'Warehouse damaged by shelling' },
    { date: '2024-03-07', category: 'Sexual violence', adminArea: 'North', confidentiality: 'restricted' as const, narrative: 'Reported to the manager' },
    { date: '2024-03-08', category: '', narrative: 'Threat by phone, not classified' },
  ];
  for (const row of rows) await call(core, 'incidents.create', row);
}

const asMap = (groups: Array<{ key: string; count: number }>) => Object.fromEntries(groups.map((g) => [g.key, g.count]));

describe('incidents.groups', () => {
  it('counts by category without a filter, case-insensitively as the grid filters, uncategorised apart', async () => {
    await seed();
    const out = await call(core, 'incidents.groups', { by: 'category' });
    expect(asMap(out.groups)).toEqual({ 'Armed robbery': 2, Shelling: 2, Kidnapping: 1, 'Sexual violence': 1, '': 1 });
    expect(out.groups[0]?.count).toBe(2);
    expect(out.total).toBe(7);
    // Choosing a group is that column's "equals" filter: the list shows exactly the counted rows.
    const robbery = await call(core, 'incidents.list', {
      ...base,
      filterModel: { category: { filterType: 'text', type: 'equals', filter: 'Armed robbery' } },
    });
    expect(robbery.total).toBe(2);
    const none = await call(core, 'incidents.list', { ...base, filterModel: { category: { filterType: 'text', type: 'blank' } } });
    expect(none.total).toBe(1);
  });

  it('follows the same filters as the list: column filter, full text, area', async () => {
    await seed();
    const view = { ...base, filterModel: { adminArea: { filterType: 'text' as const, type: 'equals' as const, filter: 'north' } } };
    const out = await call(core, 'incidents.groups', { by: 'category', view });
    expect(asMap(out.groups)).toEqual({ 'Armed robbery': 2, 'Sexual violence': 1 });
    expect(out.total).toBe((await call(core, 'incidents.list', view)).total);

    const searched = await call(core, 'incidents.groups', { by: 'category', view: { ...base, search: 'shelling' } });
    expect(asMap(searched.groups)).toEqual({ Shelling: 2 });

    const bySeverity = await call(core, 'incidents.groups', { by: 'severity', view });
    expect(asMap(bySeverity.groups)).toEqual({ high: 1, moderate: 1, '': 1 });
  });

  it('counts partial dates where the period overlaps them, as the list does', async () => {
    await seed();
    const view = { ...base, from: '2024-03-01', to: '2024-03-31' };
    const out = await call(core, 'incidents.groups', { by: 'category', view });
    // '2024-03' and '2024' overlap March 2024; the 2023 shelling does not.
    expect(asMap(out.groups)).toEqual({ 'Armed robbery': 2, Kidnapping: 1, Shelling: 1, 'Sexual violence': 1, '': 1 });
    expect(out.total).toBe((await call(core, 'incidents.list', view)).total);

    const april = await call(core, 'incidents.groups', { by: 'adminArea', view: { ...base, from: '2024-04-01', to: '2024-04-30' } });
    expect(asMap(april.groups)).toEqual({ South: 1 });
  });

  it('counts restricted incidents only where the list shows them', async () => {
    await seed();
    const hidden = { ...base, includeRestricted: false };
    const out = await call(core, 'incidents.groups', { by: 'category', view: hidden });
    expect(out.groups.map((g) => g.key)).not.toContain('Sexual violence');
    expect(out.total).toBe(6);
    expect(out.total).toBe((await call(core, 'incidents.list', hidden)).total);
    const shown = await call(core, 'incidents.groups', { by: 'category', view: base });
    expect(asMap(shown.groups)['Sexual violence']).toBe(1);
  });

  it('rejects an unknown grouping with a clear error', async () => {
    const res = await callRaw(core, 'incidents.groups', { by: 'narrative' } as never);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
