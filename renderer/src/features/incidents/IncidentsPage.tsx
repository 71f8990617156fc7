import { useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, Field, PageHeader, Spinner, TextInput } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import { IncidentsGrid, type IncidentFilters } from './IncidentsGrid';
import { IncidentForm } from './IncidentForm';
import { ImportWizard } from './ImportWizard';
import { IncidentsExportMenu } from './IncidentsExportMenu';
import type { Incident } from '../../../../shared/contract/incidents';
import './incidents.css';

export function IncidentsPage() {
  const { t } = useTranslation('incidents');
  const everything = useVigilQuery('incidents.list', { startRow: 0, endRow: 1 });
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const [filters, setFilters] = useState<IncidentFilters>({ search: '' });
  const [shown, setShown] = useState<number | null>(null);
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const gridApi = useRef<GridApi<Incident> | null>(null);

  const wanted = { search: debounced, from: from || undefined, to: to || undefined };
  if (wanted.search !== filters.search || wanted.from !== filters.from || wanted.to !== filters.to) setFilters(wanted);

  const total = everything.data?.total;
  const actions = (
    <>
      {Boolean(total) && <IncidentsExportMenu getApi={() => gridApi.current} filters={filters} disabled={!shown} />}
      <Button onClick={() => setImporting(true)}>{t('actions.import')}</Button>
      <Button variant="primary" onClick={() => setEditing(null)}>
        {t('actions.add')}
      </Button>
    </>
  );
  return (
    <div className="incidents-page">
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} actions={actions} />
      {everything.isPending ? (
        <Spinner label={t('page.loading')} />
      ) : total === 0 ? (
        <EmptyState title={t('empty.title')} hint={t('empty.hint')} action={actions} />
      ) : (
        <>
          <div className="incidents-toolbar">
            <TextInput type="search" aria-label={t('search.label')} placeholder={t('search.placeholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
            <Field label={t('period.from')}>
              <TextInput type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </Field>
            <Field label={t('period.to')}>
              <TextInput type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </Field>
            <span role="status">{shown === null ? '' : t('shown', { shown: shown.toLocaleString(), total: (total ?? 0).toLocaleString() })}</span>
          </div>
          <IncidentsGrid filters={filters} onOpen={setEditing} onTotal={setShown} onApi={(api) => (gridApi.current = api)} />
        </>
      )}
      <IncidentForm id={editing} onClose={() => setEditing(undefined)} />
      <ImportWizard open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
