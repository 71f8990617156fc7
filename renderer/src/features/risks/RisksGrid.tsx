import { useMemo } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Risk } from '../../../../shared/contract/risks';
import type { GridView } from '../../../../shared/contract/grid';
import type { EventName } from '../../../../shared/events';
import { InfiniteGrid } from '../../app/grid/InfiniteGrid';
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
const ROW_CLASS_RULES = { 'risks-grid__row--overdue': (p: { data?: Risk }) => Boolean(p.data?.reviewOverdue) };

/** The register on the Infinite Row Model: the core filters, sorts and pages; the grid shows what is in view. */
export function RisksGrid({ quickFilter, filterModel, onOpen, onTotal, onApi }: RisksGridProps) {
  const { t } = useTranslation('risks');
  const config = useRiskConfig();
  const formatDate = useCalendarDate();
  const matrix = config.data?.matrix;
  const columnDefs = useMemo(() => createRiskColumns({ t, matrix, formatDate }), [t, matrix, formatDate]);
  return (
    <InfiniteGrid<Risk>
      command="risks.list"
      className="risks-grid"
      label={t('grid.label')}
      columnDefs={columnDefs}
      quickFilter={quickFilter}
      filterModel={filterModel}
      refreshOn={REFRESH_ON}
      rowClassRules={ROW_CLASS_RULES}
      onRowOpen={(row) => onOpen(row.id)}
      onTotal={onTotal}
      onApi={onApi}
    />
  );
}
