import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, type PassphraseStrength } from '../../../../shared/domain/passphrase';

export interface PassphraseMeterProps {
  id: string;
  strength: PassphraseStrength | null;
}

/**
 * Score bar plus what is wrong, in words. The passphrase input points here with aria-describedby, so a
 * screen reader user hears the verdict without a live region chattering at every keystroke.
 */
export function PassphraseMeter({ id, strength }: PassphraseMeterProps) {
  const { t } = useTranslation('shell');
  const score = strength?.score ?? 0;
  const scoreLabel = strength ? t(`vault.strength.score${score}`) : '';
  const tone = !strength ? 'empty' : strength.acceptable ? 'good' : score >= 2 ? 'fair' : 'weak';
  return (
    <div className="vault-meter" id={id}>
      <div
        className={`vault-meter__bar vault-meter__bar--${tone}`}
        role="meter"
        aria-label={t('vault.strength.label')}
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={scoreLabel || undefined}
      >
        {[0, 1, 2, 3].map((segment) => (
          <span key={segment} className={strength && score > segment ? 'vault-meter__seg vault-meter__seg--on' : 'vault-meter__seg'} />
        ))}
      </div>
      {strength && (
        <div className="vault-meter__text">
          <span className="vault-meter__score">
            {t('vault.strength.label')}: {scoreLabel}
          </span>
          {strength.problems.length === 0 ? (
            <span className="vault-meter__ok">{t('vault.strength.ok')}</span>
          ) : (
            <ul className="vault-meter__problems">
              {strength.problems.map((problem) => (
                <li key={problem}>{t(`vault.strength.${problem}`, { min: MIN_PASSPHRASE_LENGTH })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
