import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import type { ReportDeadlineView } from '../../../../shared/contract/incidentReporting';
import { utcToZoned, zonedToUtc } from '../../../../shared/domain/zonedTime';
import { useDateTimeFormat, useSettings } from '../areas/hooks';

function DeadlineRow({ id, d }: { id: string; d: ReportDeadlineView }) {
  const { t } = useTranslation('incidents');
  const formatDateTime = useDateTimeFormat();
  const tz = useSettings().data?.timeZone ?? 'UTC';
  const [at, setAt] = useState(d.doneAt ? utcToZoned(d.doneAt, tz) : '');
  const record = useVigilMutation('incidents.recordReport', { successMessageKey: 'incidents:reporting.recorded' });
  return (
    <tr data-testid={`deadline-${d.kind}`}>
      <th scope="row">{t(`reporting.kinds.${d.kind}`)}</th>
      <td>{formatDateTime(d.dueAt)}</td>
      <td>
        <span className={`incidents-deadline incidents-deadline--${d.status}`}>{t(`reporting.status.${d.status}`)}</span>
      </td>
      <td>
        <div className="incidents-inline">
          <TextInput type="datetime-local" dir="ltr" aria-label={t('reporting.doneAtFor', { kind: t(`reporting.kinds.${d.kind}`) })} value={at} onChange={(e) => setAt(e.target.value)} />
          {!d.doneAt && (
            <Button size="sm" variant="primary" busy={record.isPending} onClick={() => record.mutate({ id, kind: d.kind })}>
              {t('reporting.doneNow')}
            </Button>
          )}
          <Button size="sm" disabled={!at} onClick={() => record.mutate({ id, kind: d.kind, at: zonedToUtc(at, tz) })}>
            {t('reporting.saveTime')}
          </Button>
          {d.doneAt && (
            <Button size="sm" variant="ghost" onClick={() => record.mutate({ id, kind: d.kind, at: null })}>
              {t('reporting.clear')}
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}

/** Reporting deadlines of one incident (from when it was recorded) with the time each report was made. */
export function IncidentReporting({ id }: { id: string }) {
  const { t } = useTranslation('incidents');
  const data = useVigilQuery('incidents.reporting', { id }).data;
  if (!data) return null;
  return (
    <section className="incidents-reporting" aria-labelledby={`reporting-${id}`}>
      <h3 id={`reporting-${id}`}>{t('reporting.title')}</h3>
      {!data.applies ? (
        <p>{t('reporting.imported')}</p>
      ) : (
        <table className="incidents-reporting__table">
          <thead>
            <tr>
              <th>{t('reporting.report')}</th>
              <th>{t('reporting.due')}</th>
              <th>{t('reporting.state')}</th>
              <th>{t('reporting.doneAt')}</th>
            </tr>
          </thead>
          <tbody>
            {data.deadlines.map((d) => (
              <DeadlineRow key={`${d.kind}-${d.doneAt ?? ''}`} id={id} d={d} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
