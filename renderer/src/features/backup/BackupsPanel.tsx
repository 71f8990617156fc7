import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, Progress, Select, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { serverIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { isDesktop } from '../../lib/vigil';
import { isolate } from '../files/bidi';
import { formatBytes } from '../files/paths';
import { chooseFile, folderOf } from './pickFile';
import { useBackupProgress } from './useBackupProgress';
import { useSavePath } from './useSavePath';

const INTERVALS = [0, 6, 12, 24, 48, 168] as const;

/** Settings › Backups: back up now, where, how often, how many to keep; the folder's backups; restore. */
export function BackupsPanel() {
  const { t, i18n } = useTranslation('backup');
  const status = useVigilQuery('backup.status', {});
  const list = useVigilQuery('backup.list', {});
  const [result, setResult] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<{ path: string; label: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const update = useVigilMutation('backup.updateSettings');
  const create = useVigilMutation('backup.create', {
    onSuccess: (r) => {
      const message = t('panel.done', { path: isolate(r.path) });
      setResult(message);
      notify.success(message);
    },
    onError: () => {
      setResult(null);
      return false;
    },
  });
  const percent = useBackupProgress(create.isPending);
  const { pick, dialog } = useSavePath(t('panel.chooseFolderTitle'));
  const settings = status.data?.settings;

  const chooseFolder = async () => {
    try {
      const path = await pick('vigil-backup', 'vigilbackup');
      if (path) update.mutate({ folder: folderOf(path) });
    } catch (error) {
      notify.error(error);
    }
  };

  const restoreOther = async (file?: File) => {
    try {
      const path = await chooseFile(['vigilbackup'], file);
      if (path) setRestoring({ path, label: file?.name ?? path });
    } catch (error) {
      notify.error(error);
    }
  };

  return (
    <div className="bk-panel">
      <p className="bk-panel__intro">{t('panel.intro')}</p>
      <div className="bk-panel__row">
        <span className="bk-panel__label">{t('panel.folder')}</span>
        <span className="bk-panel__value" data-testid="backup-folder" dir="auto">
          {settings?.folder ? isolate(settings.folder) : t('panel.noFolder')}
        </span>
        <Button variant="secondary" size="sm" onClick={() => void chooseFolder()}>
          {t('panel.chooseFolder')}
        </Button>
      </div>
      <div className="bk-panel__fields">
        <Field label={t('panel.interval')}>
          <Select
            value={String(settings?.intervalHours ?? 24)}
            disabled={!settings}
            options={INTERVALS.map((h) => ({ value: String(h), label: h === 0 ? t('panel.intervalOff') : t('panel.intervalHours', { count: h }) }))}
            onChange={(e) => update.mutate({ intervalHours: Number(e.target.value) })}
          />
        </Field>
        <Field label={t('panel.keep')} hint={t('panel.keepHint')}>
          <TextInput
            type="number"
            min={1}
            max={100}
            inputMode="numeric"
            defaultValue={settings?.keep ?? 7}
            key={settings?.keep}
            onBlur={(e) => {
              const keep = Math.round(Number(e.target.value));
              if (keep >= 1 && keep <= 100 && keep !== settings?.keep) update.mutate({ keep });
            }}
          />
        </Field>
      </div>
      <div className="bk-panel__actions">
        <Button busy={create.isPending} disabled={!settings?.folder} onClick={() => create.mutate({})}>
          {t('panel.backupNow')}
        </Button>
        {!settings?.folder && <span className="bk-panel__hint">{t('panel.chooseFirst')}</span>}
      </div>
      {percent !== null && <Progress label={t('panel.progress')} value={percent} />}
      {result && !create.isPending && (
        <p className="bk-result bk-result--ok" role="status" data-testid="backup-result">
          {result}
        </p>
      )}
      {status.data?.lastError && (
        <p className="bk-result bk-result--bad" role="alert">
          {t('panel.lastError', { message: status.data.lastError.message })}
        </p>
      )}

      <h3 className="bk-panel__subtitle">{t('panel.listTitle')}</h3>
      {!list.data?.backups.length ? (
        <p className="bk-panel__hint">{t('panel.listEmpty')}</p>
      ) : (
        <table className="bk-list" data-testid="backup-list">
          <thead>
            <tr>
              <th>{t('panel.made')}</th>
              <th>{t('panel.size')}</th>
              <th>
                <span className="v-visually-hidden">{t('panel.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.backups.map((b) => (
              <tr key={b.path}>
                <td title={b.name}>{new Date(b.createdAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td className="bk-list__num">{formatBytes(b.bytes, i18n.language)}</td>
                <td>
                  <Button size="sm" variant="secondary" onClick={() => setRestoring({ path: b.path, label: b.name })}>
                    {t('panel.restore')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="bk-panel__actions">
        {isDesktop ? (
          <Button variant="secondary" onClick={() => void restoreOther()}>
            {t('panel.restoreOther')}
          </Button>
        ) : (
          <>
            <input
              ref={fileInput}
              type="file"
              accept=".vigilbackup"
              className="v-visually-hidden"
              aria-label={t('panel.restoreOther')}
              onChange={(e) => {
                void restoreOther(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <Button variant="secondary" onClick={() => fileInput.current?.click()}>
              {t('panel.restoreOther')}
            </Button>
          </>
        )}
      </div>
      {restoring && <RestoreDialog target={restoring} onClose={() => setRestoring(null)} />}
      {dialog}
    </div>
  );
}

function RestoreDialog({ target, onClose }: { target: { path: string; label: string }; onClose(): void }) {
  const { t } = useTranslation('backup');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const restore = useVigilMutation('backup.restore', {
    onSuccess: (r) => {
      notify.success(r.keptAs ? t('restore.doneKept', { path: isolate(r.keptAs) }) : t('restore.done'));
      onClose();
    },
    onError: (err) => {
      const issue = serverIssues(err).find((i) => i.path === 'passphrase');
      if (!issue) return false;
      setPassphrase('');
      setError(t('restore.wrongPassphrase'));
      return true;
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (passphrase) restore.mutate({ path: target.path, passphrase });
  };
  return (
    <Dialog
      open
      size="md"
      title={t('restore.title')}
      onClose={() => !restore.isPending && onClose()}
      footer={
        <>
          <Button variant="secondary" disabled={restore.isPending} onClick={onClose}>
            {t('restore.cancel')}
          </Button>
          <Button variant="danger" type="submit" form="bk-restore-form" busy={restore.isPending} disabled={!passphrase}>
            {t('restore.confirm')}
          </Button>
        </>
      }
    >
      <form id="bk-restore-form" className="bk-restore" onSubmit={submit} noValidate>
        <p>{t('restore.explain', { name: isolate(target.label), suffix: isolate('.before-restore') })}</p>
        <Field label={t('restore.passphrase')} hint={t('restore.passphraseHint')} error={error ?? undefined} required>
          <TextInput type="password" autoComplete="off" spellCheck={false} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
