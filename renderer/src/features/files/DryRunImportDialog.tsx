import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Spinner } from '../../components';
import { notify } from '../../app/notify';
import { isDesktop, vigil } from '../../lib/vigil';
import { isolate } from './bidi';
import { importFileRef, pathSource, type ImportSource } from './importSource';

/** What every dry-run import command answers, whatever the module. */
export interface DryRunReport {
  created: number;
  updated: number;
  committed: boolean;
}

interface DryRunImportDialogProps<R extends DryRunReport> {
  /** The module's i18n namespace; it has import.{title,intro,choose,fileTypes,run,reading,done}. */
  namespace: string;
  /** Extensions offered by the desktop dialog, and the browser input's accept list. */
  extensions: string[];
  accept: string;
  /** Runs the module's import command on the file, as a dry run or for real. */
  runImport(file: string, dryRun: boolean): Promise<R>;
  /** Whether the previewed import may be committed (all or nothing: no refused rows, no problems). */
  canCommit(report: R): boolean;
  /** The module's view of the dry run: summary, problems, rows. */
  renderPreview(report: R): ReactNode;
  onClose(): void;
}

/**
 * Pick a file, see what the import would do (a dry run in the core), then import all or nothing. Shared by
 * the modules whose import needs no column mapping (contacts, risks); incidents have their own wizard.
 */
export function DryRunImportDialog<R extends DryRunReport>({ namespace, extensions, accept, runImport, canCommit, renderPreview, onClose }: DryRunImportDialogProps<R>) {
  const { t } = useTranslation(namespace);
  const [source, setSource] = useState<ImportSource | null>(null);
  const [preview, setPreview] = useState<R | null>(null);
  const [busy, setBusy] = useState(false);

  const loadPreview = async (next: ImportSource) => {
    setSource(next);
    setPreview(null);
    setBusy(true);
    try {
      setPreview(await runImport(await importFileRef(next), true));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const chooseDesktop = async () => {
    try {
      const picked = await vigil.call('dialog.openFile', { filters: [{ name: t('import.fileTypes'), extensions }] });
      if (picked.path) await loadPreview(pathSource(picked.path));
    } catch (error) {
      notify.error(error);
    }
  };

  const commit = async () => {
    if (!source) return;
    setBusy(true);
    try {
      const report = await runImport(await importFileRef(source), false);
      if (report.committed) {
        notify.success(t('import.done', { created: report.created, updated: report.updated }));
        onClose();
      } else {
        setPreview(report);
      }
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      size="lg"
      title={t('import.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('shell:common.cancel')}</Button>
          <Button variant="primary" disabled={preview === null || !canCommit(preview)} busy={busy && preview !== null} onClick={() => void commit()}>
            {t('import.run')}
          </Button>
        </>
      }
    >
      <p className="import-dialog__muted">{t('import.intro')}</p>
      <div className="import-dialog__pick">
        {isDesktop ? (
          <Button onClick={() => void chooseDesktop()}>{t('import.choose')}</Button>
        ) : (
          <label className="import-dialog__file">
            <span className="v-field__label">{t('import.choose')}</span>
            <input
              type="file"
              accept={accept}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void loadPreview({ kind: 'file', file });
              }}
            />
          </label>
        )}
        {source?.kind === 'path' && <span dir="auto">{isolate(source.name)}</span>}
      </div>
      {busy && preview === null && <Spinner label={t('import.reading')} />}
      {preview && (
        <section aria-label={t('import.previewLabel')} className="import-dialog__preview">
          {renderPreview(preview)}
        </section>
      )}
    </Dialog>
  );
}
