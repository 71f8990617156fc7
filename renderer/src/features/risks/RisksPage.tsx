import { useCallback, useMemo, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, PageHeader, Spinner, TextInput } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import type { GridView } from '../../../../shared/contract/grid';
import { RISK_GROUP_BY, type Risk, type RiskGroupBy } from '../../../../shared/contract/risks';
import type { ColumnFilter } from '../../../../shared/contract/grid';
import { RISK_LEVEL_KEYS } from '../../../../shared/presets/riskMatrices';
import { applyGroupFilter, GroupBySelect, GroupList, groupCountView, textGroupFilter, useGridFilterModel } from '../../app/grid/GroupBy';
import { GridExportMenu } from '../files/GridExportMenu';
import { ImportDialog } from './ImportDialog';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import { HeatMap, type HeatCell } from './HeatMap';
import { RiskChanges } from './RiskChanges';
import { RiskDetail } from './RiskDetail';
import { RiskForm } from './RiskForm';
import { RisksGrid } from './RisksGrid';
import { useRiskConfig } from './hooks';
import './risks.css';

const EXPORT_TARGET = { ns: 'risks', command: 'risks.export', filePrefix: 'risks' } as const;

const EMPTY_VIEW: GridView['filterModel'] = {};

type Tab = 'register' | 'changes';

/** The grid column each grouping filters on. */
const GROUP_COLUMN: Record<RiskGroupBy, string> = {
  category: 'category',
  status: 'status',
  owner: 'owner',
  inherentLevel: 'inherentLevel',
  residualLevel: 'residualLevel',
};

function groupFilter(by: RiskGroupBy, key: string): ColumnFilter {
  if (by === 'inherentLevel' || by === 'residualLevel') {
    return { filterType: 'number', type: 'equals', filter: RISK_LEVEL_KEYS.indexOf(key as (typeof RISK_LEVEL_KEYS)[number]) + 1 };
  }
  return textGroupFilter(key);
}

export function RisksPage() {
  const { t, i18n } = useTranslation('risks');
  const everything = useVigilQuery('risks.list', { startRow: 0, endRow: 1 });
  const heat = useVigilQuery('risks.heatmap', {});
  const config = useRiskConfig();
  const [search, setSearch] = useState('');
  const quickFilter = useDebouncedValue(search.trim(), 250);
  const [shown, setShown] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [cell, setCell] = useState<HeatCell | null>(null);

  // A heat-map click becomes the grid's own filter model, so the grid, its count and an export agree.
  const filterModel = useMemo<GridView['filterModel'] | null>(() => {
    if (!cell) return null;
    return {
      [`${cell.kind}Likelihood`]: { filterType: 'number', type: 'equals', filter: cell.likelihood },
      [`${cell.kind}Impact`]: { filterType: 'number', type: 'equals', filter: cell.impact },
    };
  }, [cell]);
  const [cleared, setCleared] = useState(0);
  const gridApi = useRef<GridApi<Risk> | null>(null);
  const [readyApi, setReadyApi] = useState<GridApi<Risk> | null>(null);
  const getApi = useCallback(() => gridApi.current, []);
  const [tab, setTab] = useState<Tab>('register');
  const [groupBy, setGroupBy] = useState<RiskGroupBy | ''>('');
  const gridFilters = useGridFilterModel(readyApi);
  const groupColumn = groupBy ? GROUP_COLUMN[groupBy] : null;
  const groups = useVigilQuery(
    'risks.groups',
    { by: groupBy || 'category', view: groupCountView(quickFilter, gridFilters, groupColumn) },
    { enabled: groupBy !== '' && tab === 'register' },
  );
  // Levels read best from the worst down; other groupings come largest first, as the core counts them.
  const sortedGroups = useMemo(() => {
    const list = groups.data?.groups;
    if (!list || (groupBy !== 'inherentLevel' && groupBy !== 'residualLevel')) return list;
    const rank = (k: string) => RISK_LEVEL_KEYS.indexOf(k as (typeof RISK_LEVEL_KEYS)[number]);
    return [...list].sort((a, b) => rank(b.key) - rank(a.key));
  }, [groups.data, groupBy]);
  const groupLabel = (key: string): string => {
    if (groupBy === 'category') return t(`categories.${key}`, { defaultValue: key });
    if (groupBy === 'status') return t(`statuses.${key}`);
    if (groupBy === 'owner') return key || t('groups.noOwner');
    return t(`levels.${key}`);
  };

  const total = everything.data?.total;
  return (
    <div className="risks-page">
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('actions.add')}
          </Button>
        }
      />
      {everything.isPending ? (
        <Spinner label={t('page.loading')} />
      ) : total === 0 ? (
        <EmptyState
          title={t('empty.title')}
          hint={t('empty.hint')}
          action={
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t('actions.addFirst')}
            </Button>
          }
        />
      ) : (
        <>
          <div className="risks-tabs" role="tablist" aria-label={t('page.views')}>
            {(['register', 'changes'] as const).map((v) => (
              <button key={v} type="button" role="tab" aria-selected={tab === v} className="risks-tabs__tab" onClick={() => setTab(v)}>
                {t(`views.${v}`)}
              </button>
            ))}
          </div>
          {tab === 'changes' ? (
            <RiskChanges onOpen={setOpenId} />
          ) : (
            <>
              {heat.data && config.data && (
                <div className="risks-heatmaps">
                  <HeatMap kind="inherent" counts={heat.data.inherent} matrix={config.data.matrix} selected={cell} onSelect={setCell} />
                  <HeatMap kind="residual" counts={heat.data.residual} matrix={config.data.matrix} selected={cell} onSelect={setCell} />
                </div>
              )}
              <div className="risks-toolbar">
                <TextInput
                  type="search"
                  className="risks-toolbar__search"
                  aria-label={t('search.label')}
                  placeholder={t('search.placeholder')}
                  value={search}
                  onChange={(event) => setSearch(event.target.value)}
                />
                <span role="status" className="risks-toolbar__count">
                  {shown !== null && total !== undefined ? t('count', { count: shown, total }) : ''}
                </span>
                {cell && (
                  <span className="risks-toolbar__cell">
                    {t('filter.cell', { kind: t(`heat.${cell.kind}`), likelihood: cell.likelihood, impact: cell.impact })}{' '}
                    <Button
                      size="sm"
                      onClick={() => {
                        setCell(null);
                        setCleared((n) => n + 1);
                      }}
                    >
                      {t('filter.clear')}
                    </Button>
                  </span>
                )}
                <GroupBySelect
                  label={t('groups.label')}
                  noneLabel={t('groups.none')}
                  options={RISK_GROUP_BY.map((id) => ({ id, label: t(`groups.by.${id}`) }))}
                  value={groupBy}
                  onChange={(by) => {
                    // The old grouping's filter goes with it: a new grouping starts from "all".
                    if (groupColumn) applyGroupFilter(gridApi.current, groupColumn, null);
                    setGroupBy(by as RiskGroupBy | '');
                  }}
                />
                <span className="risks-toolbar__hint">{t('grid.openHint')}</span>
                <Button onClick={() => setImporting(true)}>{t('import.button')}</Button>
                <GridExportMenu target={EXPORT_TARGET} getApi={() => gridApi.current} quickFilter={quickFilter} />
              </div>
              <div className={groupBy ? 'grid-grouped' : 'risks-register-body'}>
                {groupBy && groupColumn && (
                  <GroupList
                    label={t('groups.listLabel', { by: t(`groups.by.${groupBy}`) })}
                    allLabel={t('groups.all')}
                    loadingLabel={t('page.loading')}
                    groups={sortedGroups}
                    total={groups.data?.total}
                    labelOf={groupLabel}
                    colId={groupColumn}
                    filterOf={(key) => groupFilter(groupBy, key)}
                    filterModel={gridFilters}
                    getApi={getApi}
                  />
                )}
                <RisksGrid
                  key={`${i18n.language}-${cleared}`}
                  quickFilter={quickFilter}
                  filterModel={filterModel ?? EMPTY_VIEW}
                  onOpen={setOpenId}
                  onTotal={setShown}
                  onApi={(api) => {
                    gridApi.current = api;
                    setReadyApi(api);
                  }}
                />
              </div>
            </>
          )}
        </>
      )}
      {creating && <RiskForm record={null} onClose={() => setCreating(false)} onSaved={(r) => setOpenId(r.id)} />}
      {openId && <RiskDetail riskId={openId} onClose={() => setOpenId(null)} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
