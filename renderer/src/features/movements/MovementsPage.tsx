import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { Button, Field, PageHeader, TextInput } from '../../components';
import { gridTheme } from '../../app/gridTheme';
import { notify } from '../../app/notify';
import { useGridLocaleText } from '../../app/grid/useGridLocaleText';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { vigil } from '../../lib/vigil';
import type { Movement, MovementAlarm } from '../../../../shared/contract/movements';
import { useDateTimeFormat } from '../areas/hooks';
import { useSaveTo } from '../files/useSaveTo';
import { MovementDialog } from './MovementDialog';
import { MovementForm } from './MovementForm';
import { useAlarmClock } from './useAlarmClock';
import { notificationsSupported, startAlarmNotifier, useAlarmNotifier } from './alarmNotifier';
import './movements.css';

function AlarmRow({ alarm }: { alarm: MovementAlarm }) {
  const { t } = useTranslation('movements');
  const formatDateTime = useDateTimeFormat();
  const [note, setNote] = useState('');
  const ack = useVigilMutation('movements.acknowledge', { successMessageKey: 'movements:alarm.acknowledged' });
  return (
    <li data-testid="alarm">
      <strong>{t('alarm.line', { route: `${alarm.from} → ${alarm.to}`, due: formatDateTime(alarm.dueAt), kind: t(`alarm.kinds.${alarm.kind}`) })}</strong>
      <span>{t('alarm.late', { count: alarm.overdueMinutes })}</span>
      <span>{alarm.travellers.join(', ')}</span>
      {alarm.callSigns && <span>{alarm.callSigns}</span>}
      <TextInput aria-label={t('alarm.note')} placeholder={t('alarm.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <Button variant="danger" size="sm" disabled={!note.trim()} busy={ack.isPending} onClick={() => ack.mutate({ id: alarm.movementId, note })}>
        {t('alarm.acknowledge')}
      </Button>
    </li>
  );
}

export function MovementsPage() {
  const { t, i18n } = useTranslation('movements');
  useAlarmClock();
  useAlarmNotifier();
  const [day, setDay] = useState<string | undefined>(undefined);
  const list = useVigilQuery('movements.list', day ? { day, includeActive: !day } : { includeActive: true }).data;
  const alarms = useVigilQuery('movements.alarms', {}).data ?? [];
  const [open, setOpen] = useState<string | null>(null);
  // The header alarm links here with ?open=<id>: that movement shows until closed.
  const [params, setParams] = useSearchParams();
  const shown = params.get('open') ?? open;
  const close = () => {
    setOpen(null);
    if (params.has('open')) setParams({}, { replace: true });
  };
  const [requesting, setRequesting] = useState(false);
  const localeText = useGridLocaleText();
  const formatDateTime = useDateTimeFormat();
  const { saveTo, dialog } = useSaveTo(t('export.title'));
  const shownDay = day ?? list?.day ?? '';
  const [permission, setPermission] = useState(() => (notificationsSupported() ? Notification.permission : 'denied'));
  const askNotifications = async () => {
    // Browsers grant this only from a user gesture: this click.
    const granted = await Notification.requestPermission();
    setPermission(granted);
    if (granted === 'granted') {
      startAlarmNotifier(
        () => t('notify.title'),
        (a) => t('alarm.line', { route: `${a.from} → ${a.to}`, due: formatDateTime(a.dueAt), kind: t(`alarm.kinds.${a.kind}`) }),
      );
    }
  };

  const columnDefs = useMemo<ColDef<Movement>[]>(
    () => [
      { field: 'departureAt', headerName: t('columns.departureAt'), sort: 'asc', valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') },
      {
        field: 'state',
        headerName: t('columns.state'),
        cellRenderer: (p: { data?: Movement }) =>
          p.data ? (
            <span className={`mv-state mv-state--${p.data.state}`}>
              {t(`states.${p.data.state}`)}
              {p.data.alarm ? ` · ${t('alarm.short')}` : ''}
            </span>
          ) : null,
      },
      { colId: 'route', headerName: t('columns.route'), valueGetter: (p) => (p.data ? `${p.data.from} → ${p.data.to}` : ''), minWidth: 220 },
      { field: 'purpose', headerName: t('columns.purpose'), minWidth: 200 },
      { colId: 'travellers', headerName: t('columns.travellers'), valueGetter: (p) => p.data?.travellers.map((x) => x.name).join(', ') ?? '', minWidth: 200 },
      { colId: 'vehicle', headerName: t('columns.vehicle'), valueGetter: (p) => [p.data?.vehiclePlate, p.data?.driverName].filter(Boolean).join(' / ') },
      { field: 'expectedReturnAt', headerName: t('columns.expectedReturnAt'), valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') },
      { field: 'lastCheckInAt', headerName: t('columns.lastCheckInAt'), valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') },
    ],
    [t, formatDateTime],
  );

  const exportDay = (format: 'csv' | 'pdf') =>
    void saveTo(`movements-${shownDay}.${format}`, format, async (path) => {
      const r = await vigil.call('movements.export', { day: shownDay, format, path, lang: i18n.language as 'en' });
      notify.success(t('export.done', { count: r.rows }));
    });

  const rtl = i18n.dir() === 'rtl';
  return (
    <div className="mv-page">
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setRequesting(true)}>
            {t('actions.request')}
          </Button>
        }
      />
      {alarms.length > 0 && (
        <section className="mv-alarms" role="alert" aria-labelledby="mv-alarms-title">
          <h2 id="mv-alarms-title">{t('alarm.title', { count: alarms.length })}</h2>
          <ul>
            {alarms.map((a) => (
              <AlarmRow key={`${a.movementId}-${a.dueAt}`} alarm={a} />
            ))}
          </ul>
        </section>
      )}
      <div className="mv-toolbar">
        <Field label={t('day')}>
          <TextInput type="date" value={shownDay} onChange={(e) => setDay(e.target.value || undefined)} />
        </Field>
        <span className="mv-toolbar__grow">{t('count', { count: list?.rows.length ?? 0 })}</span>
        {permission === 'default' && <Button onClick={() => void askNotifications()}>{t('notify.enable')}</Button>}
        <Button onClick={() => exportDay('csv')}>{t('export.csv')}</Button>
        <Button onClick={() => exportDay('pdf')}>{t('export.pdf')}</Button>
      </div>
      <div className="mv-grid">
        <AgGridReact<Movement>
          key={`${i18n.language}-${rtl ? 'rtl' : 'ltr'}`}
          theme={gridTheme}
          enableRtl={rtl}
          localeText={localeText}
          rowData={list?.rows ?? []}
          getRowId={(p) => p.data.id}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true, minWidth: 110 }}
          onRowDoubleClicked={(e) => e.data && setOpen(e.data.id)}
          onRowClicked={(e) => e.data && setOpen(e.data.id)}
        />
      </div>
      {shown && <MovementDialog key={shown} id={shown} onClose={close} />}
      {requesting && <MovementForm onClose={() => setRequesting(false)} />}
      {dialog}
    </div>
  );
}
