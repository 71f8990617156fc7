import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
});
afterEach(() => core.close());

async function tree() {
  const country = await call(core, 'areas.create', { name: 'Kenya', level: 'country' });
  const province = await call(core, 'areas.create', { name: 'Nairobi County', level: 'province', parentId: country.id });
  const city = await call(core, 'areas.create', { name: 'Nairobi', level: 'city', parentId: province.id });
  return { country, province, city };
}

describe('areas and security phases', () => {
  it('builds a path for each area', async () => {
    const { city } = await tree();
    expect((await call(core, 'areas.list', {})).find((a) => a.id === city.id)?.path).toBe('Kenya › Nairobi County › Nairobi');
  });

  it('refuses a level at or above its parent, a non-country at the top, and a cycle', async () => {
    const { country, province, city } = await tree();
    expect(await callRaw(core, 'areas.create', { name: 'X', level: 'country', parentId: province.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callRaw(core, 'areas.create', { name: 'X', level: 'city' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callRaw(core, 'areas.update', { id: province.id, name: 'Nairobi County', level: 'province', parentId: city.id })).toMatchObject({ ok: false });
    expect(await callRaw(core, 'areas.update', { id: country.id, name: 'Kenya', level: 'city', parentId: null })).toMatchObject({ ok: false });
  });

  it('shows a phase declared on an area on its descendants and premises, as inherited', async () => {
    const { country, city } = await tree();
    const premises = await call(core, 'premises.create', { name: 'Office', type: 'office', areaId: city.id });
    await call(core, 'phases.declare', { areaId: country.id, level: 3, reason: 'Clashes after the election' });
    const got = await call(core, 'premises.get', { id: premises.id });
    expect(got.phase).toMatchObject({ level: 3, scale: 'ifrc', inherited: true, areaName: 'Kenya', declaredBy: 'Amina Diallo' });

    await call(core, 'phases.declare', { areaId: city.id, level: 4, reason: 'Fighting in the city' });
    expect((await call(core, 'premises.get', { id: premises.id })).phase).toMatchObject({ level: 4, inherited: false });
    await call(core, 'phases.declare', { areaId: city.id, level: 2, reason: 'Calm returned' });
    expect((await call(core, 'premises.get', { id: premises.id })).phase?.level).toBe(2);

    const history = await call(core, 'phases.history', { areaId: city.id });
    expect(history.map((h) => [h.level, h.reason])).toEqual([
      [2, 'Calm returned'],
      [4, 'Fighting in the city'],
    ]);
    const sorted = await call(core, 'premises.list', { filterModel: { phase: { filterType: 'number', type: 'equals', filter: 2 } } });
    expect(sorted.total).toBe(1);
  });

  it('refuses a level that does not exist on the scale in use, and a reasonless declaration', async () => {
    const { country } = await tree();
    expect(await callRaw(core, 'phases.declare', { areaId: country.id, level: 5, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callRaw(core, 'phases.declare', { areaId: country.id, level: 2, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await call(core, 'settings.update', { phaseScale: 'un' });
    expect((await call(core, 'phases.declare', { areaId: country.id, level: 5, reason: 'UN level 5' })).scale).toBe('un');
  });

  it('refuses to delete an area that still has sub-areas or premises', async () => {
    const { province, city } = await tree();
    await call(core, 'premises.create', { name: 'Office', type: 'office', areaId: city.id });
    const refused = await callRaw(core, 'areas.delete', { id: province.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('1 sub-area') } });
    expect((await call(core, 'areas.list', {})).length).toBe(3);
  });
});
