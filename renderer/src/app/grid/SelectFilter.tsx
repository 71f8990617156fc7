import { useGridFilter, type CustomFilterProps, type CustomFloatingFilterProps } from 'ag-grid-react';
import type { ColumnFilter } from '../../../../shared/contract/grid';
import './grid.css';

/**
 * A column filter that picks one value from a list (a premises type, yes/no, a phase level) and emits an
 * ordinary text or number filter model, so the core's grid query needs nothing new. Typing "Bureau" in a
 * text filter would never match the stored 'office'; choosing from translated labels always does.
 *
 * Generic on purpose: any later grid with enumerated columns uses it with its own options.
 */
export interface SelectFilterOption {
  key: string;
  label: string;
  model: ColumnFilter;
}

export interface SelectFilterParams {
  options: readonly SelectFilterOption[];
  /** Label of the "no filter" choice. */
  anyLabel: string;
}

const sameModel = (a: ColumnFilter, b: ColumnFilter | null) =>
  b !== null && a.filterType === b.filterType && a.type === b.type && (a.filter ?? null) === (b.filter ?? null);

function SelectControl({
  params,
  model,
  label,
  onModelChange,
}: {
  params: SelectFilterParams;
  model: ColumnFilter | null;
  label: string;
  onModelChange(model: ColumnFilter | null): void;
}) {
  const current = params.options.find((o) => sameModel(o.model, model))?.key ?? '';
  return (
    <select
      className="v-input v-select grid-select-filter__select"
      aria-label={label}
      value={current}
      onChange={(event) => onModelChange(params.options.find((o) => o.key === event.target.value)?.model ?? null)}
    >
      <option value="">{params.anyLabel}</option>
      {params.options.map((o) => (
        <option key={o.key} value={o.key}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function SelectFilter(props: CustomFilterProps<unknown, unknown, ColumnFilter> & SelectFilterParams) {
  // The rows are filtered by the core (Infinite Row Model); the grid never asks a row, but the hook is required.
  useGridFilter({ doesFilterPass: () => true });
  return (
    <div className="grid-select-filter">
      <SelectControl
        params={props}
        model={props.model}
        label={props.colDef.headerName ?? ''}
        onModelChange={props.onModelChange}
      />
    </div>
  );
}

export function SelectFloatingFilter(
  props: CustomFloatingFilterProps<never, unknown, unknown, ColumnFilter> & SelectFilterParams,
) {
  return (
    <SelectControl
      params={props}
      model={props.model}
      label={props.column.getColDef().headerName ?? ''}
      onModelChange={props.onModelChange}
    />
  );
}
