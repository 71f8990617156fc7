import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { RISK_STATUSES, type Risk, type RiskColumn } from '../../../../shared/contract/risks';
import type { RiskMatrix } from '../../../../shared/presets/riskMatrices';
import { RISK_LEVEL_KEYS } from '../../../../shared/presets/riskMatrices';
import { levelColour } from '../../../../shared/domain/riskScoring';
import { selectColumnFilter as selectFilter } from '../../app/grid/columnFilters';

const textFilter = {
  filter: 'agTextColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'],
  },
} satisfies ColDef<Risk>;

const numberFilter = {
  filter: 'agNumberColumnFilter',
  filterParams: { maxNumConditions: 1, filterOptions: ['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange'] },
} satisfies ColDef<Risk>;

function column(id: RiskColumn, t: TFunction, def: ColDef<Risk>): ColDef<Risk> {
  return { colId: id, field: id, headerName: t(`columns.${id}`), ...def };
}

/** A level column: filtered and sorted by rank in the core, shown in the matrix colour. */
function levelColumn(id: 'inherentLevel' | 'residualLevel', t: TFunction, matrix: RiskMatrix | undefined, anyLabel: string): ColDef<Risk> {
  return column(id, t, {
    ...selectFilter({
      anyLabel,
      options: RISK_LEVEL_KEYS.map((key, i) => ({
        key,
        label: t(`levels.${key}`),
        model: { filterType: 'number' as const, type: 'equals' as const, filter: i + 1 },
      })),
    }),
    valueFormatter: (p) => (p.value ? t(`levels.${p.value}`) : ''),
    cellStyle: (p) => {
      if (!matrix || !p.value) return null;
      const colour = levelColour(matrix, RISK_LEVEL_KEYS.indexOf(p.value as (typeof RISK_LEVEL_KEYS)[number]) + 1);
      return { backgroundColor: colour.fill, color: colour.ink, fontWeight: '600' };
    },
    width: 140,
  });
}

export interface RiskColumnContext {
  t: TFunction;
  matrix: RiskMatrix | undefined;
  formatDate(date: string): string;
}

export function createRiskColumns({ t, matrix, formatDate }: RiskColumnContext): ColDef<Risk>[] {
  const anyLabel = t('filter.any');
  return [
    column('reference', t, { ...textFilter, width: 100, pinned: 'left' }),
    column('title', t, { ...textFilter, minWidth: 240, flex: 2 }),
    column('category', t, { ...textFilter, valueFormatter: (p) => (p.value ? t(`categories.${p.value}`, { defaultValue: p.value }) : ''), width: 160 }),
    levelColumn('inherentLevel', t, matrix, anyLabel),
    levelColumn('residualLevel', t, matrix, anyLabel),
    column('residualLikelihood', t, { ...numberFilter, width: 120, type: 'rightAligned' }),
    column('residualImpact', t, { ...numberFilter, width: 120, type: 'rightAligned' }),
    column('status', t, {
      ...selectFilter({
        anyLabel,
        options: RISK_STATUSES.map((s) => ({ key: s, label: t(`statuses.${s}`), model: { filterType: 'text', type: 'equals', filter: s } })),
      }),
      valueFormatter: (p) => (p.value ? t(`statuses.${p.value}`) : ''),
      width: 130,
    }),
    column('owner', t, { ...textFilter, width: 170 }),
    column('nextReview', t, {
      ...textFilter,
      valueFormatter: (p) => (p.value ? formatDate(p.value) : ''),
      cellClassRules: { 'risks-grid__overdue': (p) => Boolean(p.data?.reviewOverdue) },
      tooltipValueGetter: (p) => (p.data?.reviewOverdue ? t('grid.overdue') : undefined),
      width: 140,
    }),
    column('measureTitles', t, { ...textFilter, valueFormatter: (p) => (p.value ? String(p.value).split('\n').join(' · ') : ''), minWidth: 220, flex: 2 }),
    column('locations', t, { ...textFilter, minWidth: 200, tooltipField: 'locations' }),
    column('areaPath', t, { ...textFilter, minWidth: 180, hide: true }),
    column('inherentLikelihood', t, { ...numberFilter, width: 120, type: 'rightAligned', hide: true }),
    column('inherentImpact', t, { ...numberFilter, width: 120, type: 'rightAligned', hide: true }),
  ];
}
