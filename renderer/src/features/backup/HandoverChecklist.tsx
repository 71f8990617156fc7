import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';

/** In the backups tile, from 30 days before the officer's departure date: what to do before handing over. */
export function HandoverChecklist() {
  const { t } = useTranslation('backup');
  const status = useVigilQuery('backup.status', {});
  const reviewed = useVigilMutation('handover.markContactsReviewed');
  const c = status.data?.checklist;
  if (!c?.show) return null;
  const item = (done: boolean, label: string, extra?: ReactNode) => (
    <li className={done ? 'bk-check bk-check--done' : 'bk-check'}>
      <span aria-hidden="true" className="bk-check__box">
        {done ? '✓' : ''}
      </span>
      <span className="bk-check__text">
        <span>{label}</span>
        <span className="v-visually-hidden">{done ? t('checklist.done') : t('checklist.todo')}</span>
        {extra}
      </span>
    </li>
  );
  return (
    <section className="bk-handover" aria-labelledby="bk-handover-title" data-testid="handover-checklist">
      <h3 id="bk-handover-title" className="bk-tile__title">
        {t('checklist.title')}
      </h3>
      <p className="bk-tile__note">
        {c.daysToDeparture === 0
          ? t('checklist.departureToday', { date: c.departureDate })
          : c.daysToDeparture !== null && c.daysToDeparture > 0
            ? t('checklist.departure', { count: c.daysToDeparture, date: c.departureDate })
            : t('checklist.departed')}
      </p>
      <ul className="bk-checklist">
        {item(c.backupDone, t('checklist.backup'))}
        {item(Boolean(c.handoverExportedAt), t('checklist.pack'))}
        {item(
          Boolean(c.contactsReviewedAt),
          t('checklist.contacts'),
          !c.contactsReviewedAt && (
            <Button size="sm" variant="secondary" busy={reviewed.isPending} onClick={() => reviewed.mutate({})}>
              {t('checklist.markReviewed')}
            </Button>
          ),
        )}
        {item(c.openActions === 0, c.openActions === 0 ? t('checklist.noActions') : t('checklist.actions', { count: c.openActions }), c.openActions > 0 && <Link to="/inspections">{t('checklist.seeActions')}</Link>)}
      </ul>
      <Link to="/settings">
        {t('checklist.open')}
      </Link>
    </section>
  );
}
