import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { MenuButton } from '../../components';
import { SaveLocationDialog } from './SaveLocationDialog';
import { useGridExport, type ExportFormat, type GridExportTarget } from './useGridExport';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];

interface GridExportMenuProps<Row> {
  target: GridExportTarget;
  getApi(): GridApi<Row> | null;
  quickFilter: string;
  disabled?: boolean;
}

/**
 * "Export" menu: XLSX or CSV of exactly the grid's current view, for any module grid whose core command
 * takes an ExportRequest.
 */
export function GridExportMenu<Row>({ target, getApi, quickFilter, disabled }: GridExportMenuProps<Row>) {
  const { t } = useTranslation(target.ns);
  const exporter = useGridExport(target, getApi, quickFilter);
  return (
    <>
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
    </>
  );
}
