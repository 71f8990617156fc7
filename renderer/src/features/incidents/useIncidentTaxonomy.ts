import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useVigilQuery } from '../../lib/queries';
import { taxonomyLabel, taxonomyOptions, type TaxonomyField } from '../../../../shared/contract/incidentTaxonomy';

export type TaxonomyLabelFn = (field: TaxonomyField, value: string) => string;

/**
 * The delegation's incident taxonomy in the current language: `label` turns a stored value into its
 * label (the value as written when the term or its translation is missing), `options` feeds a datalist.
 * Refreshes on incidents.changed, so a taxonomy saved in Settings reaches open forms, grids and charts.
 */
export function useIncidentTaxonomy() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const query = useVigilQuery('incidents.taxonomy', {});
  const taxonomy = query.data?.taxonomy;
  const label = useCallback<TaxonomyLabelFn>((field, value) => (taxonomy ? taxonomyLabel(taxonomy, field, value, lang) : value), [taxonomy, lang]);
  const options = useCallback((field: TaxonomyField) => (taxonomy ? taxonomyOptions(taxonomy, field, lang) : []), [taxonomy, lang]);
  return useMemo(() => ({ taxonomy, customised: query.data?.customised ?? false, label, options }), [taxonomy, query.data?.customised, label, options]);
}
