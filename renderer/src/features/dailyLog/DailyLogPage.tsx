import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DailyLogEntry } from '../../../../shared/contract/dailyLog';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS } from '../../../../shared/presets/admiralty';
import type { Language } from '../../../../shared/contract/common';
import { localDay, utcToZoned } from '../../../../shared/domain/zonedTime';
import { Badge, Button, ConfirmDialog, EmptyState, Field, PageHeader, Spinner, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { EntryRow } from './EntryRow';
import './dailyLog.css';

function shiftDay(day: string, by: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + by)).toISOString().slice(0, 10);
}

export function DailyLogPage() {
  const { t, i18n } = useTranslation('dailyLog');
  const lang = (['en', 'fr', 'es', 'ar'].includes(i18n.language) ? i18n.language : 'en') as Language;
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const list = useVigilQuery('dailyLog.list', chosen ? { day: chosen } : {});
  const [deleting, setDeleting] = useState<DailyLogEntry | null>(null);
  const promote = useVigilMutation('dailyLog.promote', { successMessageKey: 'dailyLog:promoted' });
  const remove = useVigilMutation('dailyLog.delete', { onSuccess: () => setDeleting(null), successMessageKey: 'dailyLog:deleted' });

  const data = list.data;
  const today = data ? localDay(new Date(), data.timeZone) : '';
  const day = data?.day ?? '';

  return (
    <div className="daily-log-page">
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} />
      {!data ? (
        <Spinner label={t('page.loading')} />
      ) : (
        <>
          <EntryRow key={day} day={day} today={today} timeZone={data.timeZone} />
          <div className="daily-log-day">
            <Button onClick={() => setChosen(shiftDay(day, -1))}>{t('day.previous')}</Button>
            <Field label={t('day.label')}>
              <TextInput type="date" value={day} max={today} onChange={(e) => e.target.value && setChosen(e.target.value)} />
            </Field>
            <Button onClick={() => setChosen(shiftDay(day, 1))} disabled={day >= today}>
              {t('day.next')}
            </Button>
            {day !== today && <Button onClick={() => setChosen(undefined)}>{t('day.today')}</Button>}
            <span role="status">{t('day.count', { n: data.entries.length.toLocaleString(i18n.language) })}</span>
          </div>
          {data.entries.length === 0 ? (
            <EmptyState title={t('empty.title')} hint={t('empty.hint')} />
          ) : (
            <table className="daily-log-table" aria-label={t('table.label', { day })}>
              <thead>
                <tr>
                  <th scope="col">{t('fields.time')}</th>
                  <th scope="col">{t('fields.source')}</th>
                  <th scope="col">{t('table.grade')}</th>
                  <th scope="col">{t('fields.summary')}</th>
                  <th scope="col">{t('fields.place')}</th>
                  <th scope="col">{t('fields.tags')}</th>
                  <th scope="col">{t('fields.followUp')}</th>
                  <th scope="col">{t('table.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {[...data.entries].reverse().map((e) => (
                  <tr key={e.id}>
                    <td dir="ltr">{utcToZoned(e.occurredAt, data.timeZone).slice(11)}</td>
                    <td>
                      {e.source}
                      {e.source ? ' · ' : ''}
                      {t(`sourceTypes.${e.sourceType}`)}
                    </td>
                    <td title={`${RELIABILITY_LABELS[e.reliability][lang]} / ${CREDIBILITY_LABELS[e.credibility][lang]}`}>
                      <span dir="ltr">
                        {e.reliability}
                        {e.credibility}
                      </span>
                    </td>
                    <td className="daily-log-table__summary">{e.summary}</td>
                    <td>{[e.placeName, e.areaPath].filter(Boolean).join(' — ')}</td>
                    <td>
                      <span className="daily-log-tags">
                        {e.tags.map((tag) => (
                          <Badge key={tag}>{tag}</Badge>
                        ))}
                      </span>
                    </td>
                    <td>{e.followUp}</td>
                    <td>
                      <span className="daily-log-table__actions">
                        {e.promotedIncidentId ? (
                          <Link to="/incidents">{t('table.incidentLink')}</Link>
                        ) : (
                          <Button size="sm" busy={promote.isPending && promote.variables?.id === e.id} onClick={() => promote.mutate({ id: e.id })}>
                            {t('table.promote')}
                          </Button>
                        )}
                        <Button size="sm" variant="ghost" onClick={() => setDeleting(e)} aria-label={t('table.deleteLabel', { summary: e.summary.slice(0, 60) })}>
                          {t('table.delete')}
                        </Button>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <ConfirmDialog
        open={deleting !== null}
        danger
        title={t('deleteDialog.title')}
        message={deleting?.promotedIncidentId ? t('deleteDialog.promotedMessage') : t('deleteDialog.message')}
        confirmLabel={t('table.delete')}
        cancelLabel={t('deleteDialog.cancel')}
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
