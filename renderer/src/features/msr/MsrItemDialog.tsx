import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Field, Select, TextArea, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { MSR_STATUSES } from '../../../../shared/domain/msrCompliance';
import { MAX_EVIDENCE_BYTES, type MsrItem } from '../../../../shared/contract/msr';
import { msrItemTitle } from '../../../../shared/presets/msrIfrcTitles';
import { usePickFile } from '../files/usePickFile';

interface MsrItemDialogProps {
  item: MsrItem;
  onClose(): void;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** One requirement: wording, status, evidence (note, date, file kept in the vault), who, when, measures. */
export function MsrItemDialog({ item, onClose }: MsrItemDialogProps) {
  const { t, i18n } = useTranslation('msr');
  const measures = useVigilQuery('measures.list', {});
  // A preset item reads in the officer's language; saved unchanged, it keeps its stored English wording so
  // it stays a preset item (shown translated to every reader) rather than becoming an edited one.
  const shownTitle = msrItemTitle(item, i18n.language);
  const [title, setTitle] = useState(shownTitle);
  const [description, setDescription] = useState(item.description);
  const [status, setStatus] = useState(item.status);
  const [responsible, setResponsible] = useState(item.responsible);
  const [dueDate, setDueDate] = useState(item.dueDate ?? '');
  const [evidenceNote, setEvidenceNote] = useState(item.evidenceNote);
  const [evidenceDate, setEvidenceDate] = useState(item.evidenceDate ?? '');
  const [linked, setLinked] = useState<string[]>(item.measureIds);

  const save = useVigilMutation('msr.updateItem', { onSuccess: onClose, successMessageKey: 'msr:saved' });
  const attach = useVigilMutation('msr.attachEvidence', { successMessageKey: 'msr:evidence.attached' });
  const remove = useVigilMutation('msr.removeEvidence');
  const del = useVigilMutation('msr.deleteItem', { onSuccess: onClose });

  const { choose, fileInput, onInputChange, uploading } = usePickFile({
    maxBytes: MAX_EVIDENCE_BYTES,
    tooLarge: (name) => t('evidence.tooLarge', { name }),
    send: async (file) => {
      try {
        await attach.mutateAsync({ id: item.id, file });
      } catch {
        // The mutation already told the user why.
      }
    },
  });

  const size = (bytes: number) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(bytes / 1024);

  return (
    <Dialog
      open
      size="lg"
      onClose={onClose}
      title={t('item.title', { code: item.code })}
      footer={
        <>
          {item.origin === 'custom' && (
            <Button variant="danger" onClick={() => del.mutate({ id: item.id })}>
              {t('actions.delete')}
            </Button>
          )}
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button
            variant="primary"
            busy={save.isPending}
            onClick={() =>
              save.mutate({
                id: item.id,
                title: title === shownTitle ? item.title : title,
                description,
                status,
                responsible,
                dueDate: orNull(dueDate),
                evidenceNote,
                evidenceDate: orNull(evidenceDate),
                measureIds: linked,
              })
            }
          >
            {t('actions.save')}
          </Button>
        </>
      }
    >
      <div className="msr-form">
        <Field label={t('fields.title')} required>
          <TextArea value={title} rows={2} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label={t('fields.description')}>
          <TextArea value={description} rows={2} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <div className="msr-form__row">
          <Field label={t('fields.status')}>
            <Select value={status} options={MSR_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} onChange={(e) => setStatus(e.target.value as MsrItem['status'])} />
          </Field>
          <Field label={t('fields.responsible')}>
            <TextInput value={responsible} onChange={(e) => setResponsible(e.target.value)} />
          </Field>
          <Field label={t('fields.dueDate')}>
            <TextInput type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </Field>
        </div>
        <fieldset className="msr-form__group">
          <legend>{t('evidence.legend')}</legend>
          <Field label={t('fields.evidenceNote')}>
            <TextArea value={evidenceNote} rows={2} onChange={(e) => setEvidenceNote(e.target.value)} />
          </Field>
          <Field label={t('fields.evidenceDate')}>
            <TextInput type="date" value={evidenceDate} onChange={(e) => setEvidenceDate(e.target.value)} />
          </Field>
          <div className="msr-form__file">
            {item.evidenceFile ? (
              <span data-testid="msr-evidence-file">
                {t('evidence.file')} <bdi>{item.evidenceFile.name}</bdi> ({size(item.evidenceFile.size)})
              </span>
            ) : (
              <span>{t('evidence.none')}</span>
            )}
            <Button size="sm" busy={uploading} onClick={() => void choose()}>
              {item.evidenceFile ? t('evidence.replace') : t('evidence.attach')}
            </Button>
            {item.evidenceFile && (
              <Button size="sm" variant="ghost" onClick={() => remove.mutate({ id: item.id })}>
                {t('evidence.remove')}
              </Button>
            )}
            <input
              ref={fileInput}
              type="file"
              hidden
              data-testid="msr-evidence-input"
              onChange={onInputChange}
            />
          </div>
          <p className="msr-form__hint">{t('evidence.hint')}</p>
        </fieldset>
        <fieldset className="msr-form__group">
          <legend>{t('fields.measures')}</legend>
          {measures.data?.rows.length === 0 && <p>{t('measures.none')}</p>}
          <div className="msr-form__measures">
            {measures.data?.rows.map((m) => (
              <Checkbox
                key={m.id}
                label={m.title}
                checked={linked.includes(m.id)}
                onChange={(e) => setLinked((ids) => (e.target.checked ? [...ids, m.id] : ids.filter((id) => id !== m.id)))}
              />
            ))}
          </div>
        </fieldset>
      </div>
    </Dialog>
  );
}
