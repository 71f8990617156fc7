import { useMemo, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, PageHeader, Spinner, TextInput } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import type { GridView } from '../../../../shared/contract/grid';
import type { Risk } from '../../../../shared/contract/risks';
import { GridExportMenu } from '../files/GridExportMenu';
import { ImportDialog } from './ImportDialog';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import { HeatMap, type HeatCell } from './HeatMap';
import { RiskDetail } from './RiskDetail';
import { RiskForm } from './RiskForm';
import { RisksGrid } from './RisksGrid';
import { useRiskConfig } from './hooks';
import './risks.css';

const EXPORT_TARGET = { ns: 'risks', command: 'risks.export', filePrefix: 'risks' } as const;

const EMPTY_VIEW: GridView['filterModel'] = {};

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
            <span className="risks-toolbar__hint">{t('grid.openHint')}</span>
            <Button onClick={() => setImporting(true)}>{t('import.button')}</Button>
            <GridExportMenu target={EXPORT_TARGET} getApi={() => gridApi.current} quickFilter={quickFilter} />
          </div>
          <RisksGrid
            key={`${i18n.language}-${cleared}`}
            quickFilter={quickFilter}
            filterModel={filterModel ?? EMPTY_VIEW}
            onOpen={setOpenId}
            onTotal={setShown}
            onApi={(api) => {
              gridApi.current = api;
            }}
          />
        </>
      )}
      {creating && <RiskForm record={null} onClose={() => setCreating(false)} onSaved={(r) => setOpenId(r.id)} />}
      {openId && <RiskDetail riskId={openId} onClose={() => setOpenId(null)} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
