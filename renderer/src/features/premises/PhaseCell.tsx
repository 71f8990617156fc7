import { useTranslation } from 'react-i18next';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { Premises } from '../../../../shared/contract/premises';
import { PhaseBadge } from '../areas/PhaseBadge';
import { isolate } from '../files/bidi';

/** The phase in force at the premises' area, in its colour; the tooltip says which area declared it. */
export function PhaseCell({ data }: CustomCellRendererProps<Premises, Premises['phase']>) {
  const { t } = useTranslation('areas');
  if (!data?.phase) return null;
  return (
    <span title={t('phase.declaredFor', { name: isolate(data.phase.areaName) })}>
      <PhaseBadge phase={data.phase} />
    </span>
  );
}
