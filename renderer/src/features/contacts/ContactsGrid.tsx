import { useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { gridTheme } from '../../app/gridTheme';
import { notify } from '../../app/notify';
import { vigil } from '../../lib/vigil';
import type { Contact } from '../../../../shared/contract/contacts';
import type { EventName } from '../../../../shared/events';
import { createGridDatasource } from '../../app/grid/gridDatasource';
import { useGridLocaleText } from '../../app/grid/useGridLocaleText';
import { createContactColumns } from './columns';
import { useDayFormat, useNumberFormat } from './hooks';

interface ContactsGridProps {
  /** Already debounced by the page. */
  quickFilter: string;
  onOpen(id: string): void;
  onTotal(total: number): void;
  onReady(api: GridApi<Contact> | null): void;
}

/** Contacts carry their organisation's name and type and their last interaction's date. */
const REFRESH_ON: readonly EventName[] = ['contacts.changed', 'organisations.changed', 'interactions.changed'];

const REFRESH_DEBOUNCE_MS = 150;

const defaultColDef: ColDef<Contact> = { sortable: true, resizable: true, floatingFilter: true, minWidth: 90 };

/** The contacts grid on the Infinite Row Model: sorting and filtering are done by the core. */
export function ContactsGrid({ quickFilter, onOpen, onTotal, onReady }: ContactsGridProps) {
  const { t, i18n } = useTranslation('contacts');
  const formatDay = useDayFormat();
  const formatNumber = useNumberFormat();
  const localeText = useGridLocaleText();
  const columnDefs = useMemo(() => createContactColumns({ t, formatDay, formatNumber }), [t, formatDay, formatNumber]);
  const api = useRef<GridApi<Contact> | null>(null);
  const quick = useRef(quickFilter);
  const totalListener = useRef(onTotal);
  useEffect(() => {
    totalListener.current = onTotal;
  }, [onTotal]);

  useEffect(() => {
    if (quick.current === quickFilter) return;
    quick.current = quickFilter;
    api.current?.purgeInfiniteCache();
    api.current?.ensureIndexVisible(0, 'top');
  }, [quickFilter]);

  useEffect(() => {
    // One reload per burst: an import sends many events.
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

  const onCellKeyDown = (event: CellKeyDownEvent<Contact>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : null;
    if (key === 'Enter' && event.data) onOpen(event.data.id);
  };

  const rtl = i18n.dir() === 'rtl';
  return (
    <div className="contacts-grid" role="region" aria-label={t('grid.label')}>
      <AgGridReact<Contact>
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
            createGridDatasource<Contact>({
              fetchPage: (query) => vigil.call('contacts.list', query),
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
