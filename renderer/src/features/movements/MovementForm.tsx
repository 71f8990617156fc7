import { useId } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, Select, TextArea, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { MovementInputSchema, type MovementDetail, type MovementInput } from '../../../../shared/contract/movements';
import { addDays } from '../../../../shared/domain/equipmentExpiry';
import { utcToZoned, zonedToUtc } from '../../../../shared/domain/zonedTime';
import { useSettings } from '../areas/hooks';

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

interface WaypointValues {
  name: string;
  latitude: string;
  longitude: string;
}

export interface MovementFormValues {
  purpose: string;
  from: string;
  to: string;
  driverId: string;
  vehicleId: string;
  /** Local wall-clock times (datetime-local) in the delegation time zone. */
  departure: string;
  arrival: string;
  ret: string;
  /** "10:00, 13:30": times on the day of departure (or the next day when earlier than departure). */
  checkIns: string;
  communication: string;
  callSigns: string;
  riskNotes: string;
  travellerIds: string[];
  waypoints: WaypointValues[];
}

const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

/** Form values to the contract's input: local times become UTC instants, as the core stores them. */
export function toMovementInput(f: MovementFormValues, tz: string): MovementInput {
  const safeUtc = (local: string) => {
    try {
      return local ? zonedToUtc(local, tz) : '';
    } catch {
      return local;
    }
  };
  const departDay = f.departure.slice(0, 10);
  const departTime = f.departure.slice(11, 16);
  const checkIns = f.checkIns
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((hm) => (/^\d{1,2}:\d{2}$/.test(hm) ? hm.padStart(5, '0') : hm))
    .map((hm) => (/^\d{2}:\d{2}$/.test(hm) && departDay ? safeUtc(`${hm < departTime ? addDays(departDay, 1) : departDay}T${hm}`) : hm));
  return {
    travellerIds: f.travellerIds,
    purpose: f.purpose,
    from: f.from,
    to: f.to,
    driverId: f.driverId || null,
    vehicleId: f.vehicleId || null,
    waypoints: f.waypoints.map((w) => ({ name: w.name, latitude: num(w.latitude), longitude: num(w.longitude) })),
    departureAt: safeUtc(f.departure),
    expectedArrivalAt: f.arrival ? safeUtc(f.arrival) : null,
    expectedReturnAt: safeUtc(f.ret),
    plannedCheckIns: checkIns,
    communication: f.communication,
    callSigns: f.callSigns,
    riskNotes: f.riskNotes,
  };
}

const FIELD_OF: Record<string, keyof MovementFormValues> = {
  departureAt: 'departure',
  expectedArrivalAt: 'arrival',
  expectedReturnAt: 'ret',
  plannedCheckIns: 'checkIns',
};

/** A contract path (travellerIds.0, waypoints.1.latitude, expectedReturnAt) as the form field it came from. */
export function formPath(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  if (!head) return 'root';
  if (head === 'travellerIds' || head === 'plannedCheckIns') return FIELD_OF[head] ?? head;
  return [FIELD_OF[head] ?? head, ...rest].join('.');
}

/** Validates with the contract's own schema, on the values converted exactly as they will be sent. */
const movementResolver =
  (tz: string): Resolver<MovementFormValues> =>
  (values) => {
    const parsed = MovementInputSchema.safeParse(toMovementInput(values, tz));
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const key = formPath(issue.path);
      if (!errors[key]) errors[key] = { type: issue.code, message: issue.message };
    }
    // react-hook-form reads errors as a tree (errors.waypoints[0].name), so the dotted paths are nested.
    return { values: {}, errors: nest(errors) as FieldErrors<MovementFormValues> };
  };

function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return out;
}

function toValues(m: MovementDetail | undefined, tz: string): MovementFormValues {
  const local = (iso: string | null | undefined) => (iso ? utcToZoned(iso, tz) : '');
  return {
    purpose: m?.purpose ?? '',
    from: m?.from ?? '',
    to: m?.to ?? '',
    driverId: m?.driverId ?? '',
    vehicleId: m?.vehicleId ?? '',
    departure: m ? local(m.departureAt) : utcToZoned(inHours(1), tz),
    arrival: local(m?.expectedArrivalAt),
    ret: m ? local(m.expectedReturnAt) : utcToZoned(inHours(6), tz),
    checkIns: m?.plannedCheckIns.map((c) => utcToZoned(c, tz).slice(11, 16)).join(', ') ?? '',
    communication: m?.communication ?? '',
    callSigns: m?.callSigns ?? '',
    riskNotes: m?.riskNotes ?? '',
    travellerIds: m?.travellers.map((p) => p.id) ?? [],
    waypoints: m?.waypoints.map((w) => ({ name: w.name, latitude: w.latitude?.toString() ?? '', longitude: w.longitude?.toString() ?? '' })) ?? [],
  };
}

/** A movement request, new or edited (while draft or requested): who, how, where and by which waypoints, when. */
export function MovementForm({ movement, onClose }: { movement?: MovementDetail; onClose(): void }) {
  const { t } = useTranslation('movements');
  const formId = useId();
  const tz = useSettings().data?.timeZone ?? 'UTC';
  const people = useVigilQuery('people.list', { startRow: 0, endRow: 1000, filterModel: { status: { filterType: 'text', type: 'notEqual', filter: 'left' } } }).data?.rows ?? [];
  const vehicles = useVigilQuery('vehicles.list', {}).data ?? [];
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors },
  } = useForm<MovementFormValues>({ resolver: movementResolver(tz), defaultValues: toValues(movement, tz) });
  const waypoints = useFieldArray({ control, name: 'waypoints' });
  const vehicleId = useWatch({ control, name: 'vehicleId' });
  const vehicle = vehicles.find((v) => v.id === vehicleId);
  const mapIssues = applyServerIssues(setError);
  const onError = (err: unknown) => mapIssues(err);
  const create = useVigilMutation('movements.create', { successMessageKey: 'movements:done.requested', onSuccess: onClose, onError });
  const update = useVigilMutation('movements.update', { successMessageKey: 'movements:done.changed', onSuccess: onClose, onError });
  const onSubmit = handleSubmit((values) => {
    const input = toMovementInput(values, tz);
    if (movement) update.mutate({ ...input, id: movement.id });
    else create.mutate({ ...input, submit: true });
  });
  const msg = (e: { message?: string } | undefined) => (e?.message ? t(`form.errors.${e.message}`, { defaultValue: e.message }) : undefined);
  const wpErrors = errors.waypoints as unknown as Array<Partial<Record<keyof WaypointValues, { message?: string }>>> | undefined;

  const sortedVehicles = [...vehicles].sort((a, b) => Number(a.status === 'out_of_service') - Number(b.status === 'out_of_service'));
  const driverOptions = [...people].sort((a, b) => Number(!vehicle?.drivers.some((d) => d.id === b.id)) - Number(!vehicle?.drivers.some((d) => d.id === a.id)));

  return (
    <Dialog
      open
      size="lg"
      title={movement ? t('form.editTitle') : t('form.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} busy={create.isPending || update.isPending}>
            {movement ? t('form.save') : t('form.send')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate>
        {errors.root?.server && (
          <p role="alert" className="v-field__error">
            {errors.root.server.message}
          </p>
        )}
        <div className="mv-form">
          <Field label={t('columns.purpose')} required error={msg(errors.purpose)}>
            <TextInput {...register('purpose')} dir="auto" />
          </Field>
          <Field label={t('columns.from')} required error={msg(errors.from)}>
            <TextInput {...register('from')} dir="auto" />
          </Field>
          <Field label={t('columns.to')} required error={msg(errors.to)}>
            <TextInput {...register('to')} dir="auto" />
          </Field>
          <Field label={t('columns.departureAt')} hint={t('form.localTime', { tz })} error={msg(errors.departure)}>
            <TextInput type="datetime-local" dir="ltr" {...register('departure')} />
          </Field>
          <Field label={t('form.expectedArrival')} hint={t('form.localTime', { tz })} error={msg(errors.arrival)}>
            <TextInput type="datetime-local" dir="ltr" {...register('arrival')} />
          </Field>
          <Field label={t('columns.expectedReturnAt')} hint={t('form.localTime', { tz })} error={msg(errors.ret)}>
            <TextInput type="datetime-local" dir="ltr" {...register('ret')} />
          </Field>
          <Field label={t('form.plannedCheckIns')} hint={t('form.checkInsHint')} error={msg(errors.checkIns)}>
            <TextInput dir="ltr" {...register('checkIns')} placeholder="10:00, 13:30" />
          </Field>
          <Field
            label={t('form.vehicle')}
            error={msg(errors.vehicleId)}
            hint={vehicle && (vehicle.insuranceStatus === 'overdue' || vehicle.serviceStatus === 'overdue') ? t('form.vehicleExpired') : undefined}
          >
            <Select
              {...register('vehicleId')}
              options={[
                { value: '', label: '—' },
                ...sortedVehicles.map((v) => ({
                  value: v.id,
                  label: [v.plate, v.type, v.armoured ? t('vehicles.armouredShort') : '', v.callSign, v.status !== 'available' ? t(`vehicles.statuses.${v.status}`) : ''].filter(Boolean).join(' · '),
                  disabled: v.status === 'out_of_service' && v.id !== movement?.vehicleId,
                })),
              ]}
            />
          </Field>
          <Field label={t('columns.driver')} error={msg(errors.driverId)}>
            <Select
              {...register('driverId')}
              options={[{ value: '', label: '—' }, ...driverOptions.map((p) => ({ value: p.id, label: vehicle?.drivers.some((d) => d.id === p.id) ? `${p.name} ★` : p.name }))]}
            />
          </Field>
          <Field label={t('form.communication')} error={msg(errors.communication)}>
            <TextInput {...register('communication')} dir="auto" />
          </Field>
          <Field label={t('columns.callSigns')} error={msg(errors.callSigns)}>
            <TextInput {...register('callSigns')} dir="auto" />
          </Field>
          <Field label={t('form.riskNotes')} error={msg(errors.riskNotes)}>
            <TextArea {...register('riskNotes')} dir="auto" />
          </Field>
        </div>
        <fieldset className="mv-section">
          <legend>{t('form.waypoints')}</legend>
          {waypoints.fields.length === 0 && <p>{t('form.noWaypoints')}</p>}
          <ol className="wp-list">
            {waypoints.fields.map((w, i) => (
              <li key={w.id} data-testid="waypoint">
                <Field label={t('form.waypointName', { n: i + 1 })} error={msg(wpErrors?.[i]?.name)}>
                  <TextInput {...register(`waypoints.${i}.name`)} dir="auto" />
                </Field>
                <Field label={t('form.latitude')} error={msg(wpErrors?.[i]?.latitude)}>
                  <TextInput inputMode="decimal" dir="ltr" size={9} {...register(`waypoints.${i}.latitude`)} />
                </Field>
                <Field label={t('form.longitude')} error={msg(wpErrors?.[i]?.longitude)}>
                  <TextInput inputMode="decimal" dir="ltr" size={9} {...register(`waypoints.${i}.longitude`)} />
                </Field>
                <Button size="sm" variant="ghost" disabled={i === 0} aria-label={t('form.waypointUp', { n: i + 1 })} onClick={() => waypoints.move(i, i - 1)}>
                  ↑
                </Button>
                <Button size="sm" variant="ghost" disabled={i === waypoints.fields.length - 1} aria-label={t('form.waypointDown', { n: i + 1 })} onClick={() => waypoints.move(i, i + 1)}>
                  ↓
                </Button>
                <Button size="sm" variant="ghost" aria-label={t('form.waypointRemove', { n: i + 1 })} onClick={() => waypoints.remove(i)}>
                  {t('form.remove')}
                </Button>
              </li>
            ))}
          </ol>
          <Button size="sm" onClick={() => waypoints.append({ name: '', latitude: '', longitude: '' })}>
            {t('form.addWaypoint')}
          </Button>
        </fieldset>
        <fieldset className="mv-section">
          <legend>{t('columns.travellers')}</legend>
          {errors.travellerIds && (
            <p role="alert" className="v-field__error">
              {msg(errors.travellerIds as { message?: string })}
            </p>
          )}
          <div className="mv-travellers">
            {people.map((p) => (
              <label key={p.id}>
                <input type="checkbox" value={p.id} {...register('travellerIds')} />
                <span dir="auto">{p.name}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
