import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/contract/common';

const FEATURES_DIR = join(import.meta.dirname, '../../renderer/src/features');

/** Nested translation objects as "a.b.c" -> value, so a key missing deep inside one file shows by name. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** i18next plural keys: `name_one`, `name_other`, `name_ordinal_two`... */
const PLURAL_KEY = /^(.*?)(_ordinal)?_(zero|one|two|few|many|other)$/;

/**
 * The keys a language must have: English's own, except that each plural family takes the forms the
 * language's plural rules use (French and Spanish add "many", Arabic has six), as i18next looks them up.
 */
function expectedKeys(english: Map<string, unknown>, lang: string): string[] {
  const keys = new Set<string>();
  for (const key of english.keys()) {
    const match = PLURAL_KEY.exec(key);
    const base = match?.[1];
    if (!match || base === undefined || !english.has(`${base}${match[2] ?? ''}_other`)) {
      keys.add(key);
      continue;
    }
    const ordinal = match[2] ?? '';
    const rules = new Intl.PluralRules(lang, { type: ordinal ? 'ordinal' : 'cardinal' });
    for (const category of rules.resolvedOptions().pluralCategories) keys.add(`${base}${ordinal}_${category}`);
  }
  return [...keys].sort();
}

const localeDirs = readdirSync(FEATURES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(FEATURES_DIR, entry.name, 'locales')))
  .map((entry) => entry.name)
  .sort();

// A folder with no translation files yet is someone's work in progress, not a broken language.
const populated = localeDirs.filter((feature) =>
  readdirSync(join(FEATURES_DIR, feature, 'locales')).some((f) => f.endsWith('.json')),
);

describe('feature translations', () => {
  it('include the shell', () => {
    expect(populated).toContain('shell');
  });

  describe.each(populated)('%s', (feature) => {
    const dir = join(FEATURES_DIR, feature, 'locales');
    const load = (lang: string) => flatten(JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')));

    it('has one file per language and no other', () => {
      const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
      expect(files).toEqual(LANGUAGES.map((lang) => `${lang}.json`).sort());
    });

    it.each(LANGUAGES.filter((lang) => lang !== 'en'))('%s has exactly the English keys', (lang) => {
      const expected = expectedKeys(load('en'), lang);
      const actual = [...load(lang).keys()];
      expect({ missing: expected.filter((k) => !actual.includes(k)), extra: actual.filter((k) => !expected.includes(k)) }).toEqual({
        missing: [],
        extra: [],
      });
    });

    it.each([...LANGUAGES])('%s has only non-empty strings', (lang) => {
      const bad = [...load(lang)].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(bad).toEqual([]);
    });

    it.each(LANGUAGES.filter((lang) => lang !== 'en'))('%s keeps the English placeholders', (lang) => {
      // A translated {{name}} would print nothing where the value belongs.
      const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
      const english = load('en');
      const other = load(lang);
      // A plural form may spell its number out ("one area", Arabic's dual), so {{count}} is optional there.
      const compare = (key: string, value: unknown) => placeholders(value).filter((p) => !(PLURAL_KEY.test(key) && p === 'count'));
      const englishOf = (key: string) => english.get(key) ?? english.get(key.replace(PLURAL_KEY, '$1$2_other'));
      const wrong = [...other.keys()].filter(
        (k) => englishOf(k) !== undefined && JSON.stringify(compare(k, englishOf(k))) !== JSON.stringify(compare(k, other.get(k))),
      );
      expect(wrong).toEqual([]);
    });
  });
});
