import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
});
afterEach(() => core.close());

describe('contacts.groups: grouping by organisation, done by the core', () => {
  it('counts the contacts of the view per organisation and per organisation type', async () => {
    const undss = await call(core, 'organisations.create', { name: 'UNDSS Dunmore', type: 'undss' });
    const inso = await call(core, 'organisations.create', { name: 'INSO', type: 'inso' });
    const police = await call(core, 'organisations.create', { name: 'Dunmore police', type: 'police' });
    await call(core, 'contacts.create', { name: 'Grace Wanjiru', organisationId: undss.id });
    await call(core, 'contacts.create', { name: 'Omar Haddad', organisationId: undss.id });
    await call(core, 'contacts.create', { name: 'Lena Park', organisationId: inso.id });
    await call(core, 'contacts.create', { name: 'Capt. Mensah', organisationId: police.id });
    await call(core, 'contacts.create', { name: 'Taxi driver' });

    expect(await call(core, 'contacts.groups', { by: 'organisationName' })).toEqual({
      groups: [
        { key: 'UNDSS Dunmore', count: 2 },
        { key: '', count: 1 },
        { key: 'Dunmore police', count: 1 },
        { key: 'INSO', count: 1 },
      ],
      total: 5,
    });
    expect((await call(core, 'contacts.groups', { by: 'organisationType' })).groups).toEqual([
      { key: 'undss', count: 2 },
      { key: '', count: 1 },
      { key: 'inso', count: 1 },
      { key: 'police', count: 1 },
    ]);
    // The counts follow the grid's view (search and filters).
    const searched = await call(core, 'contacts.groups', { by: 'organisationName', view: { quickFilter: 'dunmore' } });
    expect(searched).toEqual({ groups: [{ key: 'UNDSS Dunmore', count: 2 }, { key: 'Dunmore police', count: 1 }], total: 3 });
    // A group is an ordinary column filter for the grid: the list shows exactly that group's count.
    const group = await call(core, 'contacts.list', { filterModel: { organisationName: { filterType: 'text', type: 'equals', filter: 'UNDSS Dunmore' } } });
    expect(group.rows.map((r) => r.name)).toEqual(['Grace Wanjiru', 'Omar Haddad']);
    const none = await call(core, 'contacts.list', { filterModel: { organisationName: { filterType: 'text', type: 'blank' } } });
    expect(none.rows.map((r) => r.name)).toEqual(['Taxi driver']);
  });

  it('refuses an unknown grouping with a VALIDATION envelope', async () => {
    const result = await callRaw(core, 'contacts.groups', { by: 'phone' });
    expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
  });
});
