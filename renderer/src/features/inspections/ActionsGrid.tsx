import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { InfiniteGrid, type InfiniteGridHandle } from '../../app/grid/InfiniteGrid';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import { vigil } from '../../lib/vigil';
import type { Action } from '../../../../shared/contract/inspections';
import type { GridView } from '../../../../shared/contract/grid';
import type { EventName } from '../../../../shared/events';
import { useSaveTo } from '../files/useSaveTo';
import { ActionForm } from './ActionForm';
import { createActionColumns } from './gridColumns';
import { usePremisesNames } from './usePremisesNames';

/** Open actions (overdue ones included) unless the user asks for closed ones too or picks a status. */
const OPEN_ONLY: GridView['filterModel'] = { status: { filterType: 'text', type: 'equals', filter: 'open' } };
/** Columns share the width; fixed-width ones (dates, status) set flex 0. */
const DEFAULT_COL_DEF = { flex: 1, minWidth: 110 };
const REFRESH_ON: readonly EventName[] = ['inspections.changed', 'premises.changed'];

/** All corrective actions, filtered and sorted by the core, overdue in red; CSV / XLSX of exactly this view. */
export function ActionsGrid() {
  const { t } = useTranslation('inspections');
  const [all, setAll] = useState(false);
  const [search, setSearch] = useState('');
  const quickFilter = useDebouncedValue(search.trim(), 250);
  const [shown, setShown] = useState<number | null>(null);
  const [editing, setEditing] = useState<Action | null>(null);
  const grid = useRef<InfiniteGridHandle>(null);
  const premisesNames = usePremisesNames();
  const columns = useMemo(() => createActionColumns({ t, premisesNames }), [t, premisesNames]);
  const { saveTo, dialog } = useSaveTo(t('export.title'));
  const exportAs = (format: 'csv' | 'xlsx') =>
    saveTo(`actions.${format}`, format, async (path) => {
      const view = grid.current?.view();
      const r = await vigil.call('inspections.exportActions', { format, path, ...(view ? { view } : {}) });
      notify.success(t('export.done', { rows: r.rows, path: r.path }));
    });
  return (
    <>
      <div className="insp-toolbar">
        <TextInput
          type="search"
          className="insp-search"
          aria-label={t('grid.searchActions')}
          placeholder={t('grid.searchActions')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Checkbox label={t('actions.showClosed')} checked={all} onChange={(e) => setAll(e.target.checked)} />
        <Button onClick={() => void exportAs('csv')}>{t('export.csv')}</Button>
        <Button onClick={() => void exportAs('xlsx')}>{t('export.xlsx')}</Button>
        <span className="insp-count" role="status">
          {shown === null ? '' : t('grid.actionCount', { count: shown })}
        </span>
        <span className="insp-hint">{t('actions.openHint')}</span>
      </div>
      <InfiniteGrid<Action>
        ref={grid}
        command="inspections.listActions"
        className="insp-grid"
        label={t('tabs.actions')}
        columnDefs={columns}
        defaultColDef={DEFAULT_COL_DEF}
        quickFilter={quickFilter}
        extraFilter={all ? undefined : OPEN_ONLY}
        refreshOn={REFRESH_ON}
        rowClassRules={{ 'insp-late': (p) => Boolean(p.data?.overdue) }}
        overlays={{ noRows: t('grid.noActions') }}
        onRowOpen={setEditing}
        onTotal={setShown}
      />
      {editing && <ActionForm action={editing} onClose={() => setEditing(null)} />}
      {dialog}
    </>
  );
}
