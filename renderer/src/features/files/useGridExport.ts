import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { notify } from '../../app/notify';
import { vigil } from '../../lib/vigil';
import type { ExportResult } from '../../../../shared/contract/grid';
import { LANGUAGES, type Language } from '../../../../shared/contract/common';
import { useSettings } from '../areas/hooks';
import { isolate } from './bidi';
import { currentGridView, displayedColumnIds } from '../../app/grid/gridDatasource';

export type ExportFormat = 'csv' | 'xlsx';

/** Today in the delegation's time zone as YYYY-MM-DD ('en-CA' writes dates in that order). */
function isoDay(timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(new Date());
}

/**
 * Exports exactly what the grid shows (quick filter, column filters, sort, visible columns in their
 * order) through the core, which writes, reads back and checksums the file. Desktop asks for the path in
 * the native dialog; browser mode opens the save-location picker, which calls `save` with the path.
 */
export interface GridExportTarget {
  /** The feature's i18next namespace, holding its `export.*` texts. */
  ns: string;
  /** A `<module>.export` command that takes shared/contract/grid.ts ExportRequest. */
  command: 'premises.export' | 'risks.export';
  /** Start of the suggested file name: `<prefix>-YYYY-MM-DD.xlsx`. */
  filePrefix: string;
}

export function useGridExport<Row>(target: GridExportTarget, getApi: () => GridApi<Row> | null, quickFilter: string) {
  const { t, i18n } = useTranslation(target.ns);
  const timeZone = useSettings().data?.timeZone;
  const [picking, setPicking] = useState<ExportFormat | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : undefined;

  const defaultName = (format: ExportFormat) => `${target.filePrefix}-${isoDay(timeZone)}.${format}`;

  const save = async (format: ExportFormat, path: string) => {
    const api = getApi();
    if (!api) return;
    setBusy(true);
    try {
      const result: ExportResult = await vigil.call(target.command, {
        view: currentGridView(api, quickFilter),
        columns: displayedColumnIds(api),
        format,
        path,
        lang,
      });
      setPicking(null);
      if (result.verified) notify.success(t('export.done', { path: isolate(result.path), count: result.rows }));
      else notify.error(new Error(t('export.unverified', { path: isolate(result.path) })));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  // Desktop and browser alike: SaveLocationDialog asks (the system dialog on the desktop, then warnings and the password option).
  const start = (format: ExportFormat) => setPicking(format);

  return { start, save, picking, busy, defaultName, cancel: () => setPicking(null) };
}
