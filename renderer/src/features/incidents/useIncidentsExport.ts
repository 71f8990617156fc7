import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { notify } from '../../app/notify';
import { vigil } from '../../lib/vigil';
import type { Incident, IncidentExportFormat } from '../../../../shared/contract/incidents';
import type { ExportResult } from '../../../../shared/contract/grid';
import { LANGUAGES, type Language } from '../../../../shared/contract/common';
import { useSettings } from '../areas/hooks';
import { isolate } from '../files/bidi';
import { currentGridView, displayedColumnIds } from '../../app/grid/gridDatasource';
import type { IncidentFilters } from './IncidentsGrid';

export interface IncidentExportOptions {
  includeRestricted: boolean;
  /** Snap coordinates to this many km and drop names, narrative and free text; null: a full export. */
  anonymiseKm: number | null;
}

/** Today in the delegation's time zone as YYYY-MM-DD ('en-CA' writes dates in that order). */
function isoDay(timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(new Date());
}

/**
 * Exports exactly what the grid shows (column filters, sort, visible columns, period and text search)
 * through the core, which writes, reads back and checksums the file. Desktop asks for the path in the
 * native dialog; browser mode opens the save-location picker, which calls `save` with the path.
 */
export function useIncidentsExport(getApi: () => GridApi<Incident> | null, filters: IncidentFilters, options: IncidentExportOptions) {
  const { t, i18n } = useTranslation('incidents');
  const timeZone = useSettings().data?.timeZone;
  const [picking, setPicking] = useState<IncidentExportFormat | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : undefined;

  const defaultName = (format: IncidentExportFormat) =>
    `incidents${options.anonymiseKm ? `-anonymised-${options.anonymiseKm}km` : ''}-${isoDay(timeZone)}.${format}`;

  const save = async (format: IncidentExportFormat, path: string) => {
    const api = getApi();
    if (!api) return;
    setBusy(true);
    try {
      const result: ExportResult = await vigil.call('incidents.export', {
        view: {
          ...currentGridView(api, ''),
          search: filters.search,
          ...(filters.from ? { from: filters.from } : {}),
          ...(filters.to ? { to: filters.to } : {}),
          includeRestricted: options.includeRestricted,
        },
        columns: displayedColumnIds(api),
        format,
        path,
        lang,
        ...(options.anonymiseKm ? { anonymiseKm: options.anonymiseKm } : {}),
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
  const start = (format: IncidentExportFormat) => setPicking(format);

  return { start, save, picking, busy, defaultName, cancel: () => setPicking(null) };
}
