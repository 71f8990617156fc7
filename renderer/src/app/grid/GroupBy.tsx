import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { ColumnFilter, GridView } from '../../../../shared/contract/grid';
import './grid.css';

/**
 * "Group by" for Infinite Row Model grids. AG Grid Community has no row grouping, so the core counts the
 * rows per group (a `<module>.groups` command) and choosing a group sets an ordinary column filter on the
 * grid: the grid, its count line and an export of the view all agree, and clearing that column's filter
 * (or choosing "All") returns to every row. Generic: each module supplies its options, counts and filters.
 */
export interface GroupByOption {
  id: string;
  label: string;
}

export interface GroupCount {
  key: string;
  count: number;
}

/** A text column's group: equal to the key, or blank for the "none" group (key ''). */
export function textGroupFilter(key: string): ColumnFilter {
  return key === '' ? { filterType: 'text', type: 'blank' } : { filterType: 'text', type: 'equals', filter: key };
}

const sameFilter = (a: ColumnFilter, b: ColumnFilter | undefined) =>
  b !== undefined &&
  a.filterType === b.filterType &&
  a.type === b.type &&
  String(a.filter ?? '').toLowerCase() === String(b.filter ?? '').toLowerCase();

/** The grid's filter model, following every change (a group chosen, a column filter typed or cleared). */
export function useGridFilterModel(api: GridApi | null): GridView['filterModel'] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!api) return () => undefined;
      api.addEventListener('filterChanged', onChange);
      return () => {
        if (!api.isDestroyed()) api.removeEventListener('filterChanged', onChange);
      };
    },
    [api],
  );
  // A string snapshot: stable while the model is the same, as useSyncExternalStore needs.
  const snapshot = useSyncExternalStore(subscribe, () => (api && !api.isDestroyed() ? JSON.stringify(api.getFilterModel()) : '{}'));
  return useMemo(() => JSON.parse(snapshot) as GridView['filterModel'], [snapshot]);
}

/** The view the group counts are computed on: the grid's, without the grouped column's own filter. */
export function groupCountView(quickFilter: string, filterModel: GridView['filterModel'], colId: string | null): GridView {
  const rest = Object.fromEntries(Object.entries(filterModel).filter(([id]) => id !== colId));
  return { quickFilter, filterModel: rest, sortModel: [] };
}

/** Sets (or with null clears) one column's filter and reloads the grid's rows. */
export function applyGroupFilter(api: GridApi | null, colId: string, filter: ColumnFilter | null): void {
  if (!api || api.isDestroyed()) return;
  void Promise.resolve(api.setColumnFilterModel(colId, filter)).then(() => api.onFilterChanged());
}

export interface GroupBySelectProps {
  label: string;
  noneLabel: string;
  options: readonly GroupByOption[];
  /** '' = no grouping. */
  value: string;
  onChange(by: string): void;
}

export function GroupBySelect({ label, noneLabel, options, value, onChange }: GroupBySelectProps) {
  return (
    <label className="grid-group-by">
      <span className="grid-group-by__label">{label}</span>
      <select className="v-input v-select grid-group-by__select" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{noneLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface GroupListProps {
  /** Accessible name of the list, e.g. "Groups by category". */
  label: string;
  allLabel: string;
  groups: readonly GroupCount[] | undefined;
  total: number | undefined;
  labelOf(key: string): string;
  /** The grid column a group filters on, and the filter that shows one group. */
  colId: string;
  filterOf(key: string): ColumnFilter;
  /** The grid's current filter model: the group whose filter is in it is the chosen one. */
  filterModel: GridView['filterModel'];
  getApi(): GridApi | null;
  loadingLabel: string;
}

/** Group headers with counts; choosing one filters the grid to it, "All" clears that filter. */
export function GroupList({ label, allLabel, groups, total, labelOf, colId, filterOf, filterModel, getApi, loadingLabel }: GroupListProps) {
  const selected = groups?.find((g) => sameFilter(filterOf(g.key), filterModel[colId]));
  const anyFilterOnColumn = filterModel[colId] !== undefined;
  return (
    <nav className="grid-group-list" aria-label={label}>
      {groups === undefined ? (
        <p className="grid-group-list__loading">{loadingLabel}</p>
      ) : (
        <ul className="grid-group-list__items">
          <li>
            <button
              type="button"
              className="grid-group-list__item grid-group-list__item--all"
              aria-pressed={!selected && !anyFilterOnColumn}
              onClick={() => applyGroupFilter(getApi(), colId, null)}
            >
              <span className="grid-group-list__name">{allLabel}</span>
              <span className="grid-group-list__count">{total ?? ''}</span>
            </button>
          </li>
          {groups.map((g) => (
            <li key={g.key}>
              <button
                type="button"
                className="grid-group-list__item"
                aria-pressed={selected?.key === g.key}
                onClick={() => applyGroupFilter(getApi(), colId, selected?.key === g.key ? null : filterOf(g.key))}
              >
                <span className="grid-group-list__name">{labelOf(g.key)}</span>
                <span className="grid-group-list__count">{g.count}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
