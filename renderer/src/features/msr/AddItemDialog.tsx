import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, Select, TextArea } from '../../components';
import { useVigilMutation } from '../../lib/queries';
import { MSR_PARTS } from '../../../../shared/presets/msrIfrc';

/** An organisation-specific requirement, numbered ORG-<part>.<n> by the core. */
export function AddItemDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('msr');
  const [part, setPart] = useState<number>(1);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const create = useVigilMutation('msr.createItem', { onSuccess: onClose, successMessageKey: 'msr:added' });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('add.title')}
      footer={
        <>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button variant="primary" busy={create.isPending} disabled={!title.trim()} onClick={() => create.mutate({ part, title, description })}>
            {t('actions.add')}
          </Button>
        </>
      }
    >
      <div className="msr-form">
        <Field label={t('fields.part')}>
          <Select
            value={String(part)}
            options={MSR_PARTS.map((p) => ({ value: String(p), label: t('partHeading', { part: p, title: t(`parts.${p}`) }) }))}
            onChange={(e) => setPart(Number(e.target.value))}
          />
        </Field>
        <Field label={t('fields.title')} required hint={t('add.hint')}>
          <TextArea value={title} rows={3} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label={t('fields.description')}>
          <TextArea value={description} rows={2} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
