import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Spinner } from '../../components';
import { notify } from '../../app/notify';
import { isDesktop, vigil } from '../../lib/vigil';
import { uploadFile } from '../../lib/transports';
import type { RisksImportReport } from '../../../../shared/contract/risks';
import { isolate } from '../files/bidi';

/** Where the file comes from: a path (desktop dialog) or a browser File, uploaded again for each step. */
type Source = { kind: 'path'; path: string; name: string } | { kind: 'file'; file: File };

async function fileRef(source: Source): Promise<string> {
  // An upload is consumed by the command that reads it: the run uploads the file again.
  return source.kind === 'path' ? source.path : `upload:${await uploadFile(source.file)}`;
}

/** Pick a register (.xlsx, .csv, .json), see what each row would do and every problem by row and column, then import all or nothing. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation('risks');
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<RisksImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const n = (v: number) => v.toLocaleString(i18n.language);

  const loadPreview = async (next: Source) => {
    setSource(next);
    setPreview(null);
    setBusy(true);
    try {
      setPreview(await vigil.call('risks.import', { file: await fileRef(next), dryRun: true }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const chooseDesktop = async () => {
    try {
      const picked = await vigil.call('dialog.openFile', { filters: [{ name: t('import.fileTypes'), extensions: ['xlsx', 'csv', 'json'] }] });
      if (picked.path) await loadPreview({ kind: 'path', path: picked.path, name: picked.path.split(/[\\/]/).pop() ?? picked.path });
    } catch (error) {
      notify.error(error);
    }
  };

  const run = async () => {
    if (!source) return;
    setBusy(true);
    try {
      const report = await vigil.call('risks.import', { file: await fileRef(source), dryRun: false });
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

  const canRun = preview !== null && preview.items.length > 0 && preview.skipped === 0 && preview.problems.length === 0;
  return (
    <Dialog
      open
      size="lg"
      title={t('import.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('shell:common.cancel')}</Button>
          <Button variant="primary" disabled={!canRun} busy={busy && preview !== null} onClick={() => void run()}>
            {t('import.run')}
          </Button>
        </>
      }
    >
      <p className="risks-import__muted">{t('import.intro')}</p>
      <div className="risks-import__pick">
        {isDesktop ? (
          <Button onClick={() => void chooseDesktop()}>{t('import.choose')}</Button>
        ) : (
          <label className="risks-import__file">
            <span className="v-field__label">{t('import.choose')}</span>
            <input
              type="file"
              accept=".xlsx,.csv,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void loadPreview({ kind: 'file', file });
              }}
            />
          </label>
        )}
        {source?.kind === 'path' && <span>{t('import.chosen', { name: isolate(source.name) })}</span>}
      </div>
      {busy && preview === null && <Spinner label={t('import.reading')} />}
      {preview && (
        <section aria-label={t('import.previewLabel')} className="risks-import__preview">
          <p role="status" className="risks-import__summary">
            {t('import.summary', { created: preview.created, updated: preview.updated, skipped: preview.skipped, problems: preview.problems.length })}
          </p>
          {preview.items.length === 0 && preview.problems.length === 0 && <p>{t('import.nothing')}</p>}
          {preview.problems.length > 0 && (
            <>
              <p className="v-field__error">{t('import.allOrNothing')}</p>
              <table className="risks-import__table risks-import__table--problems" aria-label={t('import.problemsLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('import.column')}</th>
                    <th scope="col">{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.problems.map((p, i) => (
                    <tr key={`${p.row}-${p.column ?? ''}-${i}`}>
                      <td className="risks-import__num">{n(p.row)}</td>
                      <td dir="auto">{p.column ?? t('import.wholeRow')}</td>
                      <td dir="auto">{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {preview.items.length > 0 && (
            <table className="risks-import__table" aria-label={t('import.rowsLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.reference')}</th>
                  <th scope="col">{t('import.risk')}</th>
                  <th scope="col">{t('import.action')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.items.map((item) => (
                  <tr key={item.row} className={item.action === 'invalid' ? 'is-refused' : undefined}>
                    <td className="risks-import__num">{n(item.row)}</td>
                    <td>
                      <span dir="ltr">{item.reference ?? ''}</span>
                    </td>
                    <td dir="auto">{item.title}</td>
                    <td>{t(`import.actions.${item.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </Dialog>
  );
}
