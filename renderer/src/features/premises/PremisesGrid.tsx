import { useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { gridTheme } from '../../app/gridTheme';
import { notify } from '../../app/notify';
import { vigil } from '../../lib/vigil';
import type { Premises } from '../../../../shared/contract/premises';
import type { EventName } from '../../../../shared/events';
import { useDateTimeFormat, usePhaseScale } from '../areas/hooks';
import { createPremisesColumns } from './columns';
import { createGridDatasource } from '../../app/grid/gridDatasource';
import { useGridLocaleText } from '../../app/grid/useGridLocaleText';

interface PremisesGridProps {
  /** Already debounced by the page. */
  quickFilter: string;
  onOpen(id: string): void;
  onTotal(total: number): void;
  onReady(api: GridApi<Premises> | null): void;
}

/** Premises carry their area's path and phase, so a change to areas or phases also changes rows here. */
const REFRESH_ON: readonly EventName[] = ['premises.changed', 'areas.changed', 'phases.declared'];

const REFRESH_DEBOUNCE_MS = 150;

const defaultColDef: ColDef<Premises> = { sortable: true, resizable: true, floatingFilter: true, minWidth: 90 };

/**
 * The premises grid on the Infinite Row Model: only the rows in view (plus a buffer) are ever fetched, so
 * 100 rows and 100,000 rows feel the same. Sorting and filtering are done by the core.
 */
export function PremisesGrid({ quickFilter, onOpen, onTotal, onReady }: PremisesGridProps) {
  const { t, i18n } = useTranslation('premises');
  const formatDateTime = useDateTimeFormat();
  const scale = usePhaseScale();
  const localeText = useGridLocaleText();
  const columnDefs = useMemo(() => createPremisesColumns({ t, formatDateTime, scale }), [t, formatDateTime, scale]);
  const api = useRef<GridApi<Premises> | null>(null);
  // The datasource is made once, when the grid is ready; it reads the latest filter and callbacks through refs.
  const quick = useRef(quickFilter);
  const totalListener = useRef(onTotal);
  useEffect(() => {
    totalListener.current = onTotal;
  }, [onTotal]);

  useEffect(() => {
    if (quick.current === quickFilter) return;
    quick.current = quickFilter;
    // A new quick filter is a new result set: drop every cached block and start from the top.
    api.current?.purgeInfiniteCache();
    api.current?.ensureIndexVisible(0, 'top');
  }, [quickFilter]);

  useEffect(() => {
    // Reload the blocks in place (the rows stay on screen while fresh ones arrive), once per burst: an
    // import sends one event per record, and the grid needs one reload, not thousands.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => api.current?.refreshInfiniteCache(), REFRESH_DEBOUNCE_MS);
    };
    const offs = REFRESH_ON.map((name) => vigil.on(name, refresh));
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, []);

  const onCellKeyDown = (event: CellKeyDownEvent<Premises>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : null;
    if (key === 'Enter' && event.data) onOpen(event.data.id);
  };

  const rtl = i18n.dir() === 'rtl';
  return (
    <div className="premises-grid" role="region" aria-label={t('grid.label')}>
      <AgGridReact<Premises>
        // AG Grid reads direction and its own texts once, at creation: a language change builds a new grid.
        key={`${i18n.language}-${rtl ? 'rtl' : 'ltr'}`}
        theme={gridTheme}
        enableRtl={rtl}
        localeText={localeText}
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={100}
        blockLoadDebounceMillis={50}
        getRowId={(params) => params.data.id}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        onGridReady={(event) => {
          api.current = event.api;
          event.api.setGridOption(
            'datasource',
            createGridDatasource<Premises>({
              fetchPage: (query) => vigil.call('premises.list', query),
              quickFilter: () => quick.current,
              onTotal: (total) => totalListener.current(total),
              onError: (error) => notify.error(error),
            }),
          );
          onReady(event.api);
        }}
        onGridPreDestroyed={() => {
          api.current = null;
          onReady(null);
        }}
        onRowDoubleClicked={(event) => event.data && onOpen(event.data.id)}
        onCellKeyDown={onCellKeyDown}
      />
    </div>
  );
}
