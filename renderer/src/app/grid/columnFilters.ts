import type { ColDef } from 'ag-grid-community';
import { SelectFilter, SelectFloatingFilter, type SelectFilterParams } from './SelectFilter';
import { DayRangeFilter, DayRangeFloatingFilter, type DayRangeFilterParams } from './DayRangeFilter';

/**
 * Column filters that produce exactly what the core's grid query accepts (shared/contract/grid.ts), one
 * condition per column. Spread into a ColDef: `{ field: 'title', ...textColumnFilter }`.
 */
export const textColumnFilter = {
  filter: 'agTextColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'],
  },
} satisfies ColDef;

export const numberColumnFilter = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank'],
  },
} satisfies ColDef;

/** One value from a list of translated labels (a status, a kind, a premises). */
export function selectColumnFilter(params: SelectFilterParams) {
  return {
    filter: SelectFilter,
    filterParams: params,
    floatingFilterComponent: SelectFloatingFilter,
    floatingFilterComponentParams: params,
    suppressFloatingFilterButton: true,
  } satisfies ColDef;
}

/** A from / to day range on a calendar-date column (the core takes it as YYYYMMDD numbers). */
export function dayRangeColumnFilter(params: DayRangeFilterParams) {
  return {
    filter: DayRangeFilter,
    filterParams: params,
    floatingFilterComponent: DayRangeFloatingFilter,
    floatingFilterComponentParams: params,
  } satisfies ColDef;
}
