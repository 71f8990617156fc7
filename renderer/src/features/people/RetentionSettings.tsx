import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, Field, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { useVigilMutation } from '../../lib/queries';
import { vigil } from '../../lib/vigil';
import { useDateTimeFormat } from '../areas/hooks';

type Preview = Awaited<ReturnType<typeof vigil.call<'people.purgePreview'>>>;

/** Retention: see who left more than N months ago, then purge their personal data (recorded in the audit). */
export function RetentionSettings() {
  const { t } = useTranslation('people');
  const formatDateTime = useDateTimeFormat();
  const [months, setMonths] = useState(12);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const purge = useVigilMutation('people.purge', {
    onSuccess: (r) => {
      notify.success(t('retention.done', { count: r.people.length }));
      setConfirming(false);
      setPreview(null);
    },
  });
  const load = () => vigil.call('people.purgePreview', { olderThanMonths: months }).then(setPreview, (e: unknown) => notify.error(e));
  return (
    <div className="ppl-retention">
      <p>{t('retention.explain')}</p>
      <div className="ppl-inline">
        <Field label={t('retention.months')}>
          <TextInput type="number" min={1} max={240} value={months} onChange={(e) => setMonths(Math.max(1, Number(e.target.value) || 1))} />
        </Field>
        <Button onClick={() => void load()}>{t('retention.preview')}</Button>
      </div>
      {preview && (
        <>
          <p>{t('retention.cutoff', { date: preview.cutoff, count: preview.people.length })}</p>
          <ul className="ppl-list">
            {preview.people.map((p) => (
              <li key={p.id}>
                {p.name}
                {p.departureAt ? ` — ${formatDateTime(p.departureAt, 'date')}` : ''}
              </li>
            ))}
          </ul>
          {preview.people.length > 0 && (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {t('retention.purge', { count: preview.people.length })}
            </Button>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirming}
        danger
        title={t('retention.confirmTitle')}
        message={t('retention.confirm', { count: preview?.people.length ?? 0 })}
        confirmLabel={t('retention.purge', { count: preview?.people.length ?? 0 })}
        cancelLabel={t('form.cancel')}
        busy={purge.isPending}
        onConfirm={() => purge.mutate({ olderThanMonths: months })}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
