import { useMemo } from 'react';
import { useVigilQuery } from '../../lib/queries';

/** Premises names, sorted and without repeats, for the grids' premises filter. */
export function usePremisesNames(): string[] {
  const premises = useVigilQuery('premises.list', { startRow: 0, endRow: 1000, sortModel: [{ colId: 'name', sort: 'asc' }] }).data?.rows;
  return useMemo(() => [...new Set((premises ?? []).map((p) => p.name))], [premises]);
}
