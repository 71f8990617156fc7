import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { SEVERITIES, type Incident, type IncidentColumn } from '../../../../shared/contract/incidents';
import { SelectFilter, SelectFloatingFilter, type SelectFilterParams } from '../../app/grid/SelectFilter';
import type { TaxonomyField } from '../../../../shared/contract/incidentTaxonomy';
import type { TaxonomyLabelFn } from './useIncidentTaxonomy';

const textFilter = {
  filter: 'agTextColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'],
  },
} satisfies ColDef<Incident>;

const numberFilter = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank'],
  },
} satisfies ColDef<Incident>;

function selectFilter(params: SelectFilterParams): ColDef<Incident> {
  return { filter: SelectFilter, filterParams: params, floatingFilterComponent: SelectFloatingFilter, floatingFilterComponentParams: params, suppressFloatingFilterButton: true };
}

function column(id: IncidentColumn, t: TFunction, def: ColDef<Incident>): ColDef<Incident> {
  return { colId: id, field: id, headerName: t(`columns.${id}`), ...def };
}

const equalsText = (key: string, label: string) => ({ key, label, model: { filterType: 'text' as const, type: 'equals' as const, filter: key } });

/**
 * A taxonomy column shows the term's label in the current language; sort and filter still work on the
 * stored value (the core's query), and the tooltip gives that value when it differs.
 */
function taxonomyColumn(field: TaxonomyField & IncidentColumn, t: TFunction, label: TaxonomyLabelFn, def: ColDef<Incident>): ColDef<Incident> {
  return column(field, t, {
    ...def,
    valueFormatter: (p) => (p.value ? label(field, String(p.value)) : ''),
    tooltipValueGetter: (p) => (p.value && label(field, String(p.value)) !== p.value ? String(p.value) : undefined),
  });
}

const asWritten: TaxonomyLabelFn = (_field, value) => value;

/** The incidents grid: the date first (partial dates shown as written), casualties as numbers the core sorts. */
export function createIncidentColumns(t: TFunction, label: TaxonomyLabelFn = asWritten): ColDef<Incident>[] {
  const anyLabel = t('filter.any');
  const yesNo = selectFilter({ anyLabel, options: [equalsText('yes', t('yes')), equalsText('no', t('no'))] });
  return [
    column('date', t, { ...textFilter, width: 150, valueFormatter: (p) => (p.value ? String(p.value).replace('T', ' ').replace(/:00Z$|Z$/, ' UTC') : '') }),
    taxonomyColumn('category', t, label, { ...textFilter, width: 170 }),
    {
      colId: 'overdueReports',
      field: 'overdueReports',
      headerName: t('reporting.column'),
      sortable: false,
      filter: false,
      width: 170,
      valueFormatter: (p) => ((p.value as string[] | undefined)?.length ? (p.value as string[]).map((k) => t(`reporting.short.${k}`)).join(', ') : ''),
      cellClass: (p) => ((p.value as string[] | undefined)?.length ? 'incidents-overdue' : ''),
      tooltipValueGetter: (p) => ((p.value as string[] | undefined)?.length ? t('reporting.overdueTooltip') : undefined),
    },
    column('severity', t, {
      ...selectFilter({ anyLabel, options: SEVERITIES.map((s) => equalsText(s, t(`severity.${s}`))) }),
      valueFormatter: (p) => (p.value ? t(`severity.${p.value}`) : ''),
      width: 130,
    }),
    column('nearMiss', t, { ...yesNo, valueFormatter: (p) => (p.value ? t('yes') : ''), width: 110 }),
    column('country', t, { ...textFilter, width: 130 }),
    column('adminArea', t, { ...textFilter, width: 150 }),
    column('placeName', t, { ...textFilter, width: 150 }),
    taxonomyColumn('organisationAffected', t, label, { ...textFilter, width: 170 }),
    taxonomyColumn('perpetratorType', t, label, { ...textFilter, width: 170 }),
    column('killed', t, { ...numberFilter, width: 100, type: 'rightAligned' }),
    column('injured', t, { ...numberFilter, width: 100, type: 'rightAligned' }),
    column('kidnapped', t, { ...numberFilter, width: 110, type: 'rightAligned' }),
    column('confidentiality', t, {
      ...selectFilter({ anyLabel, options: [equalsText('normal', t('confidentiality.normal')), equalsText('restricted', t('confidentiality.restricted'))] }),
      valueFormatter: (p) => (p.value ? t(`confidentiality.${p.value}`) : ''),
      width: 140,
    }),
    column('needsReview', t, { ...yesNo, valueFormatter: (p) => (p.value ? t('yes') : ''), width: 120 }),
    column('narrative', t, { ...textFilter, minWidth: 260, flex: 3, tooltipField: 'narrative' }),
  ];
}
