import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import type { VigilEvent } from '../../../shared/events';
import { createProgressReporter } from '../../../electron/core/import/importJobs';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

const DATA = path.resolve(import.meta.dirname, '../../../../shared/data/incidents');
const SHCC = path.join(DATA, 'insecurity-insight-2022-shcc-incident-data.xlsx');
const KIKA = path.join(DATA, 'insecurity-insight-aid-worker-kika.json');
const EMPTY = path.join(DATA, 'insecurity-insight-2024-attacks-on-health-care-sample.xlsx');

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
});
afterEach(() => core.close());

const total = async () => (await call(core, 'incidents.list', {})).total;

function csv(name: string, lines: string[]): string {
  const p = path.join(tempDir('vigil-import-wizard-'), name);
  fs.writeFileSync(p, lines.join('\n'));
  return p;
}

const small = () =>
  csv('field-report.csv', [
    'Ref,Date,Category,Weapon,Organisation',
    'R1,2024-03-01,Kidnapping,Firearms,ICRC',
    'R2,2024-03-02,  kidnapping ,Gun,UN',
    'R3,2024-03-03,Abduction,gun,Own organisation',
    'R4,2024-03-04,Car theft,No information,UN',
    'R5,2024-03-05,Kidnapping,,UN',
  ]);

function bigCsv(rows: number): string {
  const lines = ['Ref,Date,Category,Narrative'];
  for (let i = 1; i <= rows; i++) lines.push(`X${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},Shooting,synthetic row ${i}`);
  return csv('big.csv', lines);
}

describe('value mapping of taxonomy fields', () => {
  it('lists each taxonomy column’s distinct values with counts, known or not, and a suggestion', async () => {
    const preview = await call(core, 'incidents.importPreview', { file: small() });
    expect(preview.mapping).toMatchObject({ Category: 'category', Weapon: 'weapon', Organisation: 'organisationAffected' });
    const category = preview.fieldValues.find((f) => f.field === 'category')!;
    expect(category.column).toBe('Category');
    expect(category.more).toBe(0);
    expect(category.values).toEqual([
      { value: 'Kidnapping', count: 2, known: true, suggestion: 'Kidnapping' },
      { value: 'Abduction', count: 1, known: false, suggestion: null },
      { value: 'Car theft', count: 1, known: false, suggestion: null },
      { value: 'kidnapping', count: 1, known: false, suggestion: 'Kidnapping' },
    ]);
    const weapon = preview.fieldValues.find((f) => f.field === 'weapon')!;
    // "No information" and empty cells are not values.
    expect(weapon.values.map((v) => [v.value, v.count])).toEqual([
      ['Firearms', 1],
      ['gun', 1],
      ['Gun', 1],
    ]);
    expect(preview.taxonomy?.category.map((t) => t.value)).toContain('Kidnapping');
  });

  it('caps the list of values per field and says how many more there are', async () => {
    const lines = ['Date,Category'];
    for (let i = 0; i < 320; i++) lines.push(`2024-01-01,Kind ${i}`);
    const preview = await call(core, 'incidents.importPreview', { file: csv('many.csv', lines) });
    const category = preview.fieldValues.find((f) => f.field === 'category')!;
    expect(category.values).toHaveLength(300);
    expect(category.more).toBe(20);
  });

  it('stores the mapped taxonomy value instead of the file’s, and keeps unmapped values as written', async () => {
    const run = await call(core, 'incidents.importRun', {
      file: small(),
      dryRun: false,
      values: { category: { Abduction: 'Kidnapping', kidnapping: 'Kidnapping' }, weapon: { Gun: 'Firearms' } },
    });
    expect(run).toMatchObject({ created: 5, problems: [], committed: true });
    const rows = (await call(core, 'incidents.list', { sortModel: [{ colId: 'externalId', sort: 'asc' }] })).rows;
    expect(rows.map((r) => [r.externalId, r.category, r.weapon])).toEqual([
      ['R1', 'Kidnapping', 'Firearms'],
      ['R2', 'Kidnapping', 'Firearms'],
      ['R3', 'Kidnapping', 'Firearms'],
      ['R4', 'Car theft', ''],
      ['R5', 'Kidnapping', ''],
    ]);
  });

  it('with strictTaxonomy, a value neither known nor mapped is a row problem and nothing is committed', async () => {
    const run = await call(core, 'incidents.importRun', {
      file: small(),
      dryRun: false,
      strictTaxonomy: true,
      values: { category: { Abduction: 'Kidnapping' }, weapon: { gun: 'Firearms' } },
    });
    expect(run.committed).toBe(false);
    expect(run.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'Category', 'UNKNOWN_CATEGORY'],
      [5, 'Category', 'UNKNOWN_CATEGORY'],
    ]);
    expect(run.problems[0]!.message).toBe('"kidnapping" (Category) is not in the taxonomy; map it or add it (perhaps "Kidnapping").');
    expect(run.problems[1]!.message).toBe('"Car theft" (Category) is not in the taxonomy; map it or add it.');
    expect(await total()).toBe(0);

    const fr = await call(core, 'incidents.importRun', { file: small(), dryRun: true, strictTaxonomy: true, lang: 'fr' });
    expect(fr.problems[0]!.message).toContain('n’est pas dans la taxonomie');

    // Skipping the bad rows imports the others (the weapon "Gun" of rows 3 and 4 is not mapped this time).
    const skipped = await call(core, 'incidents.importRun', { file: small(), dryRun: false, strictTaxonomy: true, skipInvalid: true, values: { category: { Abduction: 'Kidnapping' } } });
    expect(skipped).toMatchObject({ created: 2, skipped: 3, committed: true });
    expect((await call(core, 'incidents.list', {})).rows.map((r) => r.externalId).sort()).toEqual(['R1', 'R5']);
  });
});

describe('mapping presets with values', () => {
  it('round-trips values and strictTaxonomy, applies them by name, and reads presets saved before value mapping', async () => {
    const saved = await call(core, 'incidents.saveImportPreset', {
      name: 'Field reports',
      mapping: { Ref: 'externalId', Date: 'date', Category: 'category', Gone: 'narrative' },
      dateOrder: 'ymd',
      sheet: null,
      values: { category: { Abduction: 'Kidnapping', 'Car theft': 'Other Explosives' } },
      strictTaxonomy: true,
    });
    const listed = await call(core, 'incidents.importPresets', {});
    expect(listed).toEqual([saved]);
    expect(listed[0]).toMatchObject({ values: { category: { Abduction: 'Kidnapping' } }, strictTaxonomy: true, dateOrder: 'ymd' });

    const preview = await call(core, 'incidents.importPreview', { file: small(), preset: 'Field reports' });
    expect(preview.presetMissingColumns).toEqual(['Gone']);
    expect(preview.mapping).toMatchObject({ Ref: 'externalId', Date: 'date', Category: 'category', Weapon: null });
    expect(preview).toMatchObject({ strictTaxonomy: true, values: { category: { Abduction: 'Kidnapping' } } });

    // The preset's strict mode flags "kidnapping" (row 3) only: the two mapped values pass.
    const dry = await call(core, 'incidents.importRun', { file: small(), preset: 'field reports', dryRun: true });
    expect(dry.problems.map((p) => [p.row, p.code])).toEqual([[3, 'UNKNOWN_CATEGORY']]);

    // A preset stored by an older version: a plain column mapping, no values.
    core.close();
    const again = await makeUnlockedCore();
    core = again;
    await call(core, 'incidents.saveImportPreset', { name: 'Old', mapping: { Date: 'date' } });
    const old = (await call(core, 'incidents.importPresets', {}))[0]!;
    expect(old).toMatchObject({ values: {}, strictTaxonomy: false, mapping: { Date: 'date' } });
  });

  it('refuses a preset name that does not exist', async () => {
    const result = await callRaw(core, 'incidents.importPreview', { file: small(), preset: 'Nope' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'NO_SUCH_PRESET' } } });
  });
});

describe('progress and cancel', () => {
  it('throttles progress events to every 2 % or 250 ms, always sending a new phase and the end', () => {
    const sent: string[] = [];
    let now = 0;
    const report = createProgressReporter((e) => sent.push(`${e.payload.phase} ${e.payload.progress!.done}`), () => now);
    report('checking', 0, 10_000);
    for (let done = 50; done <= 10_000; done += 50) report('checking', done, 10_000);
    // 2 % of 10,000 rows = one event per 200 rows, plus the start.
    expect(sent).toHaveLength(51);
    expect(sent.at(-1)).toBe('checking 10000');
    sent.length = 0;
    report('writing', 0, 10_000);
    report('writing', 10, 10_000);
    now = 300;
    report('writing', 20, 10_000);
    report('writing', 20, 10_000);
    report('writing', 10_000, 10_000);
    expect(sent).toEqual(['writing 0', 'writing 20', 'writing 10000']);
  });

  it('reports progress per phase, never going back, ending at the total; commits all rows', async () => {
    const events: VigilEvent[] = [];
    const off = core.subscribe((e) => e.name === 'incidents.importProgress' && events.push(e));
    const run = await call(core, 'incidents.importRun', { file: bigCsv(9_000), dryRun: false });
    off();
    expect(run).toMatchObject({ created: 9_000, committed: true });
    const phases = events.map((e) => e.payload.phase);
    expect(phases[0]).toBe('reading');
    expect(phases).toContain('checking');
    expect(phases.at(-1)).toBe('writing');
    for (const phase of ['checking', 'writing']) {
      const done = events.filter((e) => e.payload.phase === phase).map((e) => e.payload.progress!.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(new Set(done).size).toBe(done.length);
      expect(done.at(-1)).toBe(9_000);
    }
    // Chunks of 2,000 rows: the check reports more than its start and end.
    expect(events.filter((e) => e.payload.phase === 'checking').length).toBeGreaterThan(3);
    expect(events.at(-1)!.payload.progress).toEqual({ done: 9_000, total: 9_000 });
  });

  it('a cancel during the check stops the import: CANCELLED, nothing written', async () => {
    await call(core, 'incidents.importRun', { file: small(), dryRun: false });
    const before = await total();
    expect(await call(core, 'incidents.importCancel', {})).toEqual({ cancelled: false });
    let answer: Promise<unknown> | undefined;
    const off = core.subscribe((e) => {
      if (e.name === 'incidents.importProgress' && e.payload.phase === 'checking' && !answer) answer = core.dispatch('incidents.importCancel', {});
    });
    const result = await callRaw(core, 'incidents.importRun', { file: bigCsv(20_000), dryRun: false });
    off();
    expect(await answer).toEqual({ ok: true, value: { cancelled: true } });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'The import was cancelled; nothing was changed.' } });
    expect(await total()).toBe(before);
    // Nothing is left running: the next import works.
    const next = await call(core, 'incidents.importRun', { file: bigCsv(3_000), dryRun: false });
    expect(next).toMatchObject({ created: 3_000, committed: true });
  });
});

describe('the shared real files still import as before', () => {
  it('SHCC 1,989; JSON 1,299; the 2024 sample has no data rows', async () => {
    const shcc = await call(core, 'incidents.importRun', { file: SHCC, dryRun: true });
    expect(shcc).toMatchObject({ created: 1989, skipped: 0, problems: [] });
    const preview = await call(core, 'incidents.importPreview', { file: SHCC });
    expect(preview.fieldValues.length).toBeGreaterThan(0);
    const kika = await call(core, 'incidents.importRun', { file: KIKA, dryRun: false });
    expect(kika).toMatchObject({ created: 1299, problems: [], committed: true });
    const empty = await callRaw(core, 'incidents.importRun', { file: EMPTY, dryRun: false });
    expect(empty).toMatchObject({ ok: false, error: { code: 'IO', details: { reason: 'EMPTY' } } });
    expect(await total()).toBe(1299);
  });
});
