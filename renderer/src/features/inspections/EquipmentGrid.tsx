import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, Select, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { InfiniteGrid, type InfiniteGridHandle } from '../../app/grid/InfiniteGrid';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { vigil } from '../../lib/vigil';
import { EQUIPMENT_KINDS, type Equipment, type EquipmentKind } from '../../../../shared/contract/inspections';
import type { GridView } from '../../../../shared/contract/grid';
import type { EventName } from '../../../../shared/events';
import { useSaveTo } from '../files/useSaveTo';
import { createEquipmentColumns } from './gridColumns';

/** Columns share the width; fixed-width ones (dates, status) set flex 0. */
const DEFAULT_COL_DEF = { flex: 1, minWidth: 110 };
const REFRESH_ON: readonly EventName[] = ['equipment.changed', 'premises.changed'];

interface Draft {
  kind: EquipmentKind;
  type: string;
  capacity: string;
  location: string;
  purchaseDate: string;
  lastCheck: string;
  expiryDate: string;
  nextCheck: string;
}
const EMPTY: Draft = { kind: 'fire_extinguisher', type: '', capacity: '', location: '', purchaseDate: '', lastCheck: '', expiryDate: '', nextCheck: '' };

function EquipmentForm({ premisesId, existing, onClose }: { premisesId: string; existing: Equipment | null; onClose(): void }) {
  const { t } = useTranslation('inspections');
  const [d, setD] = useState<Draft>(
    existing
      ? {
          kind: existing.kind,
          type: existing.type,
          capacity: existing.capacity,
          location: existing.location,
          purchaseDate: existing.purchaseDate ?? '',
          lastCheck: existing.lastCheck ?? '',
          expiryDate: existing.expiryDate ?? '',
          nextCheck: existing.nextCheck ?? '',
        }
      : EMPTY,
  );
  const [error, setError] = useState<string | null>(null);
  const options = {
    successMessageKey: 'inspections:equipment.saved',
    onSuccess: onClose,
    onError: (err: unknown) => {
      const issues = (err as { details?: { issues?: Array<{ message: string }> } }).details?.issues;
      if (issues?.some((i) => i.message === 'expiryBeforePurchase')) {
        setError(t('equipment.expiryBeforePurchase'));
        return true;
      }
      return false;
    },
  };
  const create = useVigilMutation('equipment.create', options);
  const update = useVigilMutation('equipment.update', options);
  const remove = useVigilMutation('equipment.delete', { successMessageKey: 'inspections:equipment.deleted', onSuccess: onClose });
  const date = (key: keyof Draft) => (
    <Field label={t(`equipmentColumns.${key}`)} error={key === 'expiryDate' ? error : undefined}>
      <TextInput type="date" value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} />
    </Field>
  );
  return (
    <Dialog open title={existing ? t('equipment.edit') : t('equipment.add')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const orNull = (v: string) => v || null;
          const input = {
            premisesId,
            kind: d.kind,
            type: d.type,
            capacity: d.capacity,
            location: d.location,
            purchaseDate: orNull(d.purchaseDate),
            lastCheck: orNull(d.lastCheck),
            expiryDate: orNull(d.expiryDate),
            nextCheck: orNull(d.nextCheck),
          };
          if (existing) update.mutate({ ...input, id: existing.id });
          else create.mutate(input);
        }}
      >
        <Field label={t('equipmentColumns.kind')}>
          <Select value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value as EquipmentKind })} options={EQUIPMENT_KINDS.map((k) => ({ value: k, label: t(`equipmentKinds.${k}`) }))} />
        </Field>
        {(['type', 'capacity', 'location'] as const).map((k) => (
          <Field key={k} label={t(`equipmentColumns.${k}`)}>
            <TextInput value={d[k]} onChange={(e) => setD({ ...d, [k]: e.target.value })} />
          </Field>
        ))}
        {date('purchaseDate')}
        {date('lastCheck')}
        {date('expiryDate')}
        {date('nextCheck')}
        <div className="insp-toolbar">
          <Button type="submit" variant="primary" busy={create.isPending || update.isPending}>
            {t('equipment.save')}
          </Button>
          {existing && (
            <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate({ id: existing.id })}>
              {t('equipment.delete')}
            </Button>
          )}
          <Button onClick={onClose}>{t('equipment.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The equipment register of one premises (or all), filtered and sorted by the core, with expiry badges. */
export function EquipmentGrid() {
  const { t } = useTranslation('inspections');
  const premises = useVigilQuery('premises.list', { startRow: 0, endRow: 1000, sortModel: [{ colId: 'name', sort: 'asc' }] }).data?.rows ?? [];
  const [premisesId, setPremisesId] = useState('');
  const [search, setSearch] = useState('');
  const quickFilter = useDebouncedValue(search.trim(), 250);
  const [shown, setShown] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Equipment | null>(null);
  const grid = useRef<InfiniteGridHandle>(null);
  const extraFilter = useMemo<GridView['filterModel'] | undefined>(
    () => (premisesId ? { premisesId: { filterType: 'text', type: 'equals', filter: premisesId } } : undefined),
    [premisesId],
  );
  const columns = useMemo(() => createEquipmentColumns({ t }), [t]);
  const { saveTo, dialog } = useSaveTo(t('export.title'));
  const exportAs = (format: 'csv' | 'xlsx') =>
    saveTo(`equipment.${format}`, format, async (path) => {
      const view = grid.current?.view();
      const r = await vigil.call('equipment.export', { format, path, ...(view ? { view } : {}) });
      notify.success(t('export.done', { rows: r.rows, path: r.path }));
    });
  return (
    <>
      <div className="insp-toolbar">
        <Field label={t('start.premises')}>
          <Select value={premisesId} onChange={(e) => setPremisesId(e.target.value)} options={[{ value: '', label: t('equipment.allPremises') }, ...premises.map((p) => ({ value: p.id, label: p.name }))]} />
        </Field>
        <Button variant="primary" disabled={!premisesId} onClick={() => setAdding(true)}>
          {t('equipment.add')}
        </Button>
        <TextInput
          type="search"
          className="insp-search"
          aria-label={t('grid.searchEquipment')}
          placeholder={t('grid.searchEquipment')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button onClick={() => void exportAs('csv')}>{t('export.csv')}</Button>
        <Button onClick={() => void exportAs('xlsx')}>{t('export.xlsx')}</Button>
        <span className="insp-count" role="status">
          {shown === null ? '' : t('grid.equipmentCount', { count: shown })}
        </span>
      </div>
      <InfiniteGrid<Equipment>
        ref={grid}
        command="equipment.list"
        className="insp-grid"
        label={t('tabs.equipment')}
        columnDefs={columns}
        defaultColDef={DEFAULT_COL_DEF}
        quickFilter={quickFilter}
        extraFilter={extraFilter}
        refreshOn={REFRESH_ON}
        overlays={{ noRows: t('grid.noEquipment') }}
        onRowOpen={setEditing}
        onTotal={setShown}
      />
      {adding && <EquipmentForm premisesId={premisesId} existing={null} onClose={() => setAdding(false)} />}
      {editing && <EquipmentForm premisesId={editing.premisesId} existing={editing} onClose={() => setEditing(null)} />}
      {dialog}
    </>
  );
}
