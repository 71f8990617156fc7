import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Button, PageHeader, TextInput } from '../../components';
import { gridTheme } from '../../app/gridTheme';
import { notify } from '../../app/notify';
import { createGridDatasource } from '../../app/grid/gridDatasource';
import { useGridLocaleText } from '../../app/grid/useGridLocaleText';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import { vigil } from '../../lib/vigil';
import type { Person } from '../../../../shared/contract/people';
import { useDateTimeFormat } from '../areas/hooks';
import { PersonDialog } from './PersonDialog';
import { InCountryView } from './InCountryView';
import { useSaveTo } from '../files/useSaveTo';
import './people.css';

function Flags({ person }: { person: Person }) {
  const { t } = useTranslation('people');
  return (
    <>
      {person.notBriefed && <span className="ppl-flag ppl-flag--bad">{t('flags.notBriefed')}</span>}
      {person.trainingFlags.map((f) => (
        <span key={f.course} className={f.state === 'expiring' ? 'ppl-flag' : 'ppl-flag ppl-flag--bad'}>
          {t(`flags.${f.state}`, { course: t(`courses.${f.course}`) })}
        </span>
      ))}
    </>
  );
}

export function PeoplePage() {
  const { t, i18n } = useTranslation('people');
  const [tab, setTab] = useState<'grid' | 'now'>('grid');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [quick, setQuick] = useState('');
  const debounced = useDebouncedValue(quick, 250);
  const [total, setTotal] = useState(0);
  const api = useRef<GridApi<Person> | null>(null);
  const quickRef = useRef(debounced);
  useEffect(() => {
    if (quickRef.current === debounced) return;
    quickRef.current = debounced;
    api.current?.purgeInfiniteCache();
  }, [debounced]);
  const localeText = useGridLocaleText();
  const formatDateTime = useDateTimeFormat();
  const { saveTo, dialog } = useSaveTo(t('export.title'));

  const flagText = useCallback(
    (p: Person) =>
      [...(p.notBriefed ? [t('flags.notBriefed')] : []), ...p.trainingFlags.map((f) => t(`flags.${f.state}`, { course: t(`courses.${f.course}`) }))].join(', '),
    [t],
  );
  const columnDefs = useMemo<ColDef<Person>[]>(
    () => [
      { colId: 'name', field: 'name', headerName: t('columns.name'), filter: 'agTextColumnFilter', minWidth: 180 },
      { colId: 'flags', headerName: t('columns.flags'), sortable: false, minWidth: 300, tooltipValueGetter: (p) => (p.data ? flagText(p.data) : ''), cellRenderer: (p: { data?: Person }) => (p.data ? <Flags person={p.data} /> : null) },
      { colId: 'category', field: 'category', headerName: t('columns.category'), valueFormatter: (p) => (p.value ? t(`categories.${String(p.value)}`) : '') },
      { colId: 'status', field: 'status', headerName: t('columns.status'), valueFormatter: (p) => (p.value ? t(`statuses.${String(p.value)}`) : '') },
      { colId: 'organisation', field: 'organisation', headerName: t('columns.organisation'), filter: 'agTextColumnFilter' },
      { colId: 'position', field: 'position', headerName: t('columns.position'), filter: 'agTextColumnFilter' },
      { colId: 'residenceName', headerName: t('columns.residence'), valueGetter: (p) => p.data?.residenceName ?? p.data?.residenceAddress ?? '' },
      { colId: 'arrivalAt', field: 'arrivalAt', headerName: t('columns.arrivalAt'), valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') },
      { colId: 'radioCallSign', field: 'radioCallSign', headerName: t('columns.radioCallSign') },
      { colId: 'phones', headerName: t('columns.phones'), sortable: false, valueGetter: (p) => p.data?.phones.join(', ') ?? '' },
    ],
    [t, formatDateTime, flagText],
  );

  const exportGrid = (format: 'csv' | 'xlsx') =>
    void saveTo(`people.${format}`, format, async (path) => {
      const r = await vigil.call('people.export', { format, path, lang: i18n.language as 'en' });
      notify.success(t('export.done', { count: r.rows }));
    });

  const rtl = i18n.dir() === 'rtl';
  return (
    <div className="ppl-page">
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setEditing('new')}>
            {t('actions.add')}
          </Button>
        }
      />
      <div className="ppl-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'grid'} onClick={() => setTab('grid')}>
          {t('tabs.grid')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'now'} onClick={() => setTab('now')}>
          {t('tabs.now')}
        </button>
      </div>
      {tab === 'grid' ? (
        <>
          <div className="ppl-toolbar">
            <TextInput
              type="search"
              aria-label={t('search')}
              placeholder={t('search')}
              value={quick}
              onChange={(e) => setQuick(e.target.value)}
            />
            <span className="ppl-toolbar__grow">{t('count', { count: total })}</span>
            <Button onClick={() => exportGrid('csv')}>{t('export.csv')}</Button>
            <Button onClick={() => exportGrid('xlsx')}>{t('export.xlsx')}</Button>
          </div>
          <div className="ppl-grid">
            <AgGridReact<Person>
              key={`${i18n.language}-${rtl ? 'rtl' : 'ltr'}`}
              theme={gridTheme}
              enableRtl={rtl}
              localeText={localeText}
              rowModelType="infinite"
              cacheBlockSize={100}
              getRowId={(p) => p.data.id}
              columnDefs={columnDefs}
              defaultColDef={{ sortable: true, resizable: true, minWidth: 100 }}
              onGridReady={(event) => {
                api.current = event.api;
                event.api.setGridOption(
                  'datasource',
                  createGridDatasource<Person>({
                    fetchPage: (query) => vigil.call('people.list', query),
                    quickFilter: () => quickRef.current,
                    onTotal: setTotal,
                    onError: (error) => notify.error(error),
                  }),
                );
              }}
              onRowDoubleClicked={(e) => e.data && setEditing(e.data.id)}
              onCellKeyDown={(e) => {
                if (e.event instanceof KeyboardEvent && e.event.key === 'Enter' && e.data) setEditing(e.data.id);
              }}
            />
          </div>
        </>
      ) : (
        <InCountryView saveTo={saveTo} />
      )}
      {editing && (
        <PersonDialog
          id={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
            api.current?.refreshInfiniteCache();
          }}
        />
      )}
      {dialog}
    </div>
  );
}
