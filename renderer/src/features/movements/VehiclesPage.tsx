import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, PageHeader } from '../../components';
import { gridTheme } from '../../app/gridTheme';
import { useGridLocaleText } from '../../app/grid/useGridLocaleText';
import { queryClient, useVigilMutation, useVigilQuery } from '../../lib/queries';
import type { Vehicle } from '../../../../shared/contract/movements';
import { useDateTimeFormat } from '../areas/hooks';
import { VehicleForm } from './VehicleForm';
import './movements.css';

type Open = { kind: 'add' } | { kind: 'edit' | 'delete'; vehicle: Vehicle } | null;

/** The vehicle register: the cars movements use, who may drive them, and papers about to expire. */
export function VehiclesPage() {
  const { t, i18n } = useTranslation('movements');
  const vehicles = useVigilQuery('vehicles.list', {}).data;
  const [open, setOpen] = useState<Open>(null);
  const localeText = useGridLocaleText();
  const formatDateTime = useDateTimeFormat();
  const remove = useVigilMutation('vehicles.delete', {
    successMessageKey: 'movements:vehicles.deleted',
    onSuccess: () => {
      void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0] ?? '').startsWith('movements.') });
      setOpen(null);
    },
  });
  const columnDefs = useMemo<ColDef<Vehicle>[]>(() => {
    const yesNo = (v: boolean) => (v ? t('vehicles.yes') : t('vehicles.no'));
    const expiry = (field: 'insuranceExpiry' | 'serviceExpiry', status: 'insuranceStatus' | 'serviceStatus'): ColDef<Vehicle> => ({
      field,
      headerName: t(`vehicles.columns.${field}`),
      width: 190,
      cellRenderer: (p: { data?: Vehicle }) => {
        const v = p.data;
        if (!v?.[field]) return null;
        const s = v[status];
        return (
          <span>
            {formatDateTime(v[field], 'date')}{' '}
            {s !== 'ok' && (
              <span className={`vh-flag vh-flag--${s}`} data-testid={`flag-${field}`}>
                {t(`vehicles.flags.${s}`)}
              </span>
            )}
          </span>
        );
      },
    });
    return [
      { field: 'plate', headerName: t('vehicles.columns.plate'), sort: 'asc', width: 120 },
      { field: 'type', headerName: t('vehicles.columns.type'), flex: 1, minWidth: 140 },
      { field: 'callSign', headerName: t('vehicles.columns.callSign'), width: 140 },
      { field: 'status', headerName: t('vehicles.columns.status'), width: 140, valueFormatter: (p) => (p.value ? t(`vehicles.statuses.${String(p.value)}`) : '') },
      // Yes / No in words: a checkbox in a grid cell looks editable and is not.
      { field: 'armoured', headerName: t('vehicles.columns.armoured'), cellDataType: 'text', valueFormatter: (p) => yesNo(Boolean(p.value)), width: 110 },
      { field: 'tracker', headerName: t('vehicles.columns.tracker'), cellDataType: 'text', valueFormatter: (p) => yesNo(Boolean(p.value)), width: 110 },
      { colId: 'drivers', headerName: t('vehicles.columns.drivers'), valueGetter: (p) => p.data?.drivers.map((d) => d.name).join(', ') ?? '', flex: 1, minWidth: 160 },
      expiry('insuranceExpiry', 'insuranceStatus'),
      expiry('serviceExpiry', 'serviceStatus'),
      {
        colId: 'actions',
        headerName: '',
        sortable: false,
        width: 110,
        cellRenderer: (p: { data?: Vehicle }) =>
          p.data ? (
            <Button size="sm" variant="ghost" onClick={() => setOpen({ kind: 'delete', vehicle: p.data! })}>
              {t('vehicles.delete')}
            </Button>
          ) : null,
      },
    ];
  }, [t, formatDateTime]);

  const rtl = i18n.dir() === 'rtl';
  return (
    <div className="vh-page">
      <PageHeader
        title={t('vehicles.title')}
        subtitle={t('vehicles.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setOpen({ kind: 'add' })}>
            {t('vehicles.add')}
          </Button>
        }
      />
      <div className="vh-grid">
        <AgGridReact<Vehicle>
          key={`${i18n.language}-${rtl ? 'rtl' : 'ltr'}`}
          theme={gridTheme}
          enableRtl={rtl}
          localeText={localeText}
          rowData={vehicles ?? []}
          getRowId={(p) => p.data.id}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true, minWidth: 90 }}
          onRowDoubleClicked={(e) => e.data && setOpen({ kind: 'edit', vehicle: e.data })}
          onCellClicked={(e) => e.data && e.colDef.colId !== 'actions' && setOpen({ kind: 'edit', vehicle: e.data })}
        />
      </div>
      {open?.kind === 'add' && <VehicleForm record={null} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <VehicleForm record={open.vehicle} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          open
          danger
          title={t('vehicles.deleteTitle', { plate: open.vehicle.plate })}
          message={t('vehicles.deleteMessage')}
          confirmLabel={t('vehicles.delete')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ id: open.vehicle.id })}
          onCancel={() => setOpen(null)}
        />
      )}
    </div>
  );
}
