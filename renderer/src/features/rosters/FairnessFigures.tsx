import { useTranslation } from 'react-i18next';
import type { RoleFairness } from '../../../../shared/contract/rosters';

type Figure = 'nights' | 'weekends' | 'total';
const FIGURES: Figure[] = ['nights', 'weekends', 'total'];

/**
 * How evenly the month spreads the work within each role, in words: "Nights: between 3 and 5 per guard".
 * The figures come from core (the same measure the generator balances), for the month shown.
 */
export function FairnessFigures({ fairness, month, compact = false }: { fairness: RoleFairness[]; month: string; compact?: boolean }) {
  const { t, i18n } = useTranslation('rosters');
  const roles = fairness.filter((r) => r.people > 0);
  if (!roles.length) return null;
  // "November 2026" in the reader's language rather than "2026-11", which Arabic text would also reorder.
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const Heading = compact ? 'h3' : 'h2';
  return (
    <section className={compact ? 'ros-fairness ros-fairness--compact' : 'ros-fairness'} aria-labelledby={`ros-fairness-${compact ? 'grid' : 'summary'}`} data-testid="fairness">
      <Heading id={`ros-fairness-${compact ? 'grid' : 'summary'}`}>{t('fairness.title', { month: monthName })}</Heading>
      <div className="ros-fairness__roles">
        {roles.map((r) => (
          <div key={r.role} className="ros-fairness__role" data-role={r.role}>
            <h4>
              {t(`fairness.roles.${r.role}`)} <span className="ros-muted">· {t('fairness.people', { count: r.people })}</span>
            </h4>
            <ul>
              {FIGURES.map((f) => {
                const range = r[f];
                const per = t(`fairness.per.${r.role}`);
                return (
                  <li key={f} data-figure={f}>
                    <strong>{t(`fairness.figures.${f}`)}</strong>{' '}
                    {!range
                      ? t('fairness.nobodyYet')
                      : range.max === 0
                        ? t(`fairness.none.${f}`)
                        : range.spread === 0
                          ? t('fairness.same', { n: range.min, per })
                          : t('fairness.between', { min: range.min, max: range.max, per })}
                  </li>
                );
              })}
            </ul>
            {r.worked < r.people && r.worked > 0 && <p className="ros-help">{t('fairness.without', { count: r.people - r.worked })}</p>}
          </div>
        ))}
      </div>
      <p className="ros-help">{t('fairness.hint')}</p>
    </section>
  );
}
