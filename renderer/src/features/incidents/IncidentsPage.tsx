import { useCallback, useMemo, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, Field, PageHeader, Spinner, TextInput } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import { IncidentsGrid, type IncidentFilters } from './IncidentsGrid';
import { IncidentForm } from './IncidentForm';
import { ImportWizard } from './ImportWizard';
import { IncidentsExportMenu } from './IncidentsExportMenu';
import { applyGroupFilter, GroupBySelect, GroupList, groupCountView, textGroupFilter, useGridFilterModel } from '../../app/grid/GroupBy';
import { useIncidentTaxonomy } from './useIncidentTaxonomy';
import { INCIDENT_GROUP_BY, SEVERITIES, type Incident, type IncidentGroupBy } from '../../../../shared/contract/incidents';
import './incidents.css';

/** Severities read best from the worst down, "none recorded" last; other groupings come largest first. */
const SEVERITY_ORDER = [...SEVERITIES].reverse();
const severityRank = (key: string) => {
  const i = SEVERITY_ORDER.indexOf(key as (typeof SEVERITIES)[number]);
  return i === -1 ? SEVERITY_ORDER.length : i;
};

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
  const [readyApi, setReadyApi] = useState<GridApi<Incident> | null>(null);
  const getApi = useCallback(() => gridApi.current, []);
  const [groupBy, setGroupBy] = useState<IncidentGroupBy | ''>('');
  const taxonomy = useIncidentTaxonomy();
  const gridFilters = useGridFilterModel(readyApi);
  // Each grouping is a grid column of the same name: choosing a group sets that column's filter.
  const groupColumn = groupBy || null;
  const groups = useVigilQuery(
    'incidents.groups',
    {
      by: groupBy || 'category',
      view: { ...groupCountView('', gridFilters, groupColumn), search: filters.search, from: filters.from, to: filters.to, includeRestricted: true },
    },
    { enabled: groupBy !== '' },
  );
  const sortedGroups = useMemo(() => {
    const list = groups.data?.groups;
    if (!list || groupBy !== 'severity') return list;
    return [...list].sort((a, b) => severityRank(a.key) - severityRank(b.key));
  }, [groups.data, groupBy]);
  const groupLabel = (key: string): string => {
    if (!key) return t('groups.noValue');
    if (groupBy === 'severity') return t(`severity.${key}`, { defaultValue: key });
    // Taxonomy values read in the officer's language; other groupings (areas) as written.
    return groupBy === 'category' || groupBy === 'organisationAffected' || groupBy === 'perpetratorType' ? taxonomy.label(groupBy, key) : key;
  };

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
            <GroupBySelect
              label={t('groups.label')}
              noneLabel={t('groups.none')}
              options={INCIDENT_GROUP_BY.map((id) => ({ id, label: t(`groups.by.${id}`) }))}
              value={groupBy}
              onChange={(by) => {
                // The old grouping's filter goes with it: a new grouping starts from "all".
                if (groupColumn) applyGroupFilter(gridApi.current, groupColumn, null);
                setGroupBy(by as IncidentGroupBy | '');
              }}
            />
            <span role="status">{shown === null ? '' : t('shown', { shown: shown.toLocaleString(), total: (total ?? 0).toLocaleString() })}</span>
          </div>
          <div className={groupBy ? 'grid-grouped incidents-grouped' : 'incidents-body'}>
            {groupBy && groupColumn && (
              <GroupList
                label={t('groups.listLabel', { by: t(`groups.by.${groupBy}`) })}
                allLabel={t('groups.all')}
                loadingLabel={t('page.loading')}
                groups={sortedGroups}
                total={groups.data?.total}
                labelOf={groupLabel}
                colId={groupColumn}
                filterOf={textGroupFilter}
                filterModel={gridFilters}
                getApi={getApi}
              />
            )}
            <IncidentsGrid
              filters={filters}
              onOpen={setEditing}
              onTotal={setShown}
              onApi={(api) => {
                gridApi.current = api;
                setReadyApi(api);
              }}
            />
          </div>
        </>
      )}
      <IncidentForm id={editing} onClose={() => setEditing(undefined)} />
      <ImportWizard open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
