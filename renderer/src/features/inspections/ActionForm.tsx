import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, Select, TextArea, TextInput } from '../../components';
import { serverIssues, useVigilMutation } from '../../lib/queries';
import type { Action } from '../../../../shared/contract/inspections';

/** Owner, due date, status and closing note of one corrective action. */
export function ActionForm({ action, onClose }: { action: Action; onClose(): void }) {
  const { t } = useTranslation('inspections');
  const [title, setTitle] = useState(action.title);
  const [owner, setOwner] = useState(action.owner);
  const [dueDate, setDueDate] = useState(action.dueDate ?? '');
  const [status, setStatus] = useState(action.status);
  const [closingNote, setClosingNote] = useState(action.closingNote);
  const [noteError, setNoteError] = useState<string | null>(null);
  const update = useVigilMutation('inspections.updateAction', {
    successMessageKey: 'inspections:actions.saved',
    onSuccess: onClose,
    onError: (err) => {
      if (!serverIssues(err).some((i) => i.path === 'closingNote')) return false;
      setNoteError(t('actions.noteRequired'));
      return true;
    },
  });
  return (
    <Dialog open title={t('actions.edit')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ id: action.id, title, owner, dueDate: dueDate || null, status, closingNote });
        }}
      >
        <p className="insp-hint">
          {action.premisesName} · {action.itemLabel}
        </p>
        <Field label={t('actionColumns.title')}>
          <TextInput value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label={t('actionColumns.owner')}>
          <TextInput value={owner} onChange={(e) => setOwner(e.target.value)} />
        </Field>
        <Field label={t('actionColumns.dueDate')}>
          <TextInput type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
        <Field label={t('actionColumns.status')}>
          <Select value={status} onChange={(e) => setStatus(e.target.value as Action['status'])} options={(['open', 'done'] as const).map((s) => ({ value: s, label: t(`actionStatus.${s}`) }))} />
        </Field>
        <Field label={t('actionColumns.closingNote')} error={noteError}>
          <TextArea value={closingNote} onChange={(e) => setClosingNote(e.target.value)} />
        </Field>
        <div className="insp-toolbar">
          <Button type="submit" variant="primary" busy={update.isPending}>
            {t('equipment.save')}
          </Button>
          <Button onClick={onClose}>{t('equipment.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
