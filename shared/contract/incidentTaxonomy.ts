import { z } from 'zod';
import { defineCommand } from './defineCommand';

/** The incident fields whose values come from the configurable taxonomy (free text is still accepted). */
export const TAXONOMY_FIELDS = ['category', 'subCategory', 'perpetratorType', 'weapon', 'organisationAffected'] as const;
export const TaxonomyFieldSchema = z.enum(TAXONOMY_FIELDS);
export type TaxonomyField = z.infer<typeof TaxonomyFieldSchema>;

/** The languages a term carries a label for; English is the value itself. */
export const TAXONOMY_LABEL_LANGUAGES = ['fr', 'es', 'ar'] as const;
export type TaxonomyLabelLanguage = (typeof TAXONOMY_LABEL_LANGUAGES)[number];

/** How many terms one list may hold: a taxonomy is a short controlled vocabulary, not a data table. */
export const MAX_TAXONOMY_TERMS = 500;

/**
 * One term: `value` is what the vault stores (English for the presets, so data from other delegations
 * and imports stay comparable); `labels` is how it reads in each language, English (the value) as fallback.
 */
export const TaxonomyTermSchema = z.object({
  value: z.string().trim().min(1).max(200),
  labels: z.object({ fr: z.string().max(200).optional(), es: z.string().max(200).optional(), ar: z.string().max(200).optional() }).default({}),
});
export type TaxonomyTerm = z.infer<typeof TaxonomyTermSchema>;

export const IncidentTaxonomySchema = z.object({
  category: z.array(TaxonomyTermSchema),
  subCategory: z.array(TaxonomyTermSchema),
  perpetratorType: z.array(TaxonomyTermSchema),
  weapon: z.array(TaxonomyTermSchema),
  organisationAffected: z.array(TaxonomyTermSchema),
});
export type IncidentTaxonomy = z.infer<typeof IncidentTaxonomySchema>;

/** The label of a stored value in a language: the term's label, else the value as written. */
export function taxonomyLabel(taxonomy: IncidentTaxonomy, field: TaxonomyField, value: string, lang: string): string {
  const term = taxonomy[field].find((t) => t.value === value);
  if (!term) return value;
  const short = lang.slice(0, 2);
  const label = short === 'fr' || short === 'es' || short === 'ar' ? term.labels[short] : undefined;
  return label?.trim() ? label.trim() : term.value;
}

/**
 * What a form offers for one field: each term's stored value, with its label in the language when it
 * differs (a <datalist> option shows both; the value is what gets saved).
 */
export function taxonomyOptions(taxonomy: IncidentTaxonomy, field: TaxonomyField, lang: string): { value: string; label: string | undefined }[] {
  return taxonomy[field].map((term) => {
    const label = taxonomyLabel(taxonomy, field, term.value, lang);
    return { value: term.value, label: label === term.value ? undefined : label };
  });
}

/**
 * What the editor sends. Values are checked by the core (not here) so that an empty or duplicate value
 * comes back as one clear message naming the list and the value rather than a bare schema error.
 */
const TermInputSchema = z.object({
  value: z.string().max(200),
  labels: z.object({ fr: z.string().max(200).optional(), es: z.string().max(200).optional(), ar: z.string().max(200).optional() }).default({}),
});
const TermListInputSchema = z.array(TermInputSchema).max(MAX_TAXONOMY_TERMS);

export const IncidentTaxonomyInputSchema = z.object({
  category: TermListInputSchema,
  subCategory: TermListInputSchema,
  perpetratorType: TermListInputSchema,
  weapon: TermListInputSchema,
  organisationAffected: TermListInputSchema,
});
export type IncidentTaxonomyInput = z.input<typeof IncidentTaxonomyInputSchema>;

/** A term renamed in the editor; with `renameExisting` the incidents holding `from` get `to` as well. */
export const TaxonomyRenameSchema = z.object({
  field: TaxonomyFieldSchema,
  from: z.string().max(200),
  to: z.string().max(200),
});
export type TaxonomyRename = z.infer<typeof TaxonomyRenameSchema>;

export const SaveTaxonomyInputSchema = z.object({
  taxonomy: IncidentTaxonomyInputSchema,
  renameExisting: z.array(TaxonomyRenameSchema).max(MAX_TAXONOMY_TERMS * TAXONOMY_FIELDS.length).optional(),
});

export const TaxonomyViewSchema = z.object({
  taxonomy: IncidentTaxonomySchema,
  /** False while the delegation uses the shipped presets (AWSD, Insecurity Insight) unchanged. */
  customised: z.boolean(),
});
export type TaxonomyView = z.infer<typeof TaxonomyViewSchema>;

export const SaveTaxonomyResultSchema = TaxonomyViewSchema.extend({
  /** How many incidents were changed by `renameExisting`. */
  renamedIncidents: z.number().int().min(0),
});

export const incidentTaxonomyCommands = {
  'incidents.taxonomy': defineCommand('incidents.taxonomy', z.object({}).default({}), TaxonomyViewSchema),
  'incidents.saveTaxonomy': defineCommand('incidents.saveTaxonomy', SaveTaxonomyInputSchema, SaveTaxonomyResultSchema, { mutates: true }),
  'incidents.resetTaxonomy': defineCommand('incidents.resetTaxonomy', z.object({}).default({}), TaxonomyViewSchema, { mutates: true }),
};
