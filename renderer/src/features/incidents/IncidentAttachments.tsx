import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog } from '../../components';
import { notify } from '../../app/notify';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { isDesktop, vigil } from '../../lib/vigil';
import { uploadFile } from '../../lib/transports';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../../../shared/contract/incidentReporting';
import { formatBytes } from '../files/paths';
import { isolate } from '../files/bidi';
import { useSaveTo } from '../files/useSaveTo';
import { useDateTimeFormat } from '../areas/hooks';

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : 'bin';
};

/** Files attached to an incident: kept inside the encrypted vault, saved out only where the user chooses. */
export function IncidentAttachments({ id }: { id: string }) {
  const { t, i18n } = useTranslation('incidents');
  const formatDateTime = useDateTimeFormat();
  const list = useVigilQuery('incidents.attachments', { incidentId: id }).data ?? [];
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<Attachment | null>(null);
  const { saveTo, dialog } = useSaveTo(t('attachments.saveTitle'));
  const add = useVigilMutation('incidents.addAttachment', { successMessageKey: 'incidents:attachments.added' });
  const remove = useVigilMutation('incidents.deleteAttachment', { successMessageKey: 'incidents:attachments.deleted', onSuccess: () => setDeleting(null) });
  const limit = formatBytes(MAX_ATTACHMENT_BYTES, i18n.language);

  const attach = async (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      notify.error(new Error(t('attachments.tooLarge', { name: file.name, size: formatBytes(file.size, i18n.language), limit })));
      return;
    }
    setBusy(true);
    try {
      add.mutate({ incidentId: id, file: `upload:${await uploadFile(file)}` });
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };
  const attachDesktop = async () => {
    try {
      const picked = await vigil.call('dialog.openFile', { filters: [] });
      if (picked.path) add.mutate({ incidentId: id, file: picked.path });
    } catch (error) {
      notify.error(error);
    }
  };
  const save = (a: Attachment) =>
    void saveTo(a.name, extensionOf(a.name), async (path) => {
      const r = await vigil.call('incidents.saveAttachment', { id: a.id, path });
      notify.success(t('attachments.saved', { path: isolate(r.path) }));
    });

  return (
    <section className="incidents-attachments" aria-labelledby={`attachments-${id}`}>
      <h3 id={`attachments-${id}`}>{t('attachments.title')}</h3>
      <p className="v-field__hint">{t('attachments.explain', { limit })}</p>
      {list.length === 0 ? (
        <p>{t('attachments.none')}</p>
      ) : (
        <ul>
          {list.map((a) => (
            <li key={a.id} data-testid="attachment">
              <span className="incidents-attachments__name" dir="auto">
                {a.name}
              </span>
              <span>{formatBytes(a.size, i18n.language)}</span>
              <span>{t('attachments.addedBy', { at: formatDateTime(a.createdAt), by: a.createdBy })}</span>
              <Button size="sm" onClick={() => save(a)}>
                {t('attachments.save')}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setDeleting(a)}>
                {t('attachments.delete')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {isDesktop ? (
        <Button busy={add.isPending} onClick={() => void attachDesktop()}>
          {t('attachments.add')}
        </Button>
      ) : (
        <label className="incidents-inline">
          <span className="v-field__label">{t('attachments.add')}</span>
          <input
            type="file"
            disabled={busy || add.isPending}
            onChange={(e) => {
              void attach(e.target.files?.[0] ?? null);
              e.target.value = '';
            }}
          />
        </label>
      )}
      {deleting && (
        <ConfirmDialog
          open
          danger
          title={t('attachments.deleteTitle', { name: deleting.name })}
          message={t('attachments.deleteMessage')}
          confirmLabel={t('attachments.delete')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ id: deleting.id })}
          onCancel={() => setDeleting(null)}
        />
      )}
      {dialog}
    </section>
  );
}
