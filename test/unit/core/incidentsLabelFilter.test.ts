import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, makeUnlockedCore } from '../helpers/testCore';

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
  for (const category of ['Kidnapping', 'Kidnapping', 'Shooting', 'Armed robbery']) {
    await call(core, 'incidents.create', { date: '2024-03-05', category, narrative: `A ${category} (test).` });
  }
});
afterEach(() => core.close());

const categories = async (view: Record<string, unknown>) =>
  (await call(core, 'incidents.list', { startRow: 0, endRow: 100, ...view })).rows.map((r) => r.category).sort();

describe('incident filters read taxonomy labels', () => {
  it('a column filter typed in French, Spanish or Arabic finds the stored English term', async () => {
    expect(await categories({ filterModel: { category: { filterType: 'text', type: 'contains', filter: 'enlèv' } } })).toEqual(['Kidnapping', 'Kidnapping']);
    expect(await categories({ filterModel: { category: { filterType: 'text', type: 'equals', filter: 'Secuestro' } } })).toEqual(['Kidnapping', 'Kidnapping']);
    expect(await categories({ filterModel: { category: { filterType: 'text', type: 'startsWith', filter: 'إطلاق' } } })).toEqual(['Shooting']);
    // The stored value still matches, and a value outside the taxonomy is found as written.
    expect(await categories({ filterModel: { category: { filterType: 'text', type: 'contains', filter: 'kidnap' } } })).toEqual(['Kidnapping', 'Kidnapping']);
    expect(await categories({ filterModel: { category: { filterType: 'text', type: 'contains', filter: 'robbery' } } })).toEqual(['Armed robbery']);
  });

  it('a negative filter leaves out the rows whose label matches', async () => {
    expect(await categories({ filterModel: { category: { filterType: 'text', type: 'notContains', filter: 'enlèv' } } })).toEqual(['Armed robbery', 'Shooting']);
  });

  it('the quick filter, the count and the group counts follow the same rule', async () => {
    const page = await call(core, 'incidents.list', { startRow: 0, endRow: 100, quickFilter: 'disparos' });
    expect(page.rows.map((r) => r.category)).toEqual(['Shooting']);
    expect(page.total).toBe(1);
    const groups = await call(core, 'incidents.groups', { by: 'category', view: { filterModel: { category: { filterType: 'text', type: 'contains', filter: 'enlèvement' } } } });
    expect(groups.groups).toEqual([expect.objectContaining({ key: 'Kidnapping', count: 2 })]);
  });
});
