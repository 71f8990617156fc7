import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Spinner } from '../../components';
import { gridTheme } from '../../app/gridTheme';
import { notify } from '../../app/notify';
import { useGridLocaleText } from '../../app/grid/useGridLocaleText';
import { useVigilQuery } from '../../lib/queries';
import { vigil } from '../../lib/vigil';
import type { Action } from '../../../../shared/contract/inspections';
import { useSaveTo } from '../files/useSaveTo';
import { ActionForm } from './ActionForm';

const openOnly = { status: { filterType: 'text' as const, type: 'equals' as const, filter: 'open' } };

/** All corrective actions (open ones by default), overdue in red; CSV / XLSX of the same view. */
export function ActionsGrid() {
  const { t, i18n } = useTranslation('inspections');
  const localeText = useGridLocaleText();
  const [all, setAll] = useState(false);
  const [editing, setEditing] = useState<Action | null>(null);
  const view = { filterModel: all ? {} : openOnly };
  const actions = useVigilQuery('inspections.listActions', { startRow: 0, endRow: 1000, ...view });
  const { saveTo, dialog } = useSaveTo(t('export.title'));
  const columns = useMemo<ColDef<Action>[]>(
    () => [
      { field: 'dueDate', headerName: t('actionColumns.dueDate'), width: 130 },
      { field: 'premisesName', headerName: t('actionColumns.premisesName') },
      { field: 'title', headerName: t('actionColumns.title'), flex: 2 },
      { field: 'owner', headerName: t('actionColumns.owner') },
      { field: 'section', headerName: t('actionColumns.section'), valueFormatter: (p) => t(`sections.${p.value as string}`) },
      { field: 'inspectedOn', headerName: t('actionColumns.inspectedOn'), width: 140 },
      {
        colId: 'status',
        headerName: t('actionColumns.status'),
        valueGetter: (p) => (p.data ? t(`actionStatus.${p.data.overdue ? 'overdue' : p.data.status}`) : ''),
      },
    ],
    [t],
  );
  const exportAs = (format: 'csv' | 'xlsx') =>
    saveTo(`actions.${format}`, format, async (path) => {
      const r = await vigil.call('inspections.exportActions', { format, path, view: { quickFilter: '', sortModel: [], ...view } });
      notify.success(t('export.done', { rows: r.rows, path: r.path }));
    });
  const rtl = i18n.dir() === 'rtl';
  return (
    <>
      <div className="insp-toolbar">
        <Checkbox label={t('actions.showClosed')} checked={all} onChange={(e) => setAll(e.target.checked)} />
        <Button onClick={() => void exportAs('csv')}>{t('export.csv')}</Button>
        <Button onClick={() => void exportAs('xlsx')}>{t('export.xlsx')}</Button>
        <span className="insp-hint">{t('actions.openHint')}</span>
      </div>
      {!actions.data ? (
        <Spinner label={t('loading')} />
      ) : (
        <div className="insp-grid" role="region" aria-label={t('tabs.actions')}>
          <AgGridReact<Action>
            key={`${i18n.language}-${rtl ? 'rtl' : 'ltr'}`}
            theme={gridTheme}
            enableRtl={rtl}
            localeText={localeText}
            rowData={actions.data.rows}
            getRowId={(p) => p.data.id}
            columnDefs={columns}
            defaultColDef={{ sortable: true, resizable: true, filter: true, flex: 1, minWidth: 110 }}
            rowClassRules={{ 'insp-late': (p) => Boolean(p.data?.overdue) }}
            onRowDoubleClicked={(e) => e.data && setEditing(e.data)}
            onCellKeyDown={(e) => e.event instanceof KeyboardEvent && e.event.key === 'Enter' && e.data && setEditing(e.data)}
          />
        </div>
      )}
      {editing && <ActionForm action={editing} onClose={() => setEditing(null)} />}
      {dialog}
    </>
  );
}
