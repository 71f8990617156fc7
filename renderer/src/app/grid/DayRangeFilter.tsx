import { useGridFilter, type CustomFilterProps, type CustomFloatingFilterProps } from 'ag-grid-react';
import type { ColumnFilter } from '../../../../shared/contract/grid';
import './grid.css';

/**
 * A column filter on a calendar-date column: "from" and "to" days, either one optional. The grid contract
 * has text and number filters only, so the range travels as a number filter on the day written YYYYMMDD
 * (`inRange`, `greaterThanOrEqual`, `lessThanOrEqual`); the core compares it with the stored day.
 * Native date inputs give every language its own calendar and keyboard entry.
 */
export interface DayRangeFilterParams {
  fromLabel: string;
  toLabel: string;
}

type DayModel = Extract<ColumnFilter, { filterType: 'number' }>;

const toDay = (date: string): number | null => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.replace(/-/g, '')) : null);
const toDate = (day: number | null | undefined): string => {
  if (day == null) return '';
  const s = String(day).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

/** The from and to days a model stands for ('' when open-ended). */
export function dayRangeOf(model: ColumnFilter | null | undefined): { from: string; to: string } {
  if (!model || model.filterType !== 'number') return { from: '', to: '' };
  switch (model.type) {
    case 'inRange':
      return { from: toDate(model.filter), to: toDate(model.filterTo) };
    case 'greaterThanOrEqual':
      return { from: toDate(model.filter), to: '' };
    case 'lessThanOrEqual':
      return { from: '', to: toDate(model.filter) };
    case 'equals':
      return { from: toDate(model.filter), to: toDate(model.filter) };
    default:
      return { from: '', to: '' };
  }
}

/** The model for a from/to pair; null when both are empty. */
export function dayRangeModel(from: string, to: string): DayModel | null {
  const a = toDay(from);
  const b = toDay(to);
  if (a !== null && b !== null) return { filterType: 'number', type: 'inRange', filter: Math.min(a, b), filterTo: Math.max(a, b) };
  if (a !== null) return { filterType: 'number', type: 'greaterThanOrEqual', filter: a };
  if (b !== null) return { filterType: 'number', type: 'lessThanOrEqual', filter: b };
  return null;
}

function RangeInputs({
  params,
  model,
  column,
  onModelChange,
}: {
  params: DayRangeFilterParams;
  model: ColumnFilter | null;
  column: string;
  onModelChange(model: ColumnFilter | null): void;
}) {
  const { from, to } = dayRangeOf(model);
  return (
    <div className="grid-day-filter">
      <label className="grid-day-filter__field">
        <span>{params.fromLabel}</span>
        <input
          type="date"
          className="v-input grid-day-filter__input"
          aria-label={`${column}: ${params.fromLabel}`}
          value={from}
          onChange={(event) => onModelChange(dayRangeModel(event.target.value, to))}
        />
      </label>
      <label className="grid-day-filter__field">
        <span>{params.toLabel}</span>
        <input
          type="date"
          className="v-input grid-day-filter__input"
          aria-label={`${column}: ${params.toLabel}`}
          value={to}
          onChange={(event) => onModelChange(dayRangeModel(from, event.target.value))}
        />
      </label>
    </div>
  );
}

export function DayRangeFilter(props: CustomFilterProps<unknown, unknown, ColumnFilter> & DayRangeFilterParams) {
  // The rows are filtered by the core (Infinite Row Model); the grid never asks a row, but the hook is required.
  useGridFilter({ doesFilterPass: () => true });
  return <RangeInputs params={props} model={props.model} column={props.colDef.headerName ?? ''} onModelChange={props.onModelChange} />;
}

/** The floating filter shows the range chosen; the filter button beside it opens the two date inputs. */
export function DayRangeFloatingFilter(props: CustomFloatingFilterProps<never, unknown, unknown, ColumnFilter> & DayRangeFilterParams) {
  const { from, to } = dayRangeOf(props.model);
  const text = from && to ? (from === to ? from : `${from} – ${to}`) : from ? `≥ ${from}` : to ? `≤ ${to}` : '';
  return (
    <input
      className="v-input grid-day-filter__summary"
      readOnly
      tabIndex={-1}
      dir="ltr"
      aria-label={props.column.getColDef().headerName ?? ''}
      title={text}
      value={text}
      onClick={() => props.showParentFilter()}
    />
  );
}
