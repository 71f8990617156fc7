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
      const english = [...load('en').keys()].sort();
      const other = [...load(lang).keys()].sort();
      expect({ missing: english.filter((k) => !other.includes(k)), extra: other.filter((k) => !english.includes(k)) }).toEqual({
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
      const wrong = [...english.keys()].filter(
        (k) => other.has(k) && JSON.stringify(placeholders(english.get(k))) !== JSON.stringify(placeholders(other.get(k))),
      );
      expect(wrong).toEqual([]);
    });
  });
});
