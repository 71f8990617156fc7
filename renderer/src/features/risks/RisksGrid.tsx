import { useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { gridTheme } from '../../app/gridTheme';
import { notify } from '../../app/notify';
import { vigil } from '../../lib/vigil';
import type { Risk } from '../../../../shared/contract/risks';
import type { GridView } from '../../../../shared/contract/grid';
import type { EventName } from '../../../../shared/events';
import { createGridDatasource } from '../../app/grid/gridDatasource';
import { useGridLocaleText } from '../../app/grid/useGridLocaleText';
import { createRiskColumns } from './columns';
import { useCalendarDate, useRiskConfig } from './hooks';

interface RisksGridProps {
  quickFilter: string;
  /** A filter set from outside the grid (a heat-map cell); null leaves the grid's own filters alone. */
  filterModel: GridView['filterModel'] | null;
  onOpen(id: string): void;
  onTotal(total: number): void;
  /** The grid's API once ready (null when it goes), so the page can export exactly this view. */
  onApi?(api: GridApi<Risk> | null): void;
}

const REFRESH_ON: readonly EventName[] = ['risks.changed', 'measures.changed', 'areas.changed'];
const defaultColDef: ColDef<Risk> = { sortable: true, resizable: true, floatingFilter: true, minWidth: 90 };

/** The register on the Infinite Row Model: the core filters, sorts and pages; the grid shows what is in view. */
export function RisksGrid({ quickFilter, filterModel, onOpen, onTotal, onApi }: RisksGridProps) {
  const { t, i18n } = useTranslation('risks');
  const config = useRiskConfig();
  const formatDate = useCalendarDate();
  const localeText = useGridLocaleText();
  const matrix = config.data?.matrix;
  const columnDefs = useMemo(() => createRiskColumns({ t, matrix, formatDate }), [t, matrix, formatDate]);
  const api = useRef<GridApi<Risk> | null>(null);
  const quick = useRef(quickFilter);
  const totalListener = useRef(onTotal);
  useEffect(() => {
    totalListener.current = onTotal;
  }, [onTotal]);

  useEffect(() => {
    if (quick.current === quickFilter) return;
    quick.current = quickFilter;
    api.current?.purgeInfiniteCache();
  }, [quickFilter]);

  useEffect(() => {
    if (filterModel) api.current?.setFilterModel(filterModel);
  }, [filterModel]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => api.current?.refreshInfiniteCache(), 150);
    };
    const offs = REFRESH_ON.map((name) => vigil.on(name, refresh));
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, []);

  const onCellKeyDown = (event: CellKeyDownEvent<Risk>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : null;
    if (key === 'Enter' && event.data) onOpen(event.data.id);
  };

  const rtl = i18n.dir() === 'rtl';
  return (
    <div className="risks-grid" role="region" aria-label={t('grid.label')}>
      <AgGridReact<Risk>
        key={`${i18n.language}-${rtl ? 'rtl' : 'ltr'}`}
        theme={gridTheme}
        enableRtl={rtl}
        localeText={localeText}
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={100}
        blockLoadDebounceMillis={50}
        getRowId={(params) => params.data.id}
        rowClassRules={{ 'risks-grid__row--overdue': (p) => Boolean(p.data?.reviewOverdue) }}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        onGridReady={(event) => {
          api.current = event.api;
          onApi?.(event.api);
          if (filterModel) event.api.setFilterModel(filterModel);
          event.api.setGridOption(
            'datasource',
            createGridDatasource<Risk>({
              fetchPage: (query) => vigil.call('risks.list', query),
              quickFilter: () => quick.current,
              onTotal: (total) => totalListener.current(total),
              onError: (error) => notify.error(error),
            }),
          );
        }}
        onGridPreDestroyed={() => {
          api.current = null;
          onApi?.(null);
        }}
        onRowDoubleClicked={(event) => event.data && onOpen(event.data.id)}
        onCellKeyDown={onCellKeyDown}
      />
    </div>
  );
}
