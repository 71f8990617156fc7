import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { PREMISES_TYPES, type Premises, type PremisesColumn } from '../../../../shared/contract/premises';
import { PHASE_SCALES, type PhaseScaleId } from '../../../../shared/presets/phaseScales';
import { AreaCell } from './AreaCell';
import { PhaseCell } from './PhaseCell';
import { selectColumnFilter as selectFilter } from '../../app/grid/columnFilters';

export interface PremisesColumnContext {
  t: TFunction;
  formatDateTime(iso: string): string;
  /** The scale whose levels the phase filter offers. */
  scale: PhaseScaleId;
}

/** Exactly the operators the core's grid query accepts (shared/contract/grid.ts), one condition per column. */
const textFilter = {
  filter: 'agTextColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'],
  },
} satisfies ColDef<Premises>;

const numberFilter = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank'],
  },
} satisfies ColDef<Premises>;

/** colId = field = the core's column id, so sort and filter models and export columns need no mapping. */
function column(id: PremisesColumn, t: TFunction, def: ColDef<Premises>): ColDef<Premises> {
  return { colId: id, field: id, headerName: t(`columns.${id}`), ...def };
}

/**
 * The premises grid's columns. The phase sits next to the area because it is what the officer scans for;
 * coordinates come late because they are read by maps more than by people. Rebuilt when the language,
 * time zone or phase scale changes.
 */
export function createPremisesColumns({ t, formatDateTime, scale }: PremisesColumnContext): ColDef<Premises>[] {
  const anyLabel = t('filter.any');
  const yesNo = (p: ValueFormatterParams<Premises, boolean>) => (p.value == null ? '' : t(p.value ? 'yes' : 'no'));
  return [
    column('name', t, { ...textFilter, minWidth: 180, flex: 2 }),
    column('type', t, {
      ...selectFilter({
        anyLabel,
        options: PREMISES_TYPES.map((type) => ({
          key: type,
          label: t(`types.${type}`),
          model: { filterType: 'text', type: 'equals', filter: type },
        })),
      }),
      valueFormatter: (p) => (p.value ? t(`types.${p.value}`) : ''),
      width: 140,
    }),
    column('areaPath', t, { ...textFilter, cellRenderer: AreaCell, minWidth: 220, flex: 2 }),
    column('phase', t, {
      // Sorted and filtered by the level number in the core, so Red sorts above Orange in any language.
      ...selectFilter({
        anyLabel,
        options: [
          ...PHASE_SCALES[scale].levels.map((level) => ({
            key: String(level.level),
            label: t(`shell:phase.${scale}.${level.key}`),
            model: { filterType: 'number' as const, type: 'equals' as const, filter: level.level },
          })),
          { key: 'none', label: t('filter.noPhase'), model: { filterType: 'number', type: 'blank' } },
        ],
      }),
      cellRenderer: PhaseCell,
      width: 170,
    }),
    column('address', t, { ...textFilter, minWidth: 160, flex: 2 }),
    column('focalPoint', t, { ...textFilter, width: 160 }),
    column('safeRoom', t, {
      // The core filters safe rooms as the words 'yes' / 'no'.
      ...selectFilter({
        anyLabel,
        options: [
          { key: 'yes', label: t('yes'), model: { filterType: 'text', type: 'equals', filter: 'yes' } },
          { key: 'no', label: t('no'), model: { filterType: 'text', type: 'equals', filter: 'no' } },
        ],
      }),
      valueFormatter: yesNo,
      width: 120,
    }),
    column('latitude', t, { ...numberFilter, width: 120, type: 'rightAligned' }),
    column('longitude', t, { ...numberFilter, width: 120, type: 'rightAligned' }),
    column('notes', t, { ...textFilter, minWidth: 160, flex: 2 }),
    column('updatedAt', t, {
      // Stored as UTC ISO text; shown in the delegation's time zone. No date filter in the contract yet.
      filter: false,
      valueFormatter: (p) => (p.value ? formatDateTime(p.value) : ''),
      width: 170,
    }),
  ];
}
