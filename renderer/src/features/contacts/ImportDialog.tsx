import { useTranslation } from 'react-i18next';
import { vigil } from '../../lib/vigil';
import type { ContactsImportReport } from '../../../../shared/contract/contacts';
import { DryRunImportDialog } from '../files/DryRunImportDialog';
import { isolate } from '../files/bidi';

const refusedCount = (preview: ContactsImportReport) => preview.items.filter((i) => i.action === 'invalid').length;

/** Pick a .vcf or .csv, see what each card would do (create, merge, refused and why), then import all or nothing. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('contacts');
  return (
    <DryRunImportDialog<ContactsImportReport>
      namespace="contacts"
      extensions={['vcf', 'vcard', 'csv']}
      accept=".vcf,.vcard,.csv,text/vcard,text/csv"
      runImport={(file, dryRun) => vigil.call('contacts.import', { file, dryRun })}
      canCommit={(preview) => preview.items.length > 0 && refusedCount(preview) === 0 && preview.problems.length === 0}
      onClose={onClose}
      renderPreview={(preview) => {
        const refused = refusedCount(preview);
        return (
          <>
            <p role="status" className="import-dialog__summary">
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
          </>
        );
      }}
    />
  );
}
