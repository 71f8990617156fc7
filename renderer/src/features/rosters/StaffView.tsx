import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, ConfirmDialog, Field, Select, TextInput } from '../../components';
import { gridTheme } from '../../app/gridTheme';
import { notify } from '../../app/notify';
import { useGridLocaleText } from '../../app/grid/useGridLocaleText';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { AppError } from '../../../../shared/envelope';
import { ROSTER_ROLES, StaffInputSchema, type Staff } from '../../../../shared/contract/rosters';
import { useRosterErrorText } from './hooks';

type StaffForm = z.input<typeof StaffInputSchema>;
const nullable = (v: unknown) => (v === '' || v == null ? null : String(v));

/** The register of guards, drivers and radio operators: a grid, a quick add form, leave and removal. */
export function StaffView() {
  const { t, i18n } = useTranslation('rosters');
  const rtl = i18n.dir() === 'rtl';
  const localeText = useGridLocaleText();
  const staff = useVigilQuery('rosters.staff.list', { includeInactive: true }).data;
  const [selected, setSelected] = useState<string | null>(null);
  const current = staff?.find((s) => s.id === selected) ?? null;
  const columns = useMemo<ColDef<Staff>[]>(
    () => [
      { field: 'name', headerName: t('staff.name'), minWidth: 180, filter: 'agTextColumnFilter' },
      { field: 'role', headerName: t('staff.role'), valueFormatter: (p) => (p.value ? t(`roles.${String(p.value)}`) : '') },
      { field: 'phone', headerName: t('staff.phone') },
      { field: 'employer', headerName: t('staff.employer'), minWidth: 180 },
      { field: 'startDate', headerName: t('staff.startDate') },
      { field: 'training', headerName: t('staff.training'), minWidth: 200 },
      { field: 'languages', headerName: t('staff.languages') },
      { field: 'status', headerName: t('staff.status'), valueFormatter: (p) => (p.value ? t(`staff.statuses.${String(p.value)}`) : '') },
      { colId: 'leave', headerName: t('staff.leave'), valueGetter: (p) => p.data?.leave.map((l) => `${l.from} → ${l.to}`).join(', ') ?? '' },
      { field: 'futureShifts', headerName: t('staff.futureShifts') },
    ],
    [t],
  );
  return (
    <div className="ros-staff">
      <QuickAdd />
      <div className="ros-staff__body">
        <div className="ros-staff__grid">
          <AgGridReact<Staff>
            key={`${i18n.language}-${rtl ? 'rtl' : 'ltr'}`}
            theme={gridTheme}
            enableRtl={rtl}
            localeText={localeText}
            rowData={staff ?? []}
            getRowId={(p) => p.data.id}
            columnDefs={columns}
            defaultColDef={{ sortable: true, resizable: true, minWidth: 100 }}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onSelectionChanged={(e) => setSelected(e.api.getSelectedRows()[0]?.id ?? null)}
          />
        </div>
        {current && <StaffDetail key={current.id} person={current} onGone={() => setSelected(null)} />}
      </div>
    </div>
  );
}

function QuickAdd() {
  const { t } = useTranslation('rosters');
  const errorText = useRosterErrorText();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<StaffForm, unknown, z.output<typeof StaffInputSchema>>({
    resolver: zodResolver(StaffInputSchema),
    defaultValues: { name: '', role: 'guard', phone: '', employer: '', startDate: null, training: '', languages: '' },
  });
  const create = useVigilMutation('rosters.staff.create', {
    onSuccess: (s) => {
      notify.success(t('staff.added', { name: s.name }));
      reset();
    },
    onError: applyServerIssues(setError),
  });
  return (
    <form className="ros-quickadd" aria-label={t('staff.quickAdd')} onSubmit={handleSubmit((v) => create.mutate(v))} noValidate>
      <Field label={t('staff.name')} error={errorText(errors.name)} required>
        <TextInput {...register('name')} dir="auto" />
      </Field>
      <Field label={t('staff.role')}>
        <Select {...register('role')} options={ROSTER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </Field>
      <Field label={t('staff.phone')} error={errorText(errors.phone)}>
        <TextInput {...register('phone')} dir="ltr" />
      </Field>
      <Field label={t('staff.employer')} error={errorText(errors.employer)}>
        <TextInput {...register('employer')} dir="auto" />
      </Field>
      <Field label={t('staff.startDate')} error={errorText(errors.startDate)}>
        <TextInput type="date" dir="ltr" {...register('startDate', { setValueAs: nullable })} />
      </Field>
      <Field label={t('staff.training')} error={errorText(errors.training)}>
        <TextInput {...register('training')} dir="auto" />
      </Field>
      <Field label={t('staff.languages')} error={errorText(errors.languages)}>
        <TextInput {...register('languages')} dir="auto" />
      </Field>
      <Button variant="primary" type="submit" busy={create.isPending}>
        {t('staff.add')}
      </Button>
    </form>
  );
}

function StaffDetail({ person, onGone }: { person: Staff; onGone(): void }) {
  const { t } = useTranslation('rosters');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [leaveError, setLeaveError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<null | { future: number }>(null);
  const update = useVigilMutation('rosters.staff.update');
  const addLeave = useVigilMutation('rosters.leave.add', {
    onSuccess: () => {
      setFrom('');
      setTo('');
      setLeaveError(null);
    },
    onError: (err) => {
      if (err instanceof AppError && err.code === 'VALIDATION') {
        setLeaveError(t('errors.leaveEndsBeforeStart'));
        return true;
      }
      return false;
    },
  });
  const deleteLeave = useVigilMutation('rosters.leave.delete');
  const remove = useVigilMutation('rosters.staff.delete', {
    onSuccess: (r) => {
      notify.success(t('staff.deleted', { name: person.name, count: r.removedShifts }));
      setConfirm(null);
      onGone();
    },
  });
  const { id: _id, leave: _l, futureShifts: _f, createdAt: _c, updatedAt: _u, ...editable } = person;
  return (
    <aside className="ros-detail" aria-label={person.name}>
      <h3 dir="auto">{person.name}</h3>
      <p>
        {t(`roles.${person.role}`)} · {t(`staff.statuses.${person.status}`)} · {t('staff.futureShiftsCount', { count: person.futureShifts })}
      </p>
      <Button size="sm" onClick={() => update.mutate({ id: person.id, ...editable, status: person.status === 'active' ? 'inactive' : 'active' })}>
        {person.status === 'active' ? t('staff.deactivate') : t('staff.activate')}
      </Button>
      <h4>{t('staff.leave')}</h4>
      <ul className="ros-list">
        {person.leave.map((l) => (
          <li key={l.id}>
            {l.from} → {l.to} {l.note}
            <Button size="sm" variant="ghost" onClick={() => deleteLeave.mutate({ id: l.id })}>
              {t('staff.removeLeave')}
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="ros-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to) addLeave.mutate({ staffId: person.id, from, to });
        }}
      >
        <Field label={t('staff.leaveFrom')}>
          <TextInput type="date" dir="ltr" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('staff.leaveTo')} error={leaveError ?? undefined}>
          <TextInput type="date" dir="ltr" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Button type="submit" size="sm" busy={addLeave.isPending}>
          {t('staff.addLeave')}
        </Button>
      </form>
      <Button variant="danger" size="sm" onClick={() => setConfirm({ future: person.futureShifts })}>
        {t('staff.delete')}
      </Button>
      {confirm && (
        <ConfirmDialog
          open
          danger
          title={t('staff.deleteTitle', { name: person.name })}
          message={confirm.future ? t('staff.deleteWithShifts', { count: confirm.future }) : t('staff.deleteMessage')}
          confirmLabel={confirm.future ? t('staff.deleteAndClear') : t('staff.delete')}
          cancelLabel={t('cancel')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ id: person.id, removeFutureShifts: confirm.future > 0 })}
          onCancel={() => setConfirm(null)}
        />
      )}
    </aside>
  );
}
