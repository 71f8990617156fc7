import type { CustomCellRendererProps } from 'ag-grid-react';
import type { Premises } from '../../../../shared/contract/premises';

/** The contract's path separator ("Country › Province › City"). */
const SEPARATOR = ' › ';

/**
 * Every path starts with the same country, so a truncated path says nothing: show the premises' own
 * area first and its parents after it, muted. The full path stays in the tooltip and is what sorts.
 */
export function AreaCell({ value }: CustomCellRendererProps<Premises, string | null>) {
  if (!value) return null;
  const parts = value.split(SEPARATOR);
  const own = parts.pop();
  return (
    <span className="area-cell" title={value}>
      <span dir="auto">{own}</span>
      {parts.length > 0 && <span className="area-cell__parents" dir="auto">{parts.join(SEPARATOR)}</span>}
    </span>
  );
}
