import { useCallback, useMemo, useRef, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Button, PageHeader, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { InfiniteGrid, type InfiniteGridHandle } from '../../app/grid/InfiniteGrid';
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

const PEOPLE_EVENTS = ['people.changed'] as const;

export function PeoplePage() {
  const { t, i18n } = useTranslation('people');
  const [tab, setTab] = useState<'grid' | 'now'>('grid');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [quick, setQuick] = useState('');
  const debounced = useDebouncedValue(quick, 250);
  const [total, setTotal] = useState(0);
  const grid = useRef<InfiniteGridHandle>(null);
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
      // The rows the grid shows (search, column filters, sort), with every export column.
      const view = grid.current?.view();
      const r = await vigil.call('people.export', { format, path, lang: i18n.language as 'en', ...(view ? { view } : {}) });
      notify.success(t('export.done', { count: r.rows }));
    });

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
          <InfiniteGrid<Person>
            className="ppl-grid"
            ref={grid}
            command="people.list"
            label={t('page.title')}
            columnDefs={columnDefs}
            quickFilter={debounced}
            refreshOn={PEOPLE_EVENTS}
            defaultColDef={{ floatingFilter: false, minWidth: 100 }}
            onTotal={setTotal}
            onRowOpen={(person) => setEditing(person.id)}
          />
        </>
      ) : (
        <InCountryView saveTo={saveTo} />
      )}
      {editing && (
        <PersonDialog
          id={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
            grid.current?.refresh();
          }}
        />
      )}
      {dialog}
    </div>
  );
}
