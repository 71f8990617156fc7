import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, Select, TextArea, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { utcToZoned, zonedToUtc } from '../../../../shared/domain/zonedTime';
import { useSettings } from '../areas/hooks';

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** A movement request: who, how, where, when, and when they will check in. */
export function MovementForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('movements');
  const tz = useSettings().data?.timeZone ?? 'UTC';
  const people = useVigilQuery('people.list', { startRow: 0, endRow: 1000, filterModel: { status: { filterType: 'text', type: 'notEqual', filter: 'left' } } }).data?.rows ?? [];
  const vehicles = useVigilQuery('vehicles.list', {}).data ?? [];
  const [travellers, setTravellers] = useState<string[]>([]);
  const [f, setF] = useState({
    purpose: '',
    from: '',
    to: '',
    driverId: '',
    vehicleId: '',
    departure: utcToZoned(inHours(1), tz),
    ret: utcToZoned(inHours(6), tz),
    checkIns: '',
    communication: '',
    callSigns: '',
    riskNotes: '',
  });
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [key]: e.target.value }));
  const create = useVigilMutation('movements.create', { successMessageKey: 'movements:done.requested', onSuccess: onClose });
  const submit = () =>
    create.mutate({
      travellerIds: travellers,
      purpose: f.purpose,
      from: f.from,
      to: f.to,
      driverId: f.driverId || null,
      vehicleId: f.vehicleId || null,
      departureAt: zonedToUtc(f.departure, tz),
      expectedReturnAt: zonedToUtc(f.ret, tz),
      plannedCheckIns: f.checkIns
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((hm) => zonedToUtc(`${f.departure.slice(0, 10)}T${hm}`, tz)),
      communication: f.communication,
      callSigns: f.callSigns,
      riskNotes: f.riskNotes,
      submit: true,
    });
  return (
    <Dialog
      open
      size="lg"
      title={t('form.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button variant="primary" busy={create.isPending} onClick={submit}>
            {t('form.send')}
          </Button>
        </>
      }
    >
      <div className="mv-form">
        <Field label={t('columns.purpose')} required>
          <TextInput value={f.purpose} onChange={set('purpose')} />
        </Field>
        <Field label={t('columns.from')} required>
          <TextInput value={f.from} onChange={set('from')} />
        </Field>
        <Field label={t('columns.to')} required>
          <TextInput value={f.to} onChange={set('to')} />
        </Field>
        <Field label={t('columns.departureAt')} hint={t('form.localTime', { tz })}>
          <TextInput type="datetime-local" value={f.departure} onChange={set('departure')} />
        </Field>
        <Field label={t('columns.expectedReturnAt')} hint={t('form.localTime', { tz })}>
          <TextInput type="datetime-local" value={f.ret} onChange={set('ret')} />
        </Field>
        <Field label={t('form.plannedCheckIns')} hint={t('form.checkInsHint')}>
          <TextInput dir="ltr" value={f.checkIns} onChange={set('checkIns')} placeholder="10:00, 13:30" />
        </Field>
        <Field label={t('form.vehicle')}>
          <Select value={f.vehicleId} onChange={set('vehicleId')} options={[{ value: '', label: '—' }, ...vehicles.map((v) => ({ value: v.id, label: `${v.plate} (${v.type})` }))]} />
        </Field>
        <Field label={t('columns.driver')}>
          <Select value={f.driverId} onChange={set('driverId')} options={[{ value: '', label: '—' }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
        </Field>
        <Field label={t('form.communication')}>
          <TextInput value={f.communication} onChange={set('communication')} />
        </Field>
        <Field label={t('columns.callSigns')}>
          <TextInput value={f.callSigns} onChange={set('callSigns')} />
        </Field>
        <Field label={t('form.riskNotes')}>
          <TextArea value={f.riskNotes} onChange={set('riskNotes')} />
        </Field>
      </div>
      <fieldset className="mv-section">
        <legend>{t('columns.travellers')}</legend>
        <div className="mv-travellers">
          {people.map((p) => (
            <label key={p.id}>
              <input
                type="checkbox"
                checked={travellers.includes(p.id)}
                onChange={(e) => setTravellers((list) => (e.target.checked ? [...list, p.id] : list.filter((x) => x !== p.id)))}
              />
              {p.name}
            </label>
          ))}
        </div>
      </fieldset>
    </Dialog>
  );
}
