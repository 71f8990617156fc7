import { TAXONOMY_FIELDS, type IncidentTaxonomy, type TaxonomyField } from '../../../shared/contract/incidentTaxonomy';
import { IMPORT_VALUES_LIMIT, type ImportFieldValues, type ImportMapping, type ImportValueMap } from '../../../shared/contract/incidents';
import { cellText, isNothing } from './values';
import type { Table } from './readTable';

/** Case and spacing do not make two values different ("Non-state  armed group" = "non-state armed group"). */
export function looseKey(value: string): string {
  return value.normalize('NFC').toLocaleLowerCase('en').replace(/\s+/g, '');
}

/** What the taxonomy knows of a field's values: its exact values, and each value or label ignoring case and spaces. */
export interface TaxonomyMatcher {
  known(field: TaxonomyField, value: string): boolean;
  /** The term a value matches ignoring case and spaces (by its value or any label), else null. */
  suggest(field: TaxonomyField, value: string): string | null;
}

export function createTaxonomyMatcher(taxonomy: IncidentTaxonomy): TaxonomyMatcher {
  const exact = new Map<TaxonomyField, Set<string>>();
  const loose = new Map<TaxonomyField, Map<string, string>>();
  for (const field of TAXONOMY_FIELDS) {
    const terms = taxonomy[field] ?? [];
    exact.set(field, new Set(terms.map((t) => t.value)));
    const byKey = new Map<string, string>();
    // Values first, so a label never shadows another term's own value.
    for (const t of terms) if (!byKey.has(looseKey(t.value))) byKey.set(looseKey(t.value), t.value);
    for (const t of terms) {
      for (const label of Object.values(t.labels ?? {})) {
        if (label?.trim() && !byKey.has(looseKey(label))) byKey.set(looseKey(label), t.value);
      }
    }
    loose.set(field, byKey);
  }
  return {
    known: (field, value) => exact.get(field)?.has(value) ?? false,
    suggest: (field, value) => loose.get(field)?.get(looseKey(value)) ?? null,
  };
}

/** The value a file value becomes under the value mapping: its own entry, else one equal ignoring case and spaces. */
export function createValueMapper(values: ImportValueMap | undefined): (field: TaxonomyField, value: string) => string | null {
  const loose = new Map<TaxonomyField, Map<string, string>>();
  for (const field of TAXONOMY_FIELDS) {
    const entries = values?.[field];
    if (!entries) continue;
    const byKey = new Map<string, string>();
    for (const [from, to] of Object.entries(entries)) if (!byKey.has(looseKey(from))) byKey.set(looseKey(from), to);
    loose.set(field, byKey);
  }
  return (field, value) => {
    const entries = values?.[field];
    if (!entries) return null;
    return Object.hasOwn(entries, value) ? entries[value]! : (loose.get(field)?.get(looseKey(value)) ?? null);
  };
}

/** Per mapped taxonomy column: its distinct values (trimmed), the rows holding each, known or not, a suggestion. */
export function summariseFieldValues(table: Table, mapping: ImportMapping, matcher: TaxonomyMatcher, limit = IMPORT_VALUES_LIMIT): ImportFieldValues[] {
  const out: ImportFieldValues[] = [];
  for (const field of TAXONOMY_FIELDS) {
    const column = Object.entries(mapping).find(([, f]) => f === field)?.[0];
    const i = column === undefined ? -1 : table.columns.indexOf(column);
    if (column === undefined || i < 0) continue;
    const counts = new Map<string, number>();
    for (const { cells } of table.rows) {
      const raw = cells[i];
      if (isNothing(raw)) continue;
      const value = cellText(raw);
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    out.push({
      field,
      column,
      values: sorted.slice(0, limit).map(([value, count]) => ({
        value: value.slice(0, 500),
        count,
        known: matcher.known(field, value),
        suggestion: matcher.suggest(field, value),
      })),
      more: Math.max(0, sorted.length - limit),
    });
  }
  return out;
}
