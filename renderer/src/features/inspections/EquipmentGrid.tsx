import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, Select, Spinner, TextInput } from '../../components';
import { gridTheme } from '../../app/gridTheme';
import { notify } from '../../app/notify';
import { useGridLocaleText } from '../../app/grid/useGridLocaleText';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { vigil } from '../../lib/vigil';
import { EQUIPMENT_KINDS, type Equipment, type EquipmentKind } from '../../../../shared/contract/inspections';
import type { GridView } from '../../../../shared/contract/grid';
import { StatusBadge } from './InspectionsList';
import { useSaveTo } from '../files/useSaveTo';

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

/** The equipment register of one premises (or all), with expiry badges. */
export function EquipmentGrid() {
  const { t, i18n } = useTranslation('inspections');
  const localeText = useGridLocaleText();
  const premises = useVigilQuery('premises.list', { startRow: 0, endRow: 1000 }).data?.rows ?? [];
  const [premisesId, setPremisesId] = useState('');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Equipment | null>(null);
  const filterModel: GridView['filterModel'] = premisesId ? { premisesId: { filterType: 'text', type: 'equals', filter: premisesId } } : {};
  const list = useVigilQuery('equipment.list', { startRow: 0, endRow: 1000, filterModel });
  const { saveTo, dialog } = useSaveTo(t('export.title'));
  const columns = useMemo<ColDef<Equipment>[]>(
    () => [
      {
        field: 'status',
        headerName: t('equipmentColumns.status'),
        width: 170,
        cellRenderer: (p: { value: Equipment['status'] }) => <StatusBadge kind={p.value} label={t(`expiry.${p.value}`)} />,
      },
      { field: 'premisesName', headerName: t('equipmentColumns.premisesName') },
      { field: 'kind', headerName: t('equipmentColumns.kind'), valueFormatter: (p) => t(`equipmentKinds.${p.value as string}`) },
      { field: 'type', headerName: t('equipmentColumns.type') },
      { field: 'capacity', headerName: t('equipmentColumns.capacity'), width: 110 },
      { field: 'location', headerName: t('equipmentColumns.location') },
      { field: 'expiryDate', headerName: t('equipmentColumns.expiryDate'), width: 130 },
      { field: 'nextCheck', headerName: t('equipmentColumns.nextCheck'), width: 130 },
      { field: 'lastCheck', headerName: t('equipmentColumns.lastCheck'), width: 130 },
    ],
    [t],
  );
  const exportAs = (format: 'csv' | 'xlsx') =>
    saveTo(`equipment.${format}`, format, async (path) => {
      const r = await vigil.call('equipment.export', { format, path, view: { quickFilter: '', sortModel: [], filterModel } });
      notify.success(t('export.done', { rows: r.rows, path: r.path }));
    });
  const rtl = i18n.dir() === 'rtl';
  return (
    <>
      <div className="insp-toolbar">
        <Field label={t('start.premises')}>
          <Select value={premisesId} onChange={(e) => setPremisesId(e.target.value)} options={[{ value: '', label: t('equipment.allPremises') }, ...premises.map((p) => ({ value: p.id, label: p.name }))]} />
        </Field>
        <Button variant="primary" disabled={!premisesId} onClick={() => setAdding(true)}>
          {t('equipment.add')}
        </Button>
        <Button onClick={() => void exportAs('csv')}>{t('export.csv')}</Button>
        <Button onClick={() => void exportAs('xlsx')}>{t('export.xlsx')}</Button>
      </div>
      {!list.data ? (
        <Spinner label={t('loading')} />
      ) : (
        <div className="insp-grid" role="region" aria-label={t('tabs.equipment')}>
          <AgGridReact<Equipment>
            key={`${i18n.language}-${rtl ? 'rtl' : 'ltr'}`}
            theme={gridTheme}
            enableRtl={rtl}
            localeText={localeText}
            rowData={list.data.rows}
            getRowId={(p) => p.data.id}
            columnDefs={columns}
            defaultColDef={{ sortable: true, resizable: true, filter: true, flex: 1, minWidth: 110 }}
            onRowDoubleClicked={(e) => e.data && setEditing(e.data)}
            onCellKeyDown={(e) => e.event instanceof KeyboardEvent && e.event.key === 'Enter' && e.data && setEditing(e.data)}
          />
        </div>
      )}
      {adding && <EquipmentForm premisesId={premisesId} existing={null} onClose={() => setAdding(false)} />}
      {editing && <EquipmentForm premisesId={editing.premisesId} existing={editing} onClose={() => setEditing(null)} />}
      {dialog}
    </>
  );
}
