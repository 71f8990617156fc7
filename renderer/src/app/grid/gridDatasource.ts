import type { GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { GridQuery, GridView } from '../../../../shared/contract/grid';

/**
 * Infinite Row Model <-> a core `*.list` command. AG Grid's filter and sort models pass through unchanged
 * (the contract accepts exactly their shapes); the quick filter is read at request time so changing it
 * only needs a cache purge. Generic: every grid module builds its datasource with this.
 */
export interface GridDatasourceOptions<Row> {
  fetchPage(query: GridQuery): Promise<{ rows: Row[]; total: number }>;
  quickFilter(): string;
  /** The number of rows matching the current view, for the "12 premises" count line. */
  onTotal(total: number): void;
  onError(error: unknown): void;
}

export function createGridDatasource<Row>(options: GridDatasourceOptions<Row>): IDatasource {
  return {
    getRows(params: IGetRowsParams<Row>) {
      options
        .fetchPage({
          quickFilter: options.quickFilter(),
          filterModel: params.filterModel as GridView['filterModel'],
          sortModel: params.sortModel,
          startRow: params.startRow,
          endRow: params.endRow,
        })
        .then(({ rows, total }) => {
          // lastRow = total tells the grid the exact size, so the scrollbar is right from the first page.
          params.successCallback(rows, total);
          options.onTotal(total);
        })
        .catch((error: unknown) => {
          params.failCallback();
          options.onError(error);
        });
    },
  };
}

/** What the grid shows right now, as the core's GridView: exports reproduce exactly this. */
export function currentGridView(api: GridApi, quickFilter: string): GridView {
  const sortModel = api
    .getColumnState()
    .filter((c) => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
  return { quickFilter, filterModel: api.getFilterModel() as GridView['filterModel'], sortModel };
}

/** Visible column ids in the order the user arranged them. */
export function displayedColumnIds(api: GridApi): string[] {
  return api.getAllDisplayedColumns().map((c) => c.getColId());
}
