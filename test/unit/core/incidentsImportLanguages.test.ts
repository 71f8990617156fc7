import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import type { ImportReport } from '../../../shared/contract/incidents';
import en from '../../../electron/core/locales/en.json';
import fr from '../../../electron/core/locales/fr.json';
import es from '../../../electron/core/locales/es.json';
import ar from '../../../electron/core/locales/ar.json';
import { importSay } from '../../../electron/core/import/incidentsImport';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

const DATA = path.resolve(import.meta.dirname, '../../../../shared/data/incidents');
const NO_DATA_ROWS = path.join(DATA, 'insecurity-insight-2024-attacks-on-health-care-sample.xlsx');
const dir = tempDir('vigil-import-lang-');
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

const LANGS = ['fr', 'es', 'ar'] as const;
type Lang = (typeof LANGS)[number];
const fmt = (lang: Lang | 'en', n: number) => new Intl.NumberFormat(lang).format(n);

/**
 * One bad value per row (the header is row 1). `shown` is what the message must show of the row, in
 * each language (a length is a number formatted for the language); `english` is the message as it
 * has always been.
 */
interface Case {
  row: number;
  column: string;
  code: string;
  english: string;
  shown?: (lang: Lang | 'en') => string;
}

const LONG = 'x'.repeat(20_001);
const HUGE = 'y'.repeat(100_001);
const header = 'Event ID,Date,Time,Latitude,Longitude,Killed,Near miss,Severity,Geo precision,Description';
const rows = [
  'A1,31/02/2024,,,,,,,,',
  'A2,03/04/2024,,,,,,,,',
  'A3,02/13/2024,,95,10,,,,,',
  'A4,2024-03-01,,1.407.092.855,10,,,,,',
  'A5,2024-03-01,,,,-2,,,,',
  'A6,2024-03-01,,,,,maybe,,,',
  'A7,2024-03-01,25:00,,,,,,,',
  `A8,2024-03-01,,,,,,,,${LONG}`,
  'A1,2024-03-01,,,,,,,,',
  'A10,2024-03-01,,,,,,apocalyptic,,',
  'A11,2024-03-01,,,,,,,roughly,',
  'A12,,,,,,,,,',
  'A13,2024-03-01,,10,,,,,,',
  `A14,2024-03-01,,,,,,,,${HUGE}`,
];
const CASES: Case[] = [
  { row: 2, column: 'Date', code: 'INVALID_DATE', english: '31/02/2024 is not a calendar day.', shown: () => '31/02/2024' },
  {
    row: 3,
    column: 'Date',
    code: 'AMBIGUOUS_DATE',
    english: '03/04/2024 could be day/month or month/day: choose the date order (--date-order dmy or mdy).',
    shown: () => '03/04/2024',
  },
  { row: 4, column: 'Latitude', code: 'COORDINATE_OUT_OF_RANGE', english: '95 is outside the latitude range (-90 to 90).', shown: () => '95' },
  { row: 5, column: 'Latitude', code: 'INVALID_COORDINATE', english: '"1.407.092.855" is not a latitude in decimal degrees.', shown: () => '1.407.092.855' },
  { row: 6, column: 'Killed', code: 'INVALID_COUNT', english: '-2 is not a count (a whole number from 0).', shown: () => '-2' },
  { row: 7, column: 'Near miss', code: 'INVALID_BOOLEAN', english: '"maybe" is not yes or no.', shown: () => 'maybe' },
  { row: 8, column: 'Time', code: 'INVALID_TIME', english: '"25:00" is not a time of day.', shown: () => '25:00' },
  { row: 9, column: 'Description', code: 'TOO_LONG', english: 'The text is 20,001 characters long; at most 20,000 fit.', shown: (l) => fmt(l, 20_001) },
  { row: 10, column: 'Event ID', code: 'DUPLICATE_ID', english: 'The same id A1 is on row 2 too.', shown: () => 'A1' },
  { row: 11, column: 'Severity', code: 'UNKNOWN_SEVERITY', english: '"apocalyptic" is not a severity (low, moderate, high, critical).', shown: () => 'apocalyptic' },
  { row: 12, column: 'Geo precision', code: 'UNKNOWN_PRECISION', english: '"roughly" is not a known location precision.', shown: () => 'roughly' },
  { row: 13, column: 'Date', code: 'MISSING_DATE', english: 'The incident date is empty.' },
  { row: 14, column: 'Longitude', code: 'COORDINATES_INCOMPLETE', english: 'Only one of latitude and longitude is given.' },
  { row: 15, column: 'Description', code: 'TOO_LONG', english: 'A cell holds 100,001 characters; at most 100,000 are read.', shown: (l) => fmt(l, 100_001) },
];

const BAD_ROWS = write('bad-rows.csv', [header, ...rows].join('\n'));

let core: Core;
beforeAll(async () => {
  core = await makeUnlockedCore();
});
afterAll(() => core.close());

const dryRun = (lang?: string) => call(core, 'incidents.importRun', { file: BAD_ROWS, dryRun: true, ...(lang ? { lang: lang as Lang } : {}) });
const problemOf = (report: ImportReport, c: Case) => {
  const found = report.problems.filter((p) => p.row === c.row && p.code === c.code);
  expect(found, `row ${c.row} ${c.code}`).toHaveLength(1);
  return found[0]!;
};

describe('incident import problems in the user’s language', () => {
  it('without a language (an English vault) the messages are exactly the English ones, one problem per bad row', async () => {
    const report = await dryRun();
    expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual(CASES.map((c) => [c.row, c.column, c.code]));
    expect(report.problems.map((p) => p.message)).toEqual(CASES.map((c) => c.english));
    expect((await dryRun('en')).problems).toEqual(report.problems);
  });

  for (const lang of LANGS) {
    it(`${lang}: every problem code has a translated message that shows the row's value`, async () => {
      const report = await dryRun(lang);
      expect(report.problems).toHaveLength(CASES.length);
      for (const c of CASES) {
        const p = problemOf(report, c);
        expect(p.column).toBe(c.column);
        expect(p.message, `${c.code} row ${c.row}`).not.toBe(c.english);
        expect(p.message).not.toMatch(/incidentsImport|\{\{/);
        if (c.shown) expect(p.message, `${c.code} row ${c.row}`).toContain(c.shown(lang));
        if (lang === 'ar') expect(p.message).toMatch(/[\u0600-\u06ff]/);
      }
    });
  }

  it('Arabic keeps a Latin value in its own isolate inside guillemets', async () => {
    const report = await dryRun('ar');
    expect(problemOf(report, CASES[0]!).message).toContain('«\u206831/02/2024\u2069»');
    expect(problemOf(report, CASES[9]!).message).toContain('«\u2068apocalyptic\u2069»');
  });

  it('formats limits for the language: 20 000 in French, 20.000 in Spanish', async () => {
    expect(problemOf(await dryRun('fr'), CASES[7]!).message).toBe('Le texte compte 20\u202f001 caractères ; 20\u202f000 au maximum sont acceptés.');
    expect(problemOf(await dryRun('es'), CASES[7]!).message).toBe('El texto tiene 20.001 caracteres; caben como máximo 20.000.');
  });

  it('defaults to the vault’s language when none is asked for', async () => {
    const vault = await makeUnlockedCore();
    try {
      await call(vault, 'settings.update', { language: 'es' });
      const report = await call(vault, 'incidents.importRun', { file: BAD_ROWS, dryRun: true });
      expect(problemOf(report, CASES[0]!).message).toBe('«31/02/2024» no existe en el calendario.');
      const english = await call(vault, 'incidents.importRun', { file: BAD_ROWS, dryRun: true, lang: 'en' });
      expect(problemOf(english, CASES[0]!).message).toBe(CASES[0]!.english);
    } finally {
      vault.close();
    }
  });
});

describe('file-level import errors in the user’s language', () => {
  const files: { name: string; file: () => string; english: RegExp; reason: string; code?: string; sheet?: string }[] = [
    { name: 'empty file', file: () => write('empty.csv', ''), english: /^The file is empty: nothing to import\.$/, reason: 'EMPTY' },
    { name: 'binary garbage', file: () => write('garbage.csv', Buffer.from([0, 1, 2, 3, 4, 5, 0, 255, 254, 7, 8])), english: /^The file is not text/, reason: 'UNREADABLE' },
    { name: 'header but no data rows', file: () => write('header-only.csv', 'Date,Country\n'), english: /^The file has a header but no data rows/, reason: 'EMPTY' },
    { name: 'invalid JSON', file: () => write('broken.json', '[{"a": '), english: /^The JSON file is not valid JSON\.$/, reason: 'UNREADABLE' },
    { name: 'workbook without data rows', file: () => NO_DATA_ROWS, english: /^The sheet "Sheet1" is empty: no header and no data rows, nothing to import\.$/, reason: 'EMPTY' },
    { name: 'missing file', file: () => path.join(dir, 'no-such-file.csv'), english: /could not be read \(ENOENT\)\.$/, reason: 'UNREADABLE' },
    { name: 'unknown sheet', file: () => NO_DATA_ROWS, sheet: 'Nope', code: 'VALIDATION', english: /^The workbook has no sheet "Nope"; it has "/, reason: 'NO_SUCH_SHEET' },
  ];
  for (const f of files) {
    it(`${f.name}: English by default, translated with lang, same code and reason`, async () => {
      const file = f.file();
      const input = { file, dryRun: true, ...(f.sheet ? { sheet: f.sheet } : {}) };
      const english = await callRaw(core, 'incidents.importRun', input);
      expect(english).toMatchObject({ ok: false, error: { code: f.code ?? 'IO', message: expect.stringMatching(f.english), details: { reason: f.reason } } });
      const englishMessage = (english as { error: { message: string } }).error.message;
      for (const lang of LANGS) {
        for (const command of ['incidents.importRun', 'incidents.importPreview'] as const) {
          const result = await callRaw(core, command, { ...input, lang });
          expect(result, `${lang} ${command}`).toMatchObject({ ok: false, error: { code: f.code ?? 'IO', details: { reason: f.reason } } });
          const message = (result as { error: { message: string } }).error.message;
          expect(message, `${lang} ${command}`).not.toBe(englishMessage);
          expect(message).not.toMatch(/incidentsImport|\{\{/);
          if (f.sheet) expect(message).toContain('Nope');
        }
      }
    });
  }

  it('lists the workbook’s sheets with the language’s quotation marks', async () => {
    const result = await callRaw(core, 'incidents.importPreview', { file: NO_DATA_ROWS, sheet: 'Nope', lang: 'fr' });
    expect((result as { error: { message: string } }).error.message).toMatch(/^Le classeur n’a pas de feuille « Nope » ; ses feuilles sont « [^»]+ »/);
  });

  it('refuses a saved mapping that does not exist in the language asked for', async () => {
    const result = await callRaw(core, 'incidents.importPreview', { file: BAD_ROWS, preset: 'Ghost', lang: 'fr' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Aucune correspondance enregistrée ne s’appelle « Ghost ».', details: { reason: 'NO_SUCH_PRESET' } } });
  });
});

describe('import message keys', () => {
  type Messages = Record<string, string>;
  const messages = (locale: unknown) => (locale as { incidentsImport: { messages: Messages } }).incidentsImport.messages;
  const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('every key exists in all four languages, with the same placeholders', () => {
    const base = messages(en);
    for (const [lang, locale] of Object.entries({ fr, es, ar })) {
      expect(Object.keys(messages(locale)).sort(), lang).toEqual(Object.keys(base).sort());
      for (const [key, text] of Object.entries(base)) expect(placeholders(messages(locale)[key]!), `${lang} ${key}`).toEqual(placeholders(text));
    }
  });

  it('shows a cell that looks like a placeholder or a nested key as written', () => {
    const value = '$t(incidentsImport.cancelled) {{max}}';
    expect(importSay('fr')('notYesNo', { value }, '')).toBe(`« ${value} » ne veut dire ni oui ni non.`);
  });

  it('every key the import code uses is in the locales', () => {
    const root = path.resolve(import.meta.dirname, '../../../electron/core');
    const source = ['import/values.ts', 'import/readTable.ts', 'import/incidentsImport.ts', 'services/incidentsService.ts']
      .map((f) => fs.readFileSync(path.join(root, f), 'utf8'))
      .join('\n');
    const used = new Set<string>();
    for (const m of source.matchAll(/\bsay\('(\w+)'/g)) used.add(m[1]!);
    for (const m of source.matchAll(/\bbad\('\w+', '(\w+)'/g)) used.add(m[1]!);
    for (const m of source.matchAll(/\bbad\('\w+', `\$\{axis\}(\w+)`/g)) ['lat', 'lon'].forEach((axis) => used.add(`${axis}${m[1]}`));
    expect(used.size).toBeGreaterThan(40);
    const known = new Set(Object.keys(messages(en)));
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });
});
