import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Select, Spinner, TextArea } from '../../components';
import { notify } from '../../app/notify';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { FairnessFigures } from './FairnessFigures';

/**
 * For the month: how evenly nights, weekends and shifts are spread per role; per person the shifts rostered
 * and worked, absences, lateness, asleep; feedback with its history.
 */
export function SummaryView({ month }: { month: string }) {
  const { t } = useTranslation('rosters');
  const summary = useVigilQuery('rosters.presence.summary', { month }).data;
  const roster = useVigilQuery('rosters.month', { month }).data;
  const [person, setPerson] = useState('');
  const [rating, setRating] = useState('4');
  const [note, setNote] = useState('');
  const history = useVigilQuery('rosters.feedback.list', person ? { staffId: person } : {}).data ?? [];
  const add = useVigilMutation('rosters.feedback.add', {
    onSuccess: () => {
      notify.success(t('feedback.saved'));
      setNote('');
    },
  });
  if (!summary) return <Spinner label={t('loading')} />;
  return (
    <div className="ros-summary">
      {roster && <FairnessFigures fairness={roster.fairness} month={month} />}
      <table className="ros-table ros-table--lined" aria-label={t('summary.title', { month })}>
        <thead>
          <tr>
            {['name', 'role', 'rostered', 'worked', 'present', 'absent', 'late', 'asleep', 'replaced', 'lastRating'].map((c) => (
              <th key={c} scope="col">
                {t(`summary.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.map((s) => (
            <tr key={s.staffId} className={s.absent || s.asleep ? 'ros-row--warn' : undefined}>
              <th scope="row" dir="auto">
                {s.name}
              </th>
              <td>{t(`roles.${s.role}`)}</td>
              <td className="ros-num">{s.rostered}</td>
              <td className="ros-num">{s.worked}</td>
              <td className="ros-num">{s.present}</td>
              <td className="ros-num">{s.absent}</td>
              <td className="ros-num">{s.late}</td>
              <td className="ros-num">{s.asleep}</td>
              <td className="ros-num">{s.replaced}</td>
              <td className="ros-num">{s.lastRating ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="ros-feedback" aria-labelledby="ros-feedback-title">
        <h3 id="ros-feedback-title">{t('feedback.title', { month })}</h3>
        <form
          className="ros-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (person) add.mutate({ staffId: person, month, rating: Number(rating), note });
          }}
        >
          <Field label={t('feedback.person')} required>
            <Select value={person} onChange={(e) => setPerson(e.target.value)} options={summary.map((s) => ({ value: s.staffId, label: s.name }))} placeholder={t('feedback.choose')} />
          </Field>
          <Field label={t('feedback.rating')}>
            <Select value={rating} onChange={(e) => setRating(e.target.value)} options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} — ${t(`feedback.ratings.${n}`)}` }))} />
          </Field>
          <Field label={t('feedback.note')}>
            <TextArea value={note} onChange={(e) => setNote(e.target.value)} rows={2} dir="auto" />
          </Field>
          <Button type="submit" variant="primary" disabled={!person} busy={add.isPending}>
            {t('feedback.add')}
          </Button>
        </form>
        <ul className="ros-list">
          {history.map((f) => (
            <li key={f.id}>
              <strong dir="auto">{f.staffName}</strong> · {f.month} · {'★'.repeat(f.rating)}
              {'☆'.repeat(5 - f.rating)} ({f.rating}/5) · <span dir="auto">{f.note}</span> · {f.by} · {f.at.slice(0, 10)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
