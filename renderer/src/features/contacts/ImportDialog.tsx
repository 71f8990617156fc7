import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Spinner } from '../../components';
import { notify } from '../../app/notify';
import { isDesktop, vigil } from '../../lib/vigil';
import { uploadFile } from '../../lib/transports';
import type { ContactsImportReport } from '../../../../shared/contract/contacts';
import { isolate } from '../files/bidi';

/** Where the file comes from: a path (desktop dialog) or a browser File, uploaded again for each step. */
type Source = { kind: 'path'; path: string; name: string } | { kind: 'file'; file: File };

async function fileRef(source: Source): Promise<string> {
  // An upload is consumed by the command that reads it: the run uploads the file again.
  return source.kind === 'path' ? source.path : `upload:${await uploadFile(source.file)}`;
}

const sourceName = (s: Source) => (s.kind === 'path' ? s.name : s.file.name);

/** Pick a .vcf or .csv, see what each card would do (create, merge, refused and why), then import all or nothing. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('contacts');
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ContactsImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const loadPreview = async (next: Source) => {
    setSource(next);
    setPreview(null);
    setBusy(true);
    try {
      setPreview(await vigil.call('contacts.import', { file: await fileRef(next), dryRun: true }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const chooseDesktop = async () => {
    try {
      const picked = await vigil.call('dialog.openFile', { filters: [{ name: t('import.fileTypes'), extensions: ['vcf', 'vcard', 'csv'] }] });
      if (picked.path) await loadPreview({ kind: 'path', path: picked.path, name: picked.path.split(/[\\/]/).pop() ?? picked.path });
    } catch (error) {
      notify.error(error);
    }
  };

  const run = async () => {
    if (!source) return;
    setBusy(true);
    try {
      const report = await vigil.call('contacts.import', { file: await fileRef(source), dryRun: false });
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

  const refused = preview?.items.filter((i) => i.action === 'invalid').length ?? 0;
  const canRun = preview !== null && preview.items.length > 0 && refused === 0 && preview.problems.length === 0;
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
      <p className="contacts-muted">{t('import.intro')}</p>
      <div className="contacts-import__pick">
        {isDesktop ? (
          <Button onClick={() => void chooseDesktop()}>{t('import.choose')}</Button>
        ) : (
          <label className="contacts-import__file">
            <span className="v-field__label">{t('import.choose')}</span>
            <input
              type="file"
              accept=".vcf,.vcard,.csv,text/vcard,text/csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void loadPreview({ kind: 'file', file });
              }}
            />
          </label>
        )}
        {source?.kind === 'path' && <span dir="auto">{isolate(sourceName(source))}</span>}
      </div>
      {busy && preview === null && <Spinner label={t('import.reading')} />}
      {preview && (
        <section aria-label={t('import.previewLabel')} className="contacts-import__preview">
          <p role="status" className="contacts-import__summary">
            {t('import.summary', { created: preview.created, updated: preview.updated, refused })}
          </p>
          {refused > 0 || preview.problems.length > 0 ? <p className="v-field__error">{t('import.allOrNothing')}</p> : null}
          <table className="contacts-table">
            <thead>
              <tr>
                <th scope="col">{t('import.card')}</th>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('import.action')}</th>
                <th scope="col">{t('import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.items.map((item) => {
                const problems = preview.problems.filter((p) => p.row === item.row);
                return (
                  <tr key={item.row} className={item.action === 'invalid' ? 'is-refused' : undefined}>
                    <td className="contacts-num">{item.row}</td>
                    <td dir="auto">{item.name}</td>
                    <td>
                      {item.action === 'merge' && item.mergeWith
                        ? t('import.mergeWith', { name: isolate(item.mergeWith.name) })
                        : t(`import.actions.${item.action}`)}
                    </td>
                    <td dir="auto">{problems.map((p) => p.message).join(' ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {preview.problems.filter((p) => !preview.items.some((i) => i.row === p.row)).map((p, i) => (
            <p key={`p${i}`} className="v-field__error">
              {t('import.cardProblem', { row: p.row, message: p.message })}
            </p>
          ))}
          {preview.notes.length > 0 && (
            <ul className="contacts-import__notes">
              {preview.notes.map((n, i) => (
                <li key={i}>{t('import.cardProblem', { row: n.row, message: n.message })}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Dialog>
  );
}
