import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { Button, EmptyState, PageHeader, Spinner, TextInput } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import type { Premises } from '../../../../shared/contract/premises';
import { GridExportMenu } from '../files/GridExportMenu';
import { PremisesForm } from './PremisesForm';
import { PremisesGrid } from './PremisesGrid';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import './premises.css';

const EXPORT_TARGET = { ns: 'premises', command: 'premises.export', filePrefix: 'premises' } as const;

/** undefined: no form open; null: a new premises; a string: that premises' id. */
type Editing = string | null | undefined;

export function PremisesPage() {
  const { t } = useTranslation('premises');
  // One row is enough to learn how many premises exist at all (empty state, "12 of 340").
  const everything = useVigilQuery('premises.list', { startRow: 0, endRow: 1 });
  const [search, setSearch] = useState('');
  const quickFilter = useDebouncedValue(search.trim(), 250);
  const [shown, setShown] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing>(undefined);
  const api = useRef<GridApi<Premises> | null>(null);
  const getApi = useCallback(() => api.current, []);
  const onReady = useCallback((ready: GridApi<Premises> | null) => {
    api.current = ready;
  }, []);

  const total = everything.data?.total;
  const count =
    shown === null || total === undefined
      ? ''
      : shown === total
        ? t('count.all', { count: total })
        : t('count.filtered', { count: shown, total });

  return (
    <div className="premises-page">
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <>
            <GridExportMenu target={EXPORT_TARGET} getApi={getApi} quickFilter={quickFilter} disabled={!total} />
            <Button variant="primary" onClick={() => setEditing(null)}>
              {t('actions.add')}
            </Button>
          </>
        }
      />

      {everything.isPending ? (
        <Spinner label={t('page.loading')} />
      ) : total === 0 ? (
        <EmptyState
          title={t('empty.title')}
          hint={t('empty.hint')}
          action={
            <Button variant="primary" onClick={() => setEditing(null)}>
              {t('actions.addFirst')}
            </Button>
          }
        />
      ) : (
        <>
          <div className="premises-toolbar">
            <TextInput
              type="search"
              className="premises-toolbar__search"
              aria-label={t('search.label')}
              placeholder={t('search.placeholder')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            <span className="premises-toolbar__count" role="status">
              {count}
            </span>
            <span className="premises-toolbar__hint">{t('grid.openHint')}</span>
          </div>
          <PremisesGrid quickFilter={quickFilter} onOpen={setEditing} onTotal={setShown} onReady={onReady} />
        </>
      )}

      {editing !== undefined && <PremisesForm premisesId={editing} onClose={() => setEditing(undefined)} />}
    </div>
  );
}
