import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { useDateTimeFormat } from './hooks';
import { isolate } from '../files/bidi';
import { PhaseBadge } from './PhaseBadge';

/** Every declaration made on one area, newest first: who declared what, when and why. */
export function PhaseHistory({ areaId }: { areaId: string }) {
  const { t } = useTranslation('areas');
  const format = useDateTimeFormat();
  const history = useVigilQuery('phases.history', { areaId });
  const entries = useMemo(
    () => [...(history.data ?? [])].sort((a, b) => b.declaredAt.localeCompare(a.declaredAt)),
    [history.data],
  );

  return (
    <section className="phase-history" aria-labelledby={`history-${areaId}`}>
      <h3 id={`history-${areaId}`} className="areas-section-title">
        {t('history.title')}
      </h3>
      {history.isPending ? (
        <Spinner label={t('history.loading')} size="sm" />
      ) : entries.length === 0 ? (
        <EmptyState compact title={t('history.empty')} hint={t('history.emptyHint')} />
      ) : (
        <ol className="phase-history__list">
          {entries.map((entry) => (
            <li key={entry.id} className="phase-history__entry">
              <div className="phase-history__head">
                <PhaseBadge phase={entry} />
                <time dateTime={entry.declaredAt} className="phase-history__when">
                  {format(entry.declaredAt)}
                </time>
              </div>
              <p className="phase-history__reason" dir="auto">
                {entry.reason}
              </p>
              <p className="phase-history__who">{t('history.declaredBy', { name: isolate(entry.declaredBy) })}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
