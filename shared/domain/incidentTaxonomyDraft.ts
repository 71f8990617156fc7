import {
  TAXONOMY_FIELDS,
  type IncidentTaxonomy,
  type IncidentTaxonomyInput,
  type TaxonomyField,
  type TaxonomyRename,
} from '../contract/incidentTaxonomy';

/** One editable term: `origin` is its value when it was loaded (null for a term added since). */
export interface DraftRow {
  key: number;
  origin: string | null;
  value: string;
  fr: string;
  es: string;
  ar: string;
}
export type TaxonomyDraft = Record<TaxonomyField, DraftRow[]>;
export type RowProblem = 'empty' | 'duplicate';

let nextKey = 1;
export const newRow = (): DraftRow => ({ key: nextKey++, origin: null, value: '', fr: '', es: '', ar: '' });

export function toDraft(taxonomy: IncidentTaxonomy): TaxonomyDraft {
  const out = {} as TaxonomyDraft;
  for (const field of TAXONOMY_FIELDS) {
    out[field] = taxonomy[field].map((t) => ({ key: nextKey++, origin: t.value, value: t.value, fr: t.labels.fr ?? '', es: t.labels.es ?? '', ar: t.labels.ar ?? '' }));
  }
  return out;
}

export function fromDraft(draft: TaxonomyDraft): IncidentTaxonomyInput {
  const out = {} as IncidentTaxonomyInput;
  for (const field of TAXONOMY_FIELDS) out[field] = draft[field].map((r) => ({ value: r.value, labels: { fr: r.fr, es: r.es, ar: r.ar } }));
  return out;
}

/** The same checks as the core (empty value, same value twice whatever the case), per row, to mark them at once. */
export function rowProblems(rows: readonly DraftRow[]): Map<number, RowProblem> {
  const out = new Map<number, RowProblem>();
  const seen = new Set<string>();
  for (const r of rows) {
    const value = r.value.trim().replace(/\s+/g, ' ');
    if (!value) {
      out.set(r.key, 'empty');
      continue;
    }
    const k = value.toLocaleLowerCase('en');
    if (seen.has(k)) out.set(r.key, 'duplicate');
    seen.add(k);
  }
  return out;
}

/** Loaded terms whose value was changed: what "also rename in existing incidents" would apply. */
export function draftRenames(draft: TaxonomyDraft): TaxonomyRename[] {
  return TAXONOMY_FIELDS.flatMap((field) =>
    draft[field]
      .filter((r) => r.origin !== null && r.value.trim() !== '' && r.value.trim().replace(/\s+/g, ' ') !== r.origin)
      .map((r) => ({ field, from: r.origin as string, to: r.value.trim().replace(/\s+/g, ' ') })),
  );
}

/** Moves a row up (-1) or down (+1) within its list; out of range leaves the list as it is. */
export function moveRow(rows: readonly DraftRow[], index: number, by: -1 | 1): DraftRow[] {
  const to = index + by;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const out = [...rows];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}
