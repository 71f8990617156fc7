import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
});
afterEach(() => core.close());

function file(name: string, lines: string[]): string {
  const p = path.join(tempDir('vigil-risks-import-msg-'), name);
  fs.writeFileSync(p, lines.join('\n'));
  return p;
}

describe('risks import problems in the user’s language', () => {
  const bad = () => file('bad.csv', ['Title,Category,Likelihood,Impact,Status', 'Riot,floods,7,3,maybe']);

  it('writes the messages in the language asked for, with translated lists', async () => {
    const fr = await call(core, 'risks.import', { file: bad(), dryRun: true, lang: 'fr' });
    expect(fr.problems.map((p) => p.code)).toEqual(['scaleStep', 'unknownCategory', 'unknownStatus']);
    expect(fr.problems[0]!.message).toBe('Probabilité inhérente doit être un nombre entier de 1 à 5, pas « 7 ».');
    expect(fr.problems[1]!.message).toContain('Catégorie inconnue « floods »');
    expect(fr.problems[1]!.message).toContain('Criminalité');
    expect(fr.problems[2]!.message).toContain('Ouvert');
    const ar = await call(core, 'risks.import', { file: bad(), dryRun: true, lang: 'ar' });
    expect(ar.problems[0]!.message).toContain('من 1 إلى 5');
  });

  it('uses the vault’s language setting by default, English when not asked', async () => {
    const en = await call(core, 'risks.import', { file: bad(), dryRun: true });
    expect(en.problems[0]!.message).toBe('Inherent likelihood must be a whole number from 1 to 5, not "7".');
    await call(core, 'settings.update', { language: 'es' });
    const es = await call(core, 'risks.import', { file: bad(), dryRun: true });
    expect(es.problems[0]!.message).toBe('Probabilidad inherente debe ser un número entero del 1 al 5, no «7».');
    const missing = await call(core, 'risks.import', { file: file('m.csv', ['Title,Impact', 'Riot,3']), dryRun: true });
    expect(missing.problems[0]).toMatchObject({ code: 'missingColumn', column: 'Inherent likelihood' });
    expect(missing.problems[0]!.message).toContain('El archivo no tiene la columna «Probabilidad inherente»');
  });

  it('says a file error (empty file) in the language asked for, English by default', async () => {
    const empty = file('empty.csv', []);
    expect(await callRaw(core, 'risks.import', { file: empty, dryRun: true })).toMatchObject({ ok: false, error: { code: 'IO', message: 'The file is empty: nothing to import.' } });
    expect(await callRaw(core, 'risks.import', { file: empty, dryRun: true, lang: 'fr' })).toMatchObject({ ok: false, error: { code: 'IO', message: 'Le fichier est vide : rien à importer.' } });
  });
});
