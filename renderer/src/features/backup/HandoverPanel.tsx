import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Field, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { isDesktop } from '../../lib/vigil';
import { isolate } from '../files/bidi';
import { chooseFile } from './pickFile';
import { useSavePath } from './useSavePath';

const MIN_PASSWORD = 10;

/** Settings › Handover: departure date, the password-encrypted pack for a successor, and importing one. */
export function HandoverPanel() {
  const { t } = useTranslation('backup');
  const status = useVigilQuery('backup.status', {});
  const update = useVigilMutation('backup.updateSettings');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const [importPassword, setImportPassword] = useState('');
  const [imported, setImported] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const exportPack = useVigilMutation('handover.export');
  const importPack = useVigilMutation('handover.import', {
    onSuccess: (r) => {
      const message = t('handover.imported', { count: r.total });
      setImported(message);
      notify.success(message);
    },
  });
  const { pick, dialog } = useSavePath(t('handover.saveTitle'));
  const tooShort = password.length > 0 && password.length < MIN_PASSWORD;
  const mismatch = again !== '' && again !== password;
  const ready = password.length >= MIN_PASSWORD && again === password;
  const today = new Date().toISOString().slice(0, 10);

  const doExport = async () => {
    let path: string | null;
    try {
      path = await pick(`handover-${today}`, 'zip');
    } catch (error) {
      notify.error(error);
      return;
    }
    if (!path) return;
    exportPack.mutate(
      { path, password, includeRestricted },
      {
        onSuccess: (r) => {
          setSummary(`${t('handover.done', { path: isolate(r.path) })} ${r.index.leftOut.slice(0, 3).join('; ')}`);
          notify.success(t('handover.done', { path: isolate(r.path) }));
          setPassword('');
          setAgain('');
        },
      },
    );
  };

  const doImport = async (file?: File) => {
    try {
      const path = await chooseFile(['zip'], file);
      if (path) importPack.mutate({ path, password: importPassword });
    } catch (error) {
      notify.error(error);
    }
  };

  return (
    <div className="bk-panel">
      <Field label={t('handover.departure')} hint={t('handover.departureHint')}>
        <TextInput
          type="date"
          defaultValue={status.data?.settings.departureDate ?? ''}
          key={status.data?.settings.departureDate ?? 'none'}
          onBlur={(e) => {
            const value = e.target.value || null;
            if (value !== (status.data?.settings.departureDate ?? null)) update.mutate({ departureDate: value });
          }}
        />
      </Field>

      <h3 className="bk-panel__subtitle">{t('handover.exportTitle')}</h3>
      <p className="bk-panel__intro">{t('handover.intro')}</p>
      <div className="bk-panel__fields">
        <Field label={t('handover.password')} error={tooShort ? t('handover.tooShort', { count: MIN_PASSWORD }) : undefined} required>
          <TextInput type="password" autoComplete="new-password" spellCheck={false} value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <Field label={t('handover.again')} error={mismatch ? t('handover.mismatch') : undefined} required>
          <TextInput type="password" autoComplete="new-password" spellCheck={false} value={again} onChange={(e) => setAgain(e.target.value)} />
        </Field>
      </div>
      <Checkbox label={t('handover.includeRestricted')} hint={t('handover.includeRestrictedHint')} checked={includeRestricted} onChange={(e) => setIncludeRestricted(e.target.checked)} />
      <div className="bk-panel__actions">
        <Button disabled={!ready} busy={exportPack.isPending} onClick={() => void doExport()}>
          {t('handover.export')}
        </Button>
      </div>
      {summary && (
        <p className="bk-result bk-result--ok" role="status" data-testid="handover-result">
          {summary}
        </p>
      )}

      <h3 className="bk-panel__subtitle">{t('handover.importTitle')}</h3>
      <p className="bk-panel__intro">{t('handover.importIntro')}</p>
      <Field label={t('handover.password')}>
        <TextInput type="password" autoComplete="off" spellCheck={false} value={importPassword} onChange={(e) => setImportPassword(e.target.value)} />
      </Field>
      <div className="bk-panel__actions">
        {!isDesktop && (
          <input
            ref={fileInput}
            type="file"
            accept=".zip"
            className="v-visually-hidden"
            aria-label={t('handover.import')}
            onChange={(e) => {
              void doImport(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        )}
        <Button
          variant="secondary"
          disabled={!importPassword}
          busy={importPack.isPending}
          onClick={() => (isDesktop ? void doImport() : fileInput.current?.click())}
        >
          {t('handover.import')}
        </Button>
      </div>
      {imported && (
        <p className="bk-result bk-result--ok" role="status">
          {imported}
        </p>
      )}
      {dialog}
    </div>
  );
}
