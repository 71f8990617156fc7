import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, Field, PageHeader, Spinner, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import type { RollCallEntry } from '../../../../shared/contract/rollCall';
import type { RollCallStatus } from '../../../../shared/domain/rollCall';
import { useDateTimeFormat } from '../areas/hooks';
import './movements.css';

function Row({ entry, day, slot }: { entry: RollCallEntry; day: string; slot: string }) {
  const { t } = useTranslation('movements');
  const formatDateTime = useDateTimeFormat();
  const [relayedBy, setRelayedBy] = useState(entry.check?.relayedBy ?? '');
  const [note, setNote] = useState(entry.check?.note ?? '');
  const [relaying, setRelaying] = useState(entry.check?.status === 'relayed');
  const record = useVigilMutation('rollCall.record');
  const save = (status: RollCallStatus) => record.mutate({ day, slot, callSign: entry.callSign, status, relayedBy: status === 'relayed' ? relayedBy : '', note });
  const current = entry.check?.status;
  return (
    <tr className={entry.check ? 'rc-row--done' : 'rc-row--none'} data-testid="rollcall-row">
      <td className="rc-callsign" dir="auto">
        {entry.callSign}
      </td>
      <td dir="auto">
        {entry.label}
        <div className="rc-who">{t(`rollCall.sources.${entry.source}`)}</div>
      </td>
      <td>
        <div className="rc-status" role="group" aria-label={t('rollCall.answerFor', { callSign: entry.callSign })}>
          <Button size="sm" variant={current === 'present' ? 'primary' : 'secondary'} aria-pressed={current === 'present'} busy={record.isPending && record.variables?.status === 'present'} onClick={() => save('present')}>
            {t('rollCall.statuses.present')}
          </Button>
          <Button size="sm" variant={current === 'no_answer' ? 'danger' : 'secondary'} aria-pressed={current === 'no_answer'} onClick={() => save('no_answer')}>
            {t('rollCall.statuses.no_answer')}
          </Button>
          <Button size="sm" variant={current === 'relayed' ? 'primary' : 'secondary'} aria-pressed={current === 'relayed'} onClick={() => (relaying && relayedBy.trim() ? save('relayed') : setRelaying(true))}>
            {t('rollCall.statuses.relayed')}
          </Button>
        </div>
      </td>
      <td>
        {relaying && (
          <TextInput
            aria-label={t('rollCall.relayedBy', { callSign: entry.callSign })}
            placeholder={t('rollCall.relayedByPlaceholder')}
            value={relayedBy}
            onChange={(e) => setRelayedBy(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && relayedBy.trim() && save('relayed')}
            dir="auto"
          />
        )}
      </td>
      <td>
        <TextInput
          aria-label={t('rollCall.noteFor', { callSign: entry.callSign })}
          placeholder={t('rollCall.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => current && note !== (entry.check?.note ?? '') && save(current)}
          dir="auto"
        />
      </td>
      <td className="rc-who">{entry.check ? t('rollCall.checked', { at: formatDateTime(entry.check.checkedAt), by: entry.check.checkedBy }) : ''}</td>
    </tr>
  );
}

/** The radio roll-call: one row per call sign, answered in one click at each set time of the day. */
export function RollCallPage() {
  const { t, i18n } = useTranslation('movements');
  const [pick, setPick] = useState<{ day?: string; slot?: string }>({});
  const sheet = useVigilQuery('rollCall.sheet', pick).data;
  const done = sheet?.entries.filter((e) => e.check).length ?? 0;
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (
    <div className="rc-page">
      <PageHeader title={t('rollCall.title')} subtitle={t('rollCall.subtitle')} />
      {!sheet ? (
        <Spinner label={t('loading')} />
      ) : (
        <>
          <div className="rc-toolbar">
            <Field label={t('day')}>
              <TextInput type="date" dir="ltr" value={sheet.day} onChange={(e) => setPick({ day: e.target.value || undefined, slot: sheet.slot })} />
            </Field>
            <div className="rc-slots" role="group" aria-label={t('rollCall.time')}>
              {sheet.times.map((time) => (
                <Button key={time} variant={time === sheet.slot ? 'primary' : 'secondary'} aria-pressed={time === sheet.slot} onClick={() => setPick({ day: sheet.day, slot: time })}>
                  <span dir="ltr">{time}</span>
                </Button>
              ))}
            </div>
            <span className="rc-summary" data-testid="rollcall-summary">
              {t('rollCall.summary', { done: n(done), total: n(sheet.entries.length) })}
            </span>
          </div>
          {sheet.entries.length === 0 ? (
            <EmptyState title={t('rollCall.emptyTitle')} hint={t('rollCall.empty')} />
          ) : (
            <table className="rc-table">
              <thead>
                <tr>
                  <th>{t('rollCall.columns.callSign')}</th>
                  <th>{t('rollCall.columns.who')}</th>
                  <th>{t('rollCall.columns.answer')}</th>
                  <th>{t('rollCall.columns.relayedBy')}</th>
                  <th>{t('rollCall.columns.note')}</th>
                  <th>{t('rollCall.columns.checked')}</th>
                </tr>
              </thead>
              <tbody>
                {sheet.entries.map((e) => (
                  <Row key={`${sheet.day}-${sheet.slot}-${e.callSign}-${e.check?.checkedAt ?? ''}`} entry={e} day={sheet.day} slot={sheet.slot} />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
