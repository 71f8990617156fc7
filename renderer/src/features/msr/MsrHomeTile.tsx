import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { useMsrList, usePercent } from './hooks';
import './msr.css';

/** Home: the overall MSR compliance and the weakest part. */
export function MsrHomeTile() {
  const { t } = useTranslation('msr');
  const list = useMsrList();
  const percent = usePercent();
  const summary = list.data?.summary;
  const weakest = summary?.parts
    .filter((p) => p.percent !== null)
    .reduce<(typeof summary.parts)[number] | null>((w, p) => (w === null || (p.percent ?? 0) < (w.percent ?? 0) ? p : w), null);
  return (
    <section className="msr-tile" aria-labelledby="msr-tile-title" data-testid="msr-tile">
      <h2 id="msr-tile-title" className="msr-tile__title">
        {t('tile.title')}
      </h2>
      {!summary ? (
        <Spinner label={t('page.loading')} size="sm" />
      ) : (
        <>
          <p className="msr-tile__figure">{t('tile.figure', { percent: percent(summary.overall.percent) })}</p>
          <ComplianceBar value={summary.overall.percent} label={t('tile.title')} />
          {weakest && <p>{t('tile.weakest', { part: weakest.part, title: t(`parts.${weakest.part}`), percent: percent(weakest.percent) })}</p>}
          <Link to="/msr">{t('tile.open')}</Link>
        </>
      )}
    </section>
  );
}

/** A horizontal bar, filled from the inline start (right in Arabic). */
export function ComplianceBar({ value, label }: { value: number | null; label: string }) {
  const tone = value === null ? 'none' : value >= 80 ? 'good' : value >= 50 ? 'fair' : 'poor';
  return (
    <div
      className={`msr-bar msr-bar--${tone}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? 0}
    >
      <div className="msr-bar__fill" style={{ inlineSize: `${value ?? 0}%` }} />
    </div>
  );
}
