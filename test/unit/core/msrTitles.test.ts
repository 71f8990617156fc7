import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { MSR_IFRC_ITEMS } from '../../../shared/presets/msrIfrc';
import { MSR_IFRC_TITLES, msrItemTitle } from '../../../shared/presets/msrIfrcTitles';
import { call, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
});
afterEach(() => core.close());

const readXlsx = (file: string) =>
  JSON.parse(
    execFileSync('/usr/bin/python3', [
      '-c',
      'import json,sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([[c for c in r] for r in ws.iter_rows(values_only=True)]))',
      file,
    ]).toString(),
  ) as unknown[][];

describe('MSR preset item texts per language, English as fallback', () => {
  it('has a French, Spanish and Arabic text for every preset item', () => {
    for (const lang of ['fr', 'es', 'ar'] as const) {
      expect(Object.keys(MSR_IFRC_TITLES[lang]).sort()).toEqual(MSR_IFRC_ITEMS.map((i) => i.code).sort());
    }
  });

  it('translates an unedited preset item, keeps an edited or custom one as written', () => {
    const preset = MSR_IFRC_ITEMS[0]!;
    expect(msrItemTitle({ ...preset, origin: 'preset' }, 'fr')).toBe(MSR_IFRC_TITLES.fr[preset.code]);
    expect(msrItemTitle({ ...preset, origin: 'preset' }, 'en')).toBe(preset.title);
    expect(msrItemTitle({ ...preset, origin: 'preset' }, 'de')).toBe(preset.title);
    expect(msrItemTitle({ code: preset.code, title: 'Our own wording', origin: 'preset' }, 'fr')).toBe('Our own wording');
    expect(msrItemTitle({ code: 'ORG-1.1', title: 'Guards vetted', origin: 'custom' }, 'ar')).toBe('Guards vetted');
  });

  it('writes the translated texts in a Spanish export; an edited item keeps its text', async () => {
    const list = await call(core, 'msr.list', {});
    const first = list.items.find((i) => i.code === 'MSR-1.2')!;
    await call(core, 'msr.updateItem', {
      id: first.id,
      title: 'Register reviewed every quarter (our rule)',
      description: first.description,
      status: first.status,
      evidenceNote: first.evidenceNote,
      evidenceDate: first.evidenceDate,
      responsible: first.responsible,
      dueDate: first.dueDate,
      measureIds: first.measureIds,
    });
    const out = path.join(tempDir(), 'msr.xlsx');
    await call(core, 'msr.export', { format: 'xlsx', path: out, lang: 'es' });
    const rows = readXlsx(out);
    const byCode = new Map(rows.map((r) => [r[1], r[2]]));
    expect(byCode.get('MSR-1.1')).toBe(MSR_IFRC_TITLES.es['MSR-1.1']);
    expect(byCode.get('MSR-1.2')).toBe('Register reviewed every quarter (our rule)');
  });
});
