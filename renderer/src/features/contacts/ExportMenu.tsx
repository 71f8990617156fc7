import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { Checkbox, MenuButton } from '../../components';
import type { Contact } from '../../../../shared/contract/contacts';
import { SaveLocationDialog } from '../files/SaveLocationDialog';
import { useContactsExport, type ExportFormat } from './useContactsExport';

const FORMATS: readonly ExportFormat[] = ['vcf', 'csv', 'xlsx'];

interface ExportMenuProps {
  getApi(): GridApi<Contact> | null;
  quickFilter: string;
  disabled?: boolean;
}

/** "Export" menu: vCard, CSV or XLSX of the current view, sensitive contacts only when ticked. */
export function ExportMenu({ getApi, quickFilter, disabled }: ExportMenuProps) {
  const { t } = useTranslation('contacts');
  const exporter = useContactsExport(getApi, quickFilter);
  return (
    <div className="contacts-export">
      <Checkbox
        label={t('export.includeSensitive')}
        checked={exporter.includeSensitive}
        onChange={(e) => exporter.setIncludeSensitive(e.target.checked)}
      />
      <MenuButton
        label={t('export.button')}
        items={FORMATS.map((format) => ({ id: format, label: t(`export.as.${format}`), hint: t(`export.hint.${format}`) }))}
        onChoose={(format) => void exporter.start(format as ExportFormat)}
        busy={exporter.busy}
        disabled={disabled}
      />
      <SaveLocationDialog
        open={exporter.picking !== null}
        title={t('export.pickerTitle')}
        defaultName={exporter.picking ? exporter.defaultName(exporter.picking) : ''}
        extension={exporter.picking ? `.${exporter.picking}` : ''}
        busy={exporter.busy}
        onCancel={exporter.cancel}
        onSave={(path) => exporter.picking && void exporter.save(exporter.picking, path)}
      />
    </div>
  );
}
