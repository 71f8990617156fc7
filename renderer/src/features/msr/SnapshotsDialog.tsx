import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msrItemTitle } from '../../../../shared/presets/msrIfrcTitles';
import { Badge, Button, Dialog, Field, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { usePercent } from './hooks';

/** Assessments: take a dated snapshot of the checklist and see what improved or worsened since the previous one. */
export function SnapshotsDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation('msr');
  const percent = usePercent();
  const [note, setNote] = useState('');
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const snapshots = useVigilQuery('msr.snapshots', {});
  const compare = useVigilQuery('msr.compare', selected ? { id: selected } : {});
  const take = useVigilMutation('msr.snapshot', {
    successMessageKey: 'msr:snapshots.taken',
    onSuccess: () => {
      setNote('');
      setSelected(undefined);
    },
  });
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const data = compare.data;

  return (
    <Dialog open size="lg" onClose={onClose} title={t('snapshots.title')} footer={<Button onClick={onClose}>{t('actions.close')}</Button>}>
      <div className="msr-snapshots">
        <div className="msr-snapshots__take">
          <Field label={t('snapshots.note')}>
            <TextInput value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <Button variant="primary" busy={take.isPending} onClick={() => take.mutate({ note })}>
            {t('snapshots.take')}
          </Button>
        </div>
        {snapshots.data?.rows.length === 0 ? (
          <p>{t('snapshots.none')}</p>
        ) : (
          <ul className="msr-snapshots__list" aria-label={t('snapshots.list')}>
            {snapshots.data?.rows.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="msr-snapshots__item"
                  aria-pressed={(selected ?? snapshots.data.rows[0]?.id) === s.id}
                  onClick={() => setSelected(s.id)}
                >
                  <span>{when(s.takenAt)}</span>
                  <span>{s.note}</span>
                  <strong>{percent(s.summary.overall.percent)}</strong>
                </button>
              </li>
            ))}
          </ul>
        )}
        {data?.current && (
          <section className="msr-compare" aria-labelledby="msr-compare-title" data-testid="msr-compare">
            <h3 id="msr-compare-title">
              {data.previous
                ? t('compare.heading', { current: when(data.current.takenAt), previous: when(data.previous.takenAt) })
                : t('compare.first', { current: when(data.current.takenAt) })}
            </h3>
            {data.previous && (
              <table className="msr-table">
                <thead>
                  <tr>
                    <th scope="col">{t('compare.part')}</th>
                    <th scope="col">{t('compare.before')}</th>
                    <th scope="col">{t('compare.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[{ part: 0 }, ...data.current.summary.parts].map(({ part }) => {
                    const a = part === 0 ? data.previous!.summary.overall : data.previous!.summary.parts.find((p) => p.part === part);
                    const b = part === 0 ? data.current!.summary.overall : data.current!.summary.parts.find((p) => p.part === part);
                    return (
                      <tr key={part}>
                        <th scope="row">{part === 0 ? t('summary.overall') : t('partHeading', { part, title: t(`parts.${part}`) })}</th>
                        <td>{percent(a?.percent ?? null)}</td>
                        <td>{percent(b?.percent ?? null)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {data.previous && data.changes.length === 0 && <p>{t('compare.noChange')}</p>}
            {data.changes.length > 0 && (
              <ul className="msr-compare__changes">
                {data.changes.map((c) => (
                  <li key={`${c.code}-${c.direction}`} className={`msr-compare__change msr-compare__change--${c.direction}`}>
                    <Badge>{t(`compare.direction.${c.direction}`)}</Badge> <bdi>{c.code}</bdi> {msrItemTitle({ code: c.code, title: c.title, origin: 'preset' }, i18n.language)}{' '}
                    <span className="msr-compare__statuses">
                      {c.before ? t(`statuses.${c.before}`) : '—'} → {c.after ? t(`statuses.${c.after}`) : '—'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
    </Dialog>
  );
}
