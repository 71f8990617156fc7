import { useMemo } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/contract/incidents';
import type { EventName } from '../../../../shared/events';
import { InfiniteGrid } from '../../app/grid/InfiniteGrid';
import { createIncidentColumns } from './columns';
import { useIncidentTaxonomy } from './useIncidentTaxonomy';

export interface IncidentFilters {
  search: string;
  from?: string;
  to?: string;
}

interface IncidentsGridProps {
  filters: IncidentFilters;
  onOpen(id: string): void;
  onTotal(total: number): void;
  /** The grid's API once ready (null when destroyed), for exporting its current view. */
  onApi?(api: GridApi<Incident> | null): void;
}

const REFRESH_ON: readonly EventName[] = ['incidents.changed'];

/** Infinite Row Model: the core pages, sorts and filters (period overlap and full text included). */
export function IncidentsGrid({ filters, onOpen, onTotal, onApi }: IncidentsGridProps) {
  const { t } = useTranslation('incidents');
  const { label } = useIncidentTaxonomy();
  const columnDefs = useMemo(() => createIncidentColumns(t, label), [t, label]);
  return (
    <InfiniteGrid<Incident, 'incidents.list'>
      command="incidents.list"
      className="incidents-grid"
      label={t('grid.label')}
      columnDefs={columnDefs}
      extraQuery={filters}
      refreshOn={REFRESH_ON}
      onRowOpen={(row) => onOpen(row.id)}
      onTotal={onTotal}
      onApi={onApi}
    />
  );
}
