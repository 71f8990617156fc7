import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { notify } from '../../app/notify';
import { vigil } from '../../lib/vigil';
import type { Contact } from '../../../../shared/contract/contacts';
import { LANGUAGES, type Language } from '../../../../shared/contract/common';
import { isolate } from '../files/bidi';
import { currentGridView, displayedColumnIds } from '../../app/grid/gridDatasource';
import { today } from './hooks';

export type ExportFormat = 'vcf' | 'csv' | 'xlsx';

/**
 * Exports what the grid shows through the core. Sensitive contacts stay out unless the user ticked the
 * box; the toast then says how many were left out, so nobody believes the file is complete when it is not.
 */
export function useContactsExport(getApi: () => GridApi<Contact> | null, quickFilter: string) {
  const { t, i18n } = useTranslation('contacts');
  const [picking, setPicking] = useState<ExportFormat | null>(null);
  const [busy, setBusy] = useState(false);
  const [includeSensitive, setIncludeSensitive] = useState(false);
  const lang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : undefined;

  const defaultName = (format: ExportFormat) => `contacts-${today()}.${format}`;

  const save = async (format: ExportFormat, path: string) => {
    const api = getApi();
    setBusy(true);
    try {
      const result = await vigil.call('contacts.export', {
        view: api ? currentGridView(api, quickFilter) : { quickFilter, filterModel: {}, sortModel: [] },
        ...(api && format !== 'vcf' ? { columns: displayedColumnIds(api) } : {}),
        format,
        path,
        lang,
        includeRestricted: includeSensitive,
      });
      setPicking(null);
      if (!result.verified) {
        notify.error(new Error(t('export.unverified', { path: isolate(result.path) })));
        return;
      }
      const done = t('export.done', { path: isolate(result.path), count: result.rows });
      notify.success(result.leftOut > 0 ? `${done} ${t('export.leftOut', { count: result.leftOut })}` : done);
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  // Desktop and browser alike: SaveLocationDialog asks (the system dialog on the desktop, then warnings and the password option).
  const start = (format: ExportFormat) => setPicking(format);

  return { start, save, picking, busy, defaultName, includeSensitive, setIncludeSensitive, cancel: () => setPicking(null) };
}
