import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Select, Spinner, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { PRESENCE_STATUSES, type PresenceDay, type PresenceStatus } from '../../../../shared/contract/rosters';
import { useDelegationToday } from './hooks';

const KEYS: Record<string, PresenceStatus> = { p: 'present', a: 'absent', l: 'late', s: 'asleep', r: 'replaced' };

type Slot = PresenceDay['slots'][number];

/**
 * The daily round and night inspections: for a day and a shift, one row per expected person; a key or a
 * button records present / absent / late / asleep / replaced, with a note.
 */
export function PresenceView() {
  const { t } = useTranslation('rosters');
  const clock = useDelegationToday();
  const [chosen, setDay] = useState<string | null>(null);
  const day = chosen ?? clock?.today ?? '';
  const [shiftFilter, setShiftFilter] = useState('');
  const [adHoc, setAdHoc] = useState(false);
  const query = useVigilQuery('rosters.presence.day', { day }, { enabled: day !== '' });
  const staff = useVigilQuery('rosters.staff.list', { includeInactive: false }).data ?? [];
  const slots = (query.data?.slots ?? []).filter((s) => !shiftFilter || s.shiftLabel === shiftFilter);
  const labels = [...new Set((query.data?.slots ?? []).map((s) => s.shiftLabel))];
  return (
    <div className="ros-presence">
      <div className="ros-toolbar">
        <label className="ros-inline">
          {t('presence.day')}
          <input className="v-input" type="date" dir="ltr" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </label>
        <Select aria-label={t('presence.shift')} value={shiftFilter} onChange={(e) => setShiftFilter(e.target.value)} options={labels.map((l) => ({ value: l, label: l }))} placeholder={t('presence.allShifts')} />
        <label className="ros-inline">
          <input type="checkbox" checked={adHoc} onChange={(e) => setAdHoc(e.target.checked)} /> {t('presence.adHoc')}
        </label>
      </div>
      <p className="ros-help">{t('presence.help')}</p>
      {!query.data ? (
        <Spinner label={t('loading')} />
      ) : slots.length === 0 ? (
        <p>{t('presence.none')}</p>
      ) : (
        slots.map((slot) => <SlotBlock key={`${slot.postId}-${slot.shiftId}`} slot={slot} day={day} adHoc={adHoc} staff={staff.map((s) => ({ id: s.id, name: s.name }))} />)
      )}
    </div>
  );
}

function SlotBlock({ slot, day, adHoc, staff }: { slot: Slot; day: string; adHoc: boolean; staff: { id: string; name: string }[] }) {
  const { t } = useTranslation('rosters');
  const rows = slot.expected.length ? slot.expected : [{ staffId: null as string | null, name: t('presence.nobody') }];
  const missing = slot.finished && slot.expected.length > 0 && slot.checks.length === 0;
  return (
    <section className={`ros-slot${missing ? ' ros-slot--missing' : ''}`} aria-label={`${slot.postName} ${slot.shiftLabel}`}>
      <h3>
        [{slot.postCode}] {slot.postName} · {slot.shiftLabel} {slot.start}–{slot.end} <span className="ros-muted">({slot.premisesName})</span>
        {missing && <span className="ros-badge">{t('presence.missing')}</span>}
      </h3>
      <table className="ros-table">
        <tbody>
          {rows.map((r) => (
            <PresenceRow key={r.staffId ?? 'none'} slot={slot} day={day} adHoc={adHoc} staffId={r.staffId} name={r.name} staff={staff} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PresenceRow({ slot, day, adHoc, staffId, name, staff }: { slot: Slot; day: string; adHoc: boolean; staffId: string | null; name: string; staff: { id: string; name: string }[] }) {
  const { t, i18n } = useTranslation('rosters');
  const [note, setNote] = useState('');
  const [replacedBy, setReplacedBy] = useState('');
  const record = useVigilMutation('rosters.presence.record', {
    onSuccess: (c) => {
      notify.success(t('presence.recorded', { name, status: t(`presence.status.${c.status}`) }));
      setNote('');
    },
  });
  const checks = slot.checks.filter((c) => c.staffId === staffId);
  const save = (status: PresenceStatus) => {
    if (status === 'replaced' && !replacedBy.trim()) {
      notify.error(new Error(t('errors.replacedByRequired')));
      return;
    }
    const known = staff.find((s) => s.name === replacedBy.trim());
    record.mutate({
      day,
      postId: slot.postId,
      shiftId: slot.shiftId,
      staffId,
      status,
      note,
      adHoc,
      ...(status === 'replaced' ? (known ? { replacedById: known.id } : { replacedByName: replacedBy.trim() }) : {}),
    });
  };
  const onKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    const status = KEYS[e.key.toLowerCase()];
    if (status) {
      e.preventDefault();
      save(status);
    }
  };
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <tr tabIndex={0} onKeyDown={onKey} data-testid={`presence-${slot.postId}-${slot.shiftId}-${staffId ?? 'none'}`}>
      <th scope="row" dir="auto">
        {name}
      </th>
      <td className="ros-status-buttons">
        {PRESENCE_STATUSES.map((s) => (
          <Button key={s} size="sm" variant={checks.at(-1)?.status === s ? 'primary' : 'secondary'} onClick={() => save(s)} busy={record.isPending && record.variables?.status === s} aria-keyshortcuts={s[0]}>
            {t(`presence.status.${s}`)}
          </Button>
        ))}
      </td>
      <td>
        <TextInput aria-label={t('presence.replacedBy')} placeholder={t('presence.replacedBy')} list="ros-staff-names" value={replacedBy} onChange={(e) => setReplacedBy(e.target.value)} />
        <datalist id="ros-staff-names">
          {staff.map((s) => (
            <option key={s.id} value={s.name} />
          ))}
        </datalist>
      </td>
      <td>
        <TextInput aria-label={t('presence.note')} placeholder={t('presence.note')} value={note} onChange={(e) => setNote(e.target.value)} dir="auto" />
      </td>
      <td className="ros-checks">
        {checks.map((c) => (
          <div key={c.id}>
            <strong>{t(`presence.status.${c.status}`)}</strong>
            {c.status === 'replaced' && c.replacedByName ? ` → ${c.replacedByName}` : ''} · {time.format(new Date(c.checkedAt))} · {c.checkedBy}
            {c.adHoc ? ` · ${t('presence.adHocShort')}` : ''}
            {c.note ? ` · ${c.note}` : ''}
          </div>
        ))}
      </td>
    </tr>
  );
}
