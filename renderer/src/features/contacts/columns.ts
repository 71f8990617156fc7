import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { ORGANISATION_TYPES, STALE_CONTACT_DAYS, type Contact, type ContactColumn } from '../../../../shared/contract/contacts';
import { selectColumnFilter as selectFilter } from '../../app/grid/columnFilters';

export interface ContactColumnContext {
  t: TFunction;
  /** A YYYY-MM-DD day in the user's language. */
  formatDay(day: string): string;
  formatNumber(n: number): string;
}

/** Exactly the operators the core's grid query accepts (shared/contract/grid.ts), one condition per column. */
const textFilter = {
  filter: 'agTextColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'],
  },
} satisfies ColDef<Contact>;

const numberFilter = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank'],
  },
} satisfies ColDef<Contact>;

/** colId = field = the core's column id, so sort and filter models and export columns need no mapping. */
function column(id: ContactColumn, t: TFunction, def: ColDef<Contact>): ColDef<Contact> {
  return { colId: id, field: id, headerName: t(`columns.${id}`), ...def };
}

/** Contacts going cold are the ones the officer must call: the row says so in words and in colour. */
export const isStale = (days: number | null | undefined) => days != null && days > STALE_CONTACT_DAYS;

/**
 * The contacts grid's columns: who, where they belong, how to reach them, and how long since we last
 * spoke. Rebuilt when the language changes.
 */
export function createContactColumns({ t, formatDay, formatNumber }: ContactColumnContext): ColDef<Contact>[] {
  const anyLabel = t('filter.any');
  return [
    column('name', t, { ...textFilter, minWidth: 180, flex: 2 }),
    column('organisationName', t, { ...textFilter, minWidth: 180, flex: 2 }),
    column('organisationType', t, {
      ...selectFilter({
        anyLabel,
        options: ORGANISATION_TYPES.map((type) => ({
          key: type,
          label: t(`orgTypes.${type}`),
          model: { filterType: 'text', type: 'equals', filter: type },
        })),
      }),
      valueFormatter: (p) => (p.value ? t(`orgTypes.${p.value}`) : ''),
      width: 170,
    }),
    column('role', t, { ...textFilter, minWidth: 150, flex: 1 }),
    column('phones', t, {
      ...textFilter,
      valueFormatter: (p: ValueFormatterParams<Contact, Contact['phones']>) => (p.value ?? []).map((ph) => ph.number).join(', '),
      minWidth: 150,
      flex: 1,
    }),
    column('callSign', t, { ...textFilter, width: 120 }),
    column('email', t, { ...textFilter, minWidth: 170, flex: 1 }),
    column('lastContactDate', t, {
      filter: false,
      valueFormatter: (p) => (p.value ? formatDay(p.value as string) : ''),
      width: 150,
    }),
    column('daysSinceContact', t, {
      ...numberFilter,
      valueFormatter: (p: ValueFormatterParams<Contact, number | null>) =>
        p.value == null ? t('days.never') : isStale(p.value) ? t('days.stale', { count: p.value }) : t('days.count', { count: p.value }),
      cellClassRules: { 'contacts-grid__stale': (p) => isStale(p.value as number | null) },
      tooltipValueGetter: (p) => (isStale(p.value as number | null) ? t('days.staleHint', { days: formatNumber(STALE_CONTACT_DAYS) }) : undefined),
      width: 210,
    }),
    column('sensitive', t, {
      // The core filters the flag as the words 'yes' / 'no'.
      ...selectFilter({
        anyLabel,
        options: [
          { key: 'yes', label: t('yes'), model: { filterType: 'text', type: 'equals', filter: 'yes' } },
          { key: 'no', label: t('no'), model: { filterType: 'text', type: 'equals', filter: 'no' } },
        ],
      }),
      valueFormatter: (p: ValueFormatterParams<Contact, boolean>) => (p.value ? t('sensitive.flag') : ''),
      cellClassRules: { 'contacts-grid__sensitive': (p) => p.value === true },
      width: 130,
    }),
  ];
}
