import { useMemo } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Premises } from '../../../../shared/contract/premises';
import type { EventName } from '../../../../shared/events';
import { useDateTimeFormat, usePhaseScale } from '../areas/hooks';
import { createPremisesColumns } from './columns';
import { InfiniteGrid } from '../../app/grid/InfiniteGrid';

interface PremisesGridProps {
  /** Already debounced by the page. */
  quickFilter: string;
  onOpen(id: string): void;
  onTotal(total: number): void;
  onReady(api: GridApi<Premises> | null): void;
}

/** Premises carry their area's path and phase, so a change to areas or phases also changes rows here. */
const REFRESH_ON: readonly EventName[] = ['premises.changed', 'areas.changed', 'phases.declared'];

/**
 * The premises grid on the Infinite Row Model: only the rows in view (plus a buffer) are ever fetched, so
 * 100 rows and 100,000 rows feel the same. Sorting and filtering are done by the core.
 */
export function PremisesGrid({ quickFilter, onOpen, onTotal, onReady }: PremisesGridProps) {
  const { t } = useTranslation('premises');
  const formatDateTime = useDateTimeFormat();
  const scale = usePhaseScale();
  const columnDefs = useMemo(() => createPremisesColumns({ t, formatDateTime, scale }), [t, formatDateTime, scale]);
  return (
    <InfiniteGrid<Premises>
      command="premises.list"
      className="premises-grid"
      label={t('grid.label')}
      columnDefs={columnDefs}
      quickFilter={quickFilter}
      refreshOn={REFRESH_ON}
      onRowOpen={(row) => onOpen(row.id)}
      onTotal={onTotal}
      onApi={onReady}
    />
  );
}
