import { useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { gridTheme } from '../../app/gridTheme';
import { notify } from '../../app/notify';
import { vigil } from '../../lib/vigil';
import type { Incident } from '../../../../shared/contract/incidents';
import { createGridDatasource } from '../../app/grid/gridDatasource';
import { useGridLocaleText } from '../../app/grid/useGridLocaleText';
import { createIncidentColumns } from './columns';
import { useIncidentTaxonomy } from './useIncidentTaxonomy';

export interface IncidentFilters {
  search: string;
  from?: string;
  to?: string;
}

interface IncidentsGridProps {
  filters: IncidentFilters;
  onOpen(id: string): void;
  onTotal(total: number): void;
  /** The grid's API once ready (null when destroyed), for exporting its current view. */
  onApi?(api: GridApi<Incident> | null): void;
}

const defaultColDef: ColDef<Incident> = { sortable: true, resizable: true, floatingFilter: true, minWidth: 90 };

/** Infinite Row Model: the core pages, sorts and filters (period overlap and full text included). */
export function IncidentsGrid({ filters, onOpen, onTotal, onApi }: IncidentsGridProps) {
  const { t, i18n } = useTranslation('incidents');
  const localeText = useGridLocaleText();
  const { label } = useIncidentTaxonomy();
  const columnDefs = useMemo(() => createIncidentColumns(t, label), [t, label]);
  const api = useRef<GridApi<Incident> | null>(null);
  const current = useRef(filters);
  const totalListener = useRef(onTotal);
  useEffect(() => {
    totalListener.current = onTotal;
  }, [onTotal]);

  useEffect(() => {
    if (current.current === filters) return;
    current.current = filters;
    api.current?.purgeInfiniteCache();
  }, [filters]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = vigil.on('incidents.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => api.current?.refreshInfiniteCache(), 150);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, []);

  const rtl = i18n.dir() === 'rtl';
  return (
    <div className="incidents-grid" role="region" aria-label={t('grid.label')}>
      <AgGridReact<Incident>
        key={`${i18n.language}-${rtl ? 'rtl' : 'ltr'}`}
        theme={gridTheme}
        enableRtl={rtl}
        localeText={localeText}
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={50}
        blockLoadDebounceMillis={50}
        getRowId={(params) => params.data.id}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        onGridReady={(event) => {
          api.current = event.api;
          onApi?.(event.api);
          event.api.setGridOption(
            'datasource',
            createGridDatasource<Incident>({
              fetchPage: (query) => {
                const f = current.current;
                return vigil.call('incidents.list', {
                  ...query,
                  search: f.search,
                  ...(f.from ? { from: f.from } : {}),
                  ...(f.to ? { to: f.to } : {}),
                });
              },
              quickFilter: () => '',
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
        onCellKeyDown={(event) => {
          if (event.event instanceof KeyboardEvent && event.event.key === 'Enter' && event.data) onOpen(event.data.id);
        }}
      />
    </div>
  );
}
