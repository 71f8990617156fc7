import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, Spinner, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { canTransition, isEditable } from '../../../../shared/domain/movementStates';
import { MovementForm } from './MovementForm';
import { useDateTimeFormat, useSettings } from '../areas/hooks';

/** One movement: what was asked, the green light, check-ins and alarms, and what can happen next. */
export function MovementDialog({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation('movements');
  const m = useVigilQuery('movements.get', { id }).data;
  const formatDateTime = useDateTimeFormat();
  const officer = useSettings().data?.officerName ?? '';
  const [conditions, setConditions] = useState('');
  const [reason, setReason] = useState('');
  const [checkIn, setCheckIn] = useState({ place: '', by: officer, note: '' });
  const [editing, setEditing] = useState(false);
  const approve = useVigilMutation('movements.approve', { successMessageKey: 'movements:done.approved' });
  const refuse = useVigilMutation('movements.refuse', { successMessageKey: 'movements:done.refused' });
  const move = useVigilMutation('movements.transition', { successMessageKey: 'movements:done.changed' });
  const record = useVigilMutation('movements.checkIn', { successMessageKey: 'movements:done.checkedIn', onSuccess: () => setCheckIn((c) => ({ ...c, place: '', note: '' })) });
  if (!m) {
    return (
      <Dialog open title={t('detail.title')} onClose={onClose}>
        <Spinner label={t('loading')} />
      </Dialog>
    );
  }
  const can = (to: Parameters<typeof canTransition>[1]) => canTransition(m.state, to);
  if (editing) return <MovementForm movement={m} onClose={() => setEditing(false)} />;
  return (
    <Dialog open size="lg" title={`${m.from} → ${m.to}`} onClose={onClose} footer={<Button onClick={onClose}>{t('detail.close')}</Button>}>
      <div className="mv-detail">
        <dl>
          <dt>{t('columns.state')}</dt>
          <dd>
            <span className={`mv-state mv-state--${m.state}`} data-testid="movement-state">
              {t(`states.${m.state}`)}
            </span>
          </dd>
          <dt>{t('columns.purpose')}</dt>
          <dd>{m.purpose}</dd>
          <dt>{t('columns.travellers')}</dt>
          <dd>{m.travellers.map((p) => p.name).join(', ')}</dd>
          <dt>{t('columns.vehicle')}</dt>
          <dd>{[m.vehiclePlate, m.driverName].filter(Boolean).join(' / ') || '—'}</dd>
          {m.waypoints.length > 0 && (
            <>
              <dt>{t('form.waypoints')}</dt>
              <dd data-testid="movement-waypoints">{[m.from, ...m.waypoints.map((w) => w.name), m.to].join(' → ')}</dd>
            </>
          )}
          <dt>{t('columns.departureAt')}</dt>
          <dd>{formatDateTime(m.departureAt)}</dd>
          {m.expectedArrivalAt && (
            <>
              <dt>{t('form.expectedArrival')}</dt>
              <dd>{formatDateTime(m.expectedArrivalAt)}</dd>
            </>
          )}
          <dt>{t('columns.expectedReturnAt')}</dt>
          <dd>{formatDateTime(m.expectedReturnAt)}</dd>
          <dt>{t('form.plannedCheckIns')}</dt>
          <dd>{m.plannedCheckIns.map((c) => formatDateTime(c)).join(', ') || '—'}</dd>
          <dt>{t('form.communication')}</dt>
          <dd>{[m.communication, m.callSigns].filter(Boolean).join(' · ') || '—'}</dd>
          {m.riskNotes && (
            <>
              <dt>{t('form.riskNotes')}</dt>
              <dd>{m.riskNotes}</dd>
            </>
          )}
          {m.decidedBy && (
            <>
              <dt>{m.state === 'refused' ? t('detail.refusedBy') : t('detail.approvedBy')}</dt>
              <dd>
                {m.decidedBy}
                {m.decidedAt ? `, ${formatDateTime(m.decidedAt)}` : ''}
                {m.conditions ? ` — ${m.conditions}` : ''}
                {m.refusalReason ? ` — ${m.refusalReason}` : ''}
              </dd>
            </>
          )}
        </dl>
        {m.alarm && (
          <p className="mv-alarm-text" role="alert">
            {t('alarm.line', { route: `${m.from} → ${m.to}`, due: formatDateTime(m.alarm.dueAt), kind: t(`alarm.kinds.${m.alarm.kind}`) })}
          </p>
        )}
        <section className="mv-section">
          <h3>{t('detail.checkIns')}</h3>
          <ul>
            {m.checkIns.length === 0 && <li>{t('detail.noCheckIns')}</li>}
            {m.checkIns.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.at)} — {c.place} ({c.by}) {c.note}
              </li>
            ))}
            {m.acknowledgements.map((a) => (
              <li key={a.id}>
                {t('detail.acknowledged', { at: formatDateTime(a.at), by: a.by })}: {a.note}
              </li>
            ))}
          </ul>
        </section>
        <div className="mv-actions">
          {isEditable(m.state) && <Button onClick={() => setEditing(true)}>{t('actions.edit')}</Button>}
          {can('requested') && <Button onClick={() => move.mutate({ id, to: 'requested' })}>{t('actions.submit')}</Button>}
          {can('approved') && (
            <>
              <Field label={t('detail.conditions')}>
                <TextInput value={conditions} onChange={(e) => setConditions(e.target.value)} />
              </Field>
              <Button variant="primary" busy={approve.isPending} onClick={() => approve.mutate({ id, conditions })}>
                {t('actions.approve')}
              </Button>
              <Field label={t('detail.reason')}>
                <TextInput value={reason} onChange={(e) => setReason(e.target.value)} />
              </Field>
              <Button variant="danger" disabled={!reason.trim()} onClick={() => refuse.mutate({ id, reason })}>
                {t('actions.refuse')}
              </Button>
            </>
          )}
          {can('under_way') && (
            <Button variant="primary" onClick={() => move.mutate({ id, to: 'under_way' })}>
              {t('actions.start')}
            </Button>
          )}
          {m.state === 'under_way' && (
            <>
              <Field label={t('detail.place')}>
                <TextInput value={checkIn.place} onChange={(e) => setCheckIn({ ...checkIn, place: e.target.value })} />
              </Field>
              <Field label={t('detail.by')}>
                <TextInput value={checkIn.by} onChange={(e) => setCheckIn({ ...checkIn, by: e.target.value })} />
              </Field>
              <Field label={t('detail.note')}>
                <TextInput value={checkIn.note} onChange={(e) => setCheckIn({ ...checkIn, note: e.target.value })} />
              </Field>
              <Button variant="primary" disabled={!checkIn.by.trim()} busy={record.isPending} onClick={() => record.mutate({ id, ...checkIn })}>
                {t('actions.checkIn')}
              </Button>
            </>
          )}
          {can('completed') && <Button onClick={() => move.mutate({ id, to: 'completed' })}>{t('actions.complete')}</Button>}
          {can('cancelled') && (
            <Button variant="ghost" onClick={() => move.mutate({ id, to: 'cancelled' })}>
              {t('actions.cancel')}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
