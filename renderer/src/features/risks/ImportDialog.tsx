import { useTranslation } from 'react-i18next';
import { vigil } from '../../lib/vigil';
import type { RisksImportReport } from '../../../../shared/contract/risks';
import { DryRunImportDialog } from '../files/DryRunImportDialog';

/** Pick a register (.xlsx, .csv, .json), see what each row would do and every problem by row and column, then import all or nothing. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation('risks');
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (
    <DryRunImportDialog<RisksImportReport>
      namespace="risks"
      extensions={['xlsx', 'csv', 'json']}
      accept=".xlsx,.csv,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      runImport={(file, dryRun) => vigil.call('risks.import', { file, dryRun })}
      canCommit={(preview) => preview.items.length > 0 && preview.skipped === 0 && preview.problems.length === 0}
      onClose={onClose}
      renderPreview={(preview) => (
        <>
      <p role="status" className="import-dialog__summary">
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
        </>
      )}
    />
  );
}
