import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { openDb } from '../../../db/openDb';
import { writeSetting } from '../../../db/repositories/settings';
import { presetTaxonomy, readTaxonomy } from '../../../db/repositories/incidentTaxonomy';
import { TAXONOMY_FIELDS, taxonomyLabel, taxonomyOptions, type IncidentTaxonomy } from '../../../shared/contract/incidentTaxonomy';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';

let core: Core;


function edited(change: (t: IncidentTaxonomy) => void): IncidentTaxonomy {
  const t = structuredClone(presetTaxonomy());
  change(t);
  return t;
}

async function auditCount(): Promise<number> {
  const page = await call(core, 'audit.list', { startRow: 0, endRow: 1000 });
  return page.rows.filter((r) => r.entity === 'incidentTaxonomy').length;
}

describe('preset taxonomy', () => {
  const rows = TAXONOMY_FIELDS.flatMap((field) => presetTaxonomy()[field].map((term) => [field, term.value, term.labels] as const));

  it.each(rows)('%s "%s" reads in French, Spanish and Arabic', (_field, value, labels) => {
    for (const lang of ['fr', 'es', 'ar'] as const) expect(labels[lang]?.trim(), `${value} in ${lang}`).toBeTruthy();
    expect(labels.ar).toMatch(/[\u0600-\u06ff]/);
  });

  it('keeps English values, so incidents recorded before still match', () => {
    expect(presetTaxonomy().category.map((t) => t.value)).toContain('Shooting');
    expect(presetTaxonomy().perpetratorType.map((t) => t.value)).toContain('Non-State Armed Group');
  });
});

describe('taxonomy labels', () => {
  const tax = presetTaxonomy();
  it.each([
    ['category', 'Shooting', 'fr', "Tirs d'arme à feu"],
    ['category', 'Shooting', 'ar', 'إطلاق نار'],
    ['category', 'Shooting', 'en', 'Shooting'],
    ['category', 'Shooting', 'fr-CH', "Tirs d'arme à feu"],
    ['category', 'Armed robbery', 'fr', 'Armed robbery'],
    ['weapon', 'Firearms', 'es', 'Armas de fuego'],
  ] as const)('%s %s in %s reads %s', (field, value, lang, expected) => {
    expect(taxonomyLabel(tax, field, value, lang)).toBe(expected);
  });

  it('falls back to the English value when a term has no label in the language', () => {
    const t = edited((x) => x.category.push({ value: 'Carjacking', labels: { fr: 'Car-jacking', ar: '  ' } }));
    expect(taxonomyLabel(t, 'category', 'Carjacking', 'fr')).toBe('Car-jacking');
    expect(taxonomyLabel(t, 'category', 'Carjacking', 'es')).toBe('Carjacking');
    expect(taxonomyLabel(t, 'category', 'Carjacking', 'ar')).toBe('Carjacking');
  });

  it('offers each value with its label only when the label differs', () => {
    const options = taxonomyOptions(tax, 'organisationAffected', 'fr');
    expect(options.find((o) => o.value === 'ICRC')).toEqual({ value: 'ICRC', label: 'CICR' });
    expect(taxonomyOptions(tax, 'organisationAffected', 'en').every((o) => o.label === undefined)).toBe(true);
  });
});

describe('readTaxonomy', () => {
  it('returns the stored taxonomy, and the presets when none is stored, it was reset, or it is unreadable', () => {
    const { sqlite } = openDb(':memory:', { key: null });
    expect(readTaxonomy(sqlite)).toEqual(presetTaxonomy());
    const mine = edited((t) => (t.category = [{ value: 'Carjacking', labels: { fr: 'Car-jacking' } }]));
    writeSetting(sqlite, 'incidents.taxonomy', mine);
    expect(readTaxonomy(sqlite)).toEqual(mine);
    writeSetting(sqlite, 'incidents.taxonomy', null);
    expect(readTaxonomy(sqlite)).toEqual(presetTaxonomy());
    writeSetting(sqlite, 'incidents.taxonomy', { category: 'not a list' });
    expect(readTaxonomy(sqlite)).toEqual(presetTaxonomy());
    sqlite.close();
  });
});

describe('incidents.saveTaxonomy / resetTaxonomy', () => {
  beforeEach(async () => {
    core = await makeUnlockedCore();
  });
  afterEach(() => core.close());

  it('starts on the presets, stores an edited list that readTaxonomy then returns, and resets', async () => {
    expect(await call(core, 'incidents.taxonomy', {})).toEqual({ taxonomy: presetTaxonomy(), customised: false });
    const taxonomy = edited((t) => {
      t.category.unshift({ value: '  Carjacking ', labels: { fr: 'Car-jacking', es: '', ar: 'سرقة سيارة بالإكراه' } });
      t.weapon = t.weapon.filter((w) => w.value !== 'Landmine');
    });
    const saved = await call(core, 'incidents.saveTaxonomy', { taxonomy });
    expect(saved.customised).toBe(true);
    expect(saved.taxonomy.category[0]).toEqual({ value: 'Carjacking', labels: { fr: 'Car-jacking', ar: 'سرقة سيارة بالإكراه' } });
    expect((await call(core, 'incidents.taxonomy', {})).taxonomy.category[0]!.value).toBe('Carjacking');
    expect(await auditCount()).toBe(1);

    const reset = await call(core, 'incidents.resetTaxonomy', {});
    expect(reset).toEqual({ taxonomy: presetTaxonomy(), customised: false });
    expect(await auditCount()).toBe(2);
  });

  it.each([
    ['an empty value', (t: IncidentTaxonomy) => t.weapon.splice(2, 0, { value: '   ', labels: {} }), /Weapon, term 3: the value is empty/, 'taxonomy.weapon.2.value'],
    [
      'a value listed twice whatever the case',
      (t: IncidentTaxonomy) => t.category.push({ value: 'shooting', labels: {} }),
      /Category: "shooting" is listed twice \(terms 11 and 15/,
      'taxonomy.category.14.value',
    ],
  ])('refuses %s with a message naming the list, and changes nothing', async (_name, change, message, path) => {
    await call(core, 'incidents.saveTaxonomy', { taxonomy: edited((t) => t.category.push({ value: 'Carjacking', labels: {} })) });
    const before = await call(core, 'incidents.taxonomy', {});
    const audits = await auditCount();
    const out = await callRaw(core, 'incidents.saveTaxonomy', { taxonomy: edited(change) });
    expect(out).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
    expect(JSON.stringify(out)).toContain(path);
    expect(await call(core, 'incidents.taxonomy', {})).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('writes the message in the language of the vault', async () => {
    await call(core, 'settings.update', { language: 'fr' });
    const out = await callRaw(core, 'incidents.saveTaxonomy', { taxonomy: edited((t) => t.subCategory.push({ value: 'RAID', labels: {} })) });
    expect(out).toMatchObject({ ok: false, error: { message: expect.stringContaining('Sous-catégorie : « RAID » figure deux fois') } });
  });

  it('renames a term in existing incidents in the same save when asked, and only then', async () => {
    const a = await call(core, 'incidents.create', { date: '2026-05-02', category: 'Shooting', placeName: 'Dunmore' });
    const b = await call(core, 'incidents.create', { date: '2026-05-03', category: 'Shooting', weapon: 'Firearms', placeName: 'Dunmore' });
    const c = await call(core, 'incidents.create', { date: '2026-05-04', category: 'Kidnapping', placeName: 'Dunmore' });
    const renamed = edited((t) => {
      t.category.find((x) => x.value === 'Shooting')!.value = 'Gunfire';
      t.weapon.find((x) => x.value === 'Firearms')!.value = 'Small arms';
    });
    const out = await call(core, 'incidents.saveTaxonomy', {
      taxonomy: renamed,
      renameExisting: [
        { field: 'category', from: 'Shooting', to: 'Gunfire' },
        { field: 'weapon', from: 'Firearms', to: 'Small arms' },
      ],
    });
    expect(out.renamedIncidents).toBe(3);
    expect((await call(core, 'incidents.get', { id: a.id })).category).toBe('Gunfire');
    expect(await call(core, 'incidents.get', { id: b.id })).toMatchObject({ category: 'Gunfire', weapon: 'Small arms' });
    expect((await call(core, 'incidents.get', { id: c.id })).category).toBe('Kidnapping');

    // Without the flag the list changes and the incidents keep their words.
    const again = edited((t) => (t.category.find((x) => x.value === 'Kidnapping')!.value = 'Abduction'));
    expect((await call(core, 'incidents.saveTaxonomy', { taxonomy: again })).renamedIncidents).toBe(0);
    expect((await call(core, 'incidents.get', { id: c.id })).category).toBe('Kidnapping');
  });

  it('refuses a rename to a value missing from the list, renaming nothing', async () => {
    const a = await call(core, 'incidents.create', { date: '2026-05-02', category: 'Shooting', placeName: 'Dunmore' });
    const out = await callRaw(core, 'incidents.saveTaxonomy', { taxonomy: presetTaxonomy(), renameExisting: [{ field: 'category', from: 'Shooting', to: 'Gunfire' }] });
    expect(out).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('"Gunfire" is not in the list') } });
    expect((await call(core, 'incidents.get', { id: a.id })).category).toBe('Shooting');
    expect((await call(core, 'incidents.taxonomy', {})).customised).toBe(false);
  });
});
