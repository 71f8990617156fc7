import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, GridApi, RowClassRules } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { gridTheme } from '../gridTheme';
import { notify } from '../notify';
import { vigil } from '../../lib/vigil';
import type { CommandInput, CommandName, CommandOutput } from '../../../../shared/contract';
import type { GridQuery, GridView } from '../../../../shared/contract/grid';
import type { EventName } from '../../../../shared/events';
import { createGridDatasource, currentGridView, displayedColumnIds } from './gridDatasource';
import { useGridLocaleText } from './useGridLocaleText';

/** A core command that takes a grid query and answers one page of rows of this kind. */
export type GridPageCommand<Row> = {
  [N in CommandName]: GridQuery extends CommandInput<N> ? (CommandOutput<N> extends { rows: Row[]; total: number } ? N : never) : never;
}[CommandName];

/** What a page can ask the grid once it is on screen. */
export interface InfiniteGridHandle {
  /** Exactly the rows on screen, as the core's view (extra filter included): exports pass this unchanged. */
  view(): GridView;
  /** Visible column ids in the order the user arranged them. */
  columns(): string[];
  /** Reload the rows in place (after a save the page knows about). */
  refresh(): void;
}

/** The fields of a command's query that are not the grid's own (a period, a full-text search). */
export type ExtraQuery<N extends CommandName> = Partial<Omit<CommandInput<N>, keyof GridQuery>>;

export interface InfiniteGridProps<Row, N extends GridPageCommand<Row> = GridPageCommand<Row>> {
  command: N;
  columnDefs: ColDef<Row>[];
  /** Accessible name of the grid's region. */
  label: string;
  className?: string;
  /** Already debounced by the page. */
  quickFilter?: string;
  /**
   * A filter set by the page (a toolbar toggle or picker). It is merged under the column filters: a column
   * filter on the same column replaces it, so the user's own choice in the grid always wins.
   */
  extraFilter?: GridView['filterModel'];
  /**
   * Query fields of the command beside the grid's own, sent with every page (undefined ones are left out).
   * A change is a new result set, like a new quick filter. The handle's view() leaves them out: the page
   * that sets them passes them to its export itself.
   */
  extraQuery?: ExtraQuery<N>;
  /** Column filters set from outside the grid (a heat-map cell); null leaves the grid's own alone. */
  filterModel?: GridView['filterModel'] | null;
  /** Events after which the rows on screen are reloaded (once per burst). */
  refreshOn: readonly EventName[];
  getRowId?(row: Row): string;
  /** Double-click or Enter on a row. */
  onRowOpen?(row: Row): void;
  /** The number of rows matching the current view. */
  onTotal?(total: number): void;
  /** The grid's API once ready (null when it goes). */
  onApi?(api: GridApi<Row> | null): void;
  rowClassRules?: RowClassRules<Row>;
  /** Texts of the module shown over the grid: "no actions match" reads better than a generic sentence. */
  overlays?: { noRows?: string; loading?: string };
  defaultColDef?: ColDef<Row>;
  ref?: Ref<InfiniteGridHandle>;
}

const REFRESH_DEBOUNCE_MS = 150;
const BASE_COL_DEF = { sortable: true, resizable: true, floatingFilter: true, minWidth: 90 };
const byId = (row: unknown) => (row as { id: string }).id;

/**
 * A module grid on AG Grid's Infinite Row Model: the core filters, sorts and pages, the grid fetches only
 * the rows in view (plus a buffer), so 100 and 100,000 rows feel the same. Direction, AG Grid's own texts
 * and the theme follow the language; Enter or a double-click opens a row; change events reload in place.
 */
export function InfiniteGrid<Row, N extends GridPageCommand<Row> = GridPageCommand<Row>>({
  command,
  columnDefs,
  label,
  className,
  quickFilter = '',
  extraFilter,
  extraQuery,
  filterModel,
  refreshOn,
  getRowId = byId,
  onRowOpen,
  onTotal,
  onApi,
  rowClassRules,
  overlays,
  defaultColDef,
  ref,
}: InfiniteGridProps<Row, N>) {
  const { i18n } = useTranslation();
  const gridLocale = useGridLocaleText();
  const noRows = overlays?.noRows;
  const loading = overlays?.loading;
  const localeText = useMemo(
    // The module's sentence serves both an empty list and filters that match nothing.
    () => ({ ...gridLocale, ...(noRows ? { noRowsToShow: noRows, noMatchingRows: noRows } : {}), ...(loading ? { loadingOoo: loading } : {}) }),
    [gridLocale, noRows, loading],
  );
  const colDef = useMemo(() => ({ ...BASE_COL_DEF, ...defaultColDef }), [defaultColDef]);
  const api = useRef<GridApi<Row> | null>(null);
  // The datasource is made once, when the grid is ready; it reads the latest inputs through refs.
  const quick = useRef(quickFilter);
  const extra = useRef(extraFilter ?? {});
  const queryKey = JSON.stringify(extraQuery ?? {});
  // Through JSON: undefined fields are not sent, and an equal object from a new render is no change.
  const fields = useRef(queryKey);
  const listeners = useRef({ onTotal, onRowOpen, onApi, getRowId });
  useEffect(() => {
    listeners.current = { onTotal, onRowOpen, onApi, getRowId };
  }, [onTotal, onRowOpen, onApi, getRowId]);

  useEffect(() => {
    if (quick.current === quickFilter) return;
    quick.current = quickFilter;
    // A new quick filter is a new result set: drop every cached block and start from the top.
    api.current?.purgeInfiniteCache();
    api.current?.ensureIndexVisible(0, 'top');
  }, [quickFilter]);

  const extraKey = JSON.stringify(extraFilter ?? {});
  useEffect(() => {
    const next = JSON.parse(extraKey) as GridView['filterModel'];
    if (JSON.stringify(extra.current) === extraKey) return;
    extra.current = next;
    api.current?.purgeInfiniteCache();
    api.current?.ensureIndexVisible(0, 'top');
  }, [extraKey]);

  useEffect(() => {
    if (fields.current === queryKey) return;
    fields.current = queryKey;
    api.current?.purgeInfiniteCache();
    api.current?.ensureIndexVisible(0, 'top');
  }, [queryKey]);

  useEffect(() => {
    if (filterModel) api.current?.setFilterModel(filterModel);
  }, [filterModel]);

  const refreshKey = refreshOn.join(' ');
  useEffect(() => {
    // Reload the blocks in place (the rows stay on screen while fresh ones arrive), once per burst: an
    // import sends one event per record, and the grid needs one reload, not thousands.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => api.current?.refreshInfiniteCache(), REFRESH_DEBOUNCE_MS);
    };
    const offs = (refreshKey ? (refreshKey.split(' ') as EventName[]) : []).map((name) => vigil.on(name, refresh));
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [refreshKey]);

  useImperativeHandle(
    ref,
    () => ({
      view() {
        const shown = api.current ? currentGridView(api.current, quick.current) : { quickFilter: quick.current, filterModel: {}, sortModel: [] };
        return { ...shown, filterModel: { ...extra.current, ...shown.filterModel } };
      },
      columns: () => (api.current ? displayedColumnIds(api.current) : []),
      refresh: () => api.current?.refreshInfiniteCache(),
    }),
    [],
  );

  const onCellKeyDown = (event: CellKeyDownEvent<Row>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : null;
    if (key === 'Enter' && event.data) listeners.current.onRowOpen?.(event.data);
  };

  const rtl = i18n.dir() === 'rtl';
  return (
    <div className={className} role="region" aria-label={label}>
      <AgGridReact<Row>
        // AG Grid reads direction and its own texts once, at creation: a language change builds a new grid.
        key={`${i18n.language}-${rtl ? 'rtl' : 'ltr'}`}
        theme={gridTheme}
        enableRtl={rtl}
        localeText={localeText}
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={100}
        blockLoadDebounceMillis={50}
        getRowId={(params) => listeners.current.getRowId(params.data)}
        rowClassRules={rowClassRules}
        columnDefs={columnDefs}
        defaultColDef={colDef}
        onGridReady={(event) => {
          api.current = event.api;
          if (filterModel) event.api.setFilterModel(filterModel);
          event.api.setGridOption(
            'datasource',
            createGridDatasource<Row>({
              fetchPage: (query) => {
                const withExtra = { ...(JSON.parse(fields.current) as object), ...query, filterModel: { ...extra.current, ...query.filterModel } };
                // The command's type says it answers pages of Row; the call's generic cannot see it.
                return vigil.call(command, withExtra as CommandInput<typeof command>) as Promise<{ rows: Row[]; total: number }>;
              },
              quickFilter: () => quick.current,
              onTotal: (total) => listeners.current.onTotal?.(total),
              onError: (error) => notify.error(error),
            }),
          );
          listeners.current.onApi?.(event.api);
        }}
        onGridPreDestroyed={() => {
          api.current = null;
          listeners.current.onApi?.(null);
        }}
        onRowDoubleClicked={(event) => event.data && listeners.current.onRowOpen?.(event.data)}
        onCellKeyDown={onCellKeyDown}
      />
    </div>
  );
}
