import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { serverIssues, useVigilMutation } from '../../lib/queries';
import { isDesktop, vigil } from '../../lib/vigil';
import type { Plan } from '../../../../shared/contract/plans';
import { isolate } from '../files/bidi';
import { baseName, fileRef, fileSourceName, PLAN_EXTENSIONS, type FileSource } from './hooks';

/** Adds a new version of a plan's document: a path on the desktop, an upload in browser mode. */
export function UploadVersionDialog({ plan, onClose }: { plan: Plan; onClose(): void }) {
  const { t } = useTranslation('plans');
  const [source, setSource] = useState<FileSource | null>(null);
  const [note, setNote] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  const add = useVigilMutation('plans.addVersion', {
    onSuccess: (saved) => {
      notify.success(t('upload.done', { version: saved.versions[0]?.version ?? '' }));
      onClose();
    },
    onError: (err) => {
      const issue = serverIssues(err).find((i) => i.path === 'file');
      if (!issue) return false;
      setFileError(t(`validation.${issue.message}`, { defaultValue: issue.message }));
      return true;
    },
  });

  const chooseDesktop = async () => {
    try {
      const picked = await vigil.call('dialog.openFile', { filters: [{ name: t('upload.fileTypes'), extensions: PLAN_EXTENSIONS }] });
      if (picked.path) {
        setSource({ kind: 'path', path: picked.path, name: baseName(picked.path) });
        setFileError(null);
      }
    } catch (error) {
      notify.error(error);
    }
  };

  const run = async () => {
    if (!source) return;
    setPreparing(true);
    try {
      const file = await fileRef(source);
      add.mutate({ planId: plan.id, file, note: note.trim() });
    } catch (error) {
      notify.error(error);
    } finally {
      setPreparing(false);
    }
  };

  return (
    <Dialog
      open
      title={t('upload.title', { title: isolate(plan.title) })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('shell:common.cancel')}</Button>
          <Button variant="primary" disabled={!source} busy={preparing || add.isPending} onClick={() => void run()}>
            {t('upload.run')}
          </Button>
        </>
      }
    >
      <p className="plans-muted">{t('upload.intro')}</p>
      <div className="plans-upload">
        {isDesktop ? (
          <Button onClick={() => void chooseDesktop()}>{t('upload.choose')}</Button>
        ) : (
          <label className="plans-upload__file">
            <span className="v-field__label">{t('upload.choose')}</span>
            <input
              type="file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                setSource(file ? { kind: 'file', file } : null);
                setFileError(null);
              }}
            />
          </label>
        )}
        {source?.kind === 'path' && <span>{t('upload.chosen', { name: isolate(fileSourceName(source)) })}</span>}
        {fileError && (
          <p role="alert" className="v-field__error">
            {fileError}
          </p>
        )}
      </div>
      <Field label={t('upload.note')}>
        <TextInput value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} dir="auto" />
      </Field>
    </Dialog>
  );
}
