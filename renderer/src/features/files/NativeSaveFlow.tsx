import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Spinner } from '../../components';
import { notify } from '../../app/notify';
import { vigil } from '../../lib/vigil';
import type { CheckTargetResult } from '../../../../shared/contract/files';
import { ExportPasswordFields } from './ExportPasswordFields';
import { TargetWarnings } from './TargetWarnings';
import { useExportPassword } from './useExportPassword';
import { isolate } from './bidi';
import type { SaveLocationDialogProps } from './SaveLocationDialog';

type Stage = { kind: 'asking' } | { kind: 'confirm'; path: string; check: CheckTargetResult };

/**
 * Desktop "Save as": the system's save dialog chooses the path; then, before anything is written, the
 * same checks as browser mode's picker (not a USB drive, nearly full, FAT32 too small) and the option to
 * protect the export with a password. Without the password option and with nothing to warn about, the
 * export goes straight ahead, as after any save dialog.
 */
export function NativeSaveFlow({ title, defaultName, extension, busy, expectedBytes, allowPassword = true, onCancel, onSave }: SaveLocationDialogProps) {
  const { t } = useTranslation('files');
  const formId = useId();
  const password = useExportPassword();
  const [stage, setStage] = useState<Stage>({ kind: 'asking' });
  const asked = useRef(false);

  const ask = async () => {
    setStage({ kind: 'asking' });
    try {
      const ext = extension.replace(/^\./, '');
      const { path } = await vigil.call('dialog.saveFile', {
        defaultName: defaultName.toLowerCase().endsWith(extension.toLowerCase()) ? defaultName : `${defaultName}${extension}`,
        ...(ext ? { filters: [{ name: ext.toUpperCase(), extensions: [ext] }] } : {}),
      });
      // null: the user closed the system dialog, which is not an error.
      if (!path) return onCancel();
      const check = await vigil.call('files.checkTarget', { path, ...(expectedBytes !== undefined ? { sizeBytes: expectedBytes } : {}) });
      if (!allowPassword && check.warnings.length === 0) return onSave(path, { protectedWithPassword: false });
      setStage({ kind: 'confirm', path, check });
    } catch (error) {
      notify.error(error);
      onCancel();
    }
  };

  useEffect(() => {
    // Once per opening, even when React runs effects twice in development.
    if (asked.current) return;
    asked.current = true;
    void ask();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (stage.kind === 'asking') return null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (stage.check.blocked) return;
    const protectedWithPassword = await password.arm(stage.path);
    if (protectedWithPassword !== null) onSave(stage.path, { protectedWithPassword });
  };

  return (
    <Dialog
      open
      title={title}
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>{t('shell:common.cancel')}</Button>
          <Button onClick={() => void ask()}>{t('native.change')}</Button>
          <Button variant="primary" type="submit" form={formId} busy={busy || password.arming} disabled={stage.check.blocked}>
            {t('native.save')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void save(event)} noValidate className="native-save">
        <p className="native-save__target" data-testid="native-save-target">
          {t('picker.target', { path: isolate(password.value.enabled ? `${stage.path}.zip` : stage.path) })}
        </p>
        {stage.check.warnings.length > 0 && <TargetWarnings warnings={stage.check.warnings} />}
        {allowPassword && <ExportPasswordFields value={password.value} error={password.error} onChange={password.onChange} />}
        {busy && <Spinner size="sm" label={t('picker.loading')} />}
      </form>
    </Dialog>
  );
}
