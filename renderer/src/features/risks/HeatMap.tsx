import { useTranslation } from 'react-i18next';
import type { RiskMatrix } from '../../../../shared/presets/riskMatrices';
import { levelColour, levelKey, riskLevel, SCALE_STEPS } from '../../../../shared/domain/riskScoring';

export interface HeatCell {
  kind: 'inherent' | 'residual';
  likelihood: number;
  impact: number;
}

interface HeatMapProps {
  kind: 'inherent' | 'residual';
  counts: number[][];
  matrix: RiskMatrix;
  selected: HeatCell | null;
  onSelect(cell: HeatCell): void;
}

/** A 5x5 grid: likelihood 5 at the top, impact 1 at the start (it mirrors in Arabic), counts in matrix colours. */
export function HeatMap({ kind, counts, matrix, selected, onSelect }: HeatMapProps) {
  const { t, i18n } = useTranslation('risks');
  const rows = [...SCALE_STEPS].reverse();
  return (
    <figure className="risks-heat" data-testid={`heatmap-${kind}`}>
      <figcaption className="risks-heat__title">{t(`heat.${kind}`)}</figcaption>
      <div className="risks-heat__body">
        <span className="risks-heat__axis risks-heat__axis--y">{t('heat.likelihood')}</span>
        <table className="risks-heat__table">
          <tbody>
            {rows.map((l) => (
              <tr key={l}>
                <th scope="row" className="risks-heat__label" title={t(`scale.${matrix.likelihoodLabels[l - 1]}`)}>
                  {l}
                </th>
                {SCALE_STEPS.map((i) => {
                  const level = riskLevel(matrix, l, i);
                  const colour = levelColour(matrix, level);
                  const count = counts[l - 1]?.[i - 1] ?? 0;
                  const isSelected = selected?.kind === kind && selected.likelihood === l && selected.impact === i;
                  const label = t('heat.cell', { count, likelihood: l, impact: i, level: t(`levels.${levelKey(level)}`) });
                  return (
                    <td key={i} className="risks-heat__cell" style={{ backgroundColor: colour.fill, color: colour.ink }}>
                      <button
                        type="button"
                        className={`risks-heat__button${isSelected ? ' risks-heat__button--selected' : ''}`}
                        aria-label={label}
                        aria-pressed={isSelected}
                        title={label}
                        data-testid={`heat-${kind}-${l}-${i}`}
                        onClick={() => onSelect({ kind, likelihood: l, impact: i })}
                      >
                        {count ? count.toLocaleString(i18n.language) : ''}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <td />
              {SCALE_STEPS.map((i) => (
                <th key={i} scope="col" className="risks-heat__label" title={t(`scale.${matrix.impactLabels[i - 1]}`)}>
                  {i}
                </th>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <span className="risks-heat__axis risks-heat__axis--x">{t('heat.impact')}</span>
    </figure>
  );
}
