import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, LanguageSchema, requiredText, text } from './common';
import { ExportResultSchema } from './grid';
import { CalendarDateSchema } from './people';
import { LatitudeSchema, LongitudeSchema } from '../domain/geo';
import { MOVEMENT_STATES } from '../domain/movementStates';
import { EXPIRY_STATUSES } from '../domain/equipmentExpiry';
import { rollCallCommands } from './rollCall';

export const MovementStateSchema = z.enum(MOVEMENT_STATES);

export const VEHICLE_STATUSES = ['available', 'in_use', 'maintenance', 'out_of_service'] as const;
export const VehicleStatusSchema = z.enum(VEHICLE_STATUSES);

const vehicleFields = z.object({
  plate: requiredText(50),
  type: text(100).default(''),
  armoured: z.boolean().default(false),
  tracker: z.boolean().default(false),
  callSign: text(50).default(''),
  status: VehicleStatusSchema.default('available'),
  insuranceExpiry: CalendarDateSchema.nullable().default(null),
  serviceExpiry: CalendarDateSchema.nullable().default(null),
  notes: text(2000).default(''),
  /** People who may drive it. */
  driverIds: z.array(IdSchema).max(20).default([]),
});
export type VehicleInput = z.input<typeof vehicleFields>;
export const VehicleInputSchema = vehicleFields;
export const VehicleUpdateSchema = vehicleFields.extend({ id: IdSchema });
export const VehicleSchema = z.object({
  id: IdSchema,
  plate: z.string(),
  type: z.string(),
  armoured: z.boolean(),
  tracker: z.boolean(),
  callSign: z.string(),
  status: VehicleStatusSchema,
  insuranceExpiry: z.string().nullable(),
  serviceExpiry: z.string().nullable(),
  notes: z.string(),
  drivers: z.array(z.object({ id: IdSchema, name: z.string() })),
  /** Worst of insurance and service expiry: due within 30 days, or overdue (expired). */
  insuranceStatus: z.enum(EXPIRY_STATUSES),
  serviceStatus: z.enum(EXPIRY_STATUSES),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Vehicle = z.infer<typeof VehicleSchema>;

export const VehiclesBoardSchema = z.object({
  total: z.number().int(),
  expiring: z.array(z.object({ id: IdSchema, plate: z.string(), what: z.enum(['insurance', 'service']), date: z.string(), status: z.enum(['due', 'overdue']) })),
});

export const WaypointSchema = z.object({
  name: text(200),
  latitude: LatitudeSchema.nullable().default(null),
  longitude: LongitudeSchema.nullable().default(null),
});

const movementFields = z.object({
  travellerIds: z.array(IdSchema).min(1, 'required').max(50),
  driverId: IdSchema.nullable().default(null),
  vehicleId: IdSchema.nullable().default(null),
  purpose: requiredText(500),
  from: requiredText(200),
  to: requiredText(200),
  waypoints: z.array(WaypointSchema).max(50).default([]),
  departureAt: IsoTimeSchema,
  expectedArrivalAt: IsoTimeSchema.nullable().default(null),
  expectedReturnAt: IsoTimeSchema,
  plannedCheckIns: z.array(IsoTimeSchema).max(50).default([]),
  communication: text(500).default(''),
  callSigns: text(500).default(''),
  riskNotes: text(5000).default(''),
});
type MovementFields = z.output<typeof movementFields>;
const timeChecks = (m: MovementFields, ctx: z.RefinementCtx) => {
  if (m.expectedReturnAt <= m.departureAt) {
    ctx.addIssue({ code: 'custom', message: 'returnBeforeDeparture', path: ['expectedReturnAt'] });
  }
  if (m.expectedArrivalAt && m.expectedArrivalAt < m.departureAt) {
    ctx.addIssue({ code: 'custom', message: 'arrivalBeforeDeparture', path: ['expectedArrivalAt'] });
  }
  if (m.plannedCheckIns.some((t) => t < m.departureAt || t > m.expectedReturnAt)) {
    ctx.addIssue({ code: 'custom', message: 'checkInOutsideMovement', path: ['plannedCheckIns'] });
  }
};
export const MovementInputSchema = movementFields
  .extend({ /** Send the request at once (requested) instead of keeping a draft. */ submit: z.boolean().default(false) })
  .superRefine(timeChecks);
export type MovementInput = z.input<typeof MovementInputSchema>;
export const MovementUpdateSchema = movementFields.extend({ id: IdSchema }).superRefine(timeChecks);

export const CheckInSchema = z.object({ id: IdSchema, at: IsoTimeSchema, place: z.string(), by: z.string(), note: z.string() });
export const AcknowledgementSchema = z.object({ id: IdSchema, dueAt: IsoTimeSchema, at: IsoTimeSchema, by: z.string(), note: z.string() });

export const ALARM_KINDS = ['check_in', 'return'] as const;
export const MovementAlarmSchema = z.object({
  movementId: IdSchema,
  purpose: z.string(),
  from: z.string(),
  to: z.string(),
  travellers: z.array(z.string()),
  callSigns: z.string(),
  kind: z.enum(ALARM_KINDS),
  dueAt: IsoTimeSchema,
  overdueMinutes: z.number().int(),
});
export type MovementAlarm = z.infer<typeof MovementAlarmSchema>;

export const MovementSchema = z.object({
  id: IdSchema,
  state: MovementStateSchema,
  travellers: z.array(z.object({ id: IdSchema, name: z.string() })),
  driverId: IdSchema.nullable(),
  driverName: z.string().nullable(),
  vehicleId: IdSchema.nullable(),
  vehiclePlate: z.string().nullable(),
  purpose: z.string(),
  from: z.string(),
  to: z.string(),
  waypoints: z.array(z.object({ name: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable() })),
  departureAt: IsoTimeSchema,
  expectedArrivalAt: IsoTimeSchema.nullable(),
  expectedReturnAt: IsoTimeSchema,
  plannedCheckIns: z.array(IsoTimeSchema),
  communication: z.string(),
  callSigns: z.string(),
  riskNotes: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: IsoTimeSchema.nullable(),
  conditions: z.string(),
  refusalReason: z.string(),
  lastCheckInAt: IsoTimeSchema.nullable(),
  /** The unacknowledged overdue alarm, if any. */
  alarm: MovementAlarmSchema.nullable(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Movement = z.infer<typeof MovementSchema>;
export const MovementDetailSchema = MovementSchema.extend({
  checkIns: z.array(CheckInSchema),
  acknowledgements: z.array(AcknowledgementSchema),
});
export type MovementDetail = z.infer<typeof MovementDetailSchema>;

export const MovementListSchema = z.object({
  /** Movements departing on this local day (delegation time zone); default today. */
  day: CalendarDateSchema.optional(),
  /** Also every movement under way or with an alarm, whatever its day. */
  includeActive: z.boolean().default(false),
});

export const MovementsSettingsSchema = z.object({ overdueMarginMinutes: z.number().int().min(0).max(24 * 60) });

export const MovementsBoardSchema = z.object({
  underWay: z.number().int(),
  requested: z.number().int(),
  alarms: z.array(MovementAlarmSchema),
});

export const MovementsExportRequestSchema = z.object({
  day: CalendarDateSchema,
  format: z.enum(['csv', 'pdf']),
  path: z.string().min(1).max(4096),
  lang: LanguageSchema.optional(),
  paper: z.enum(['a4', 'letter']).default('a4'),
  chromium: z.string().max(4096).optional(),
});

const idResult = z.object({ id: IdSchema });

export const movementsCommands = {
  ...rollCallCommands,
  'vehicles.board': defineCommand('vehicles.board', z.object({}).default({}), VehiclesBoardSchema),
  'vehicles.list': defineCommand('vehicles.list', z.object({}).default({}), z.array(VehicleSchema)),
  'vehicles.create': defineCommand('vehicles.create', VehicleInputSchema, VehicleSchema, { mutates: true }),
  'vehicles.update': defineCommand('vehicles.update', VehicleUpdateSchema, VehicleSchema, { mutates: true }),
  'vehicles.delete': defineCommand('vehicles.delete', IdInputSchema, idResult, { mutates: true }),
  'movements.list': defineCommand('movements.list', MovementListSchema, z.object({ day: z.string(), rows: z.array(MovementSchema) })),
  'movements.get': defineCommand('movements.get', IdInputSchema, MovementDetailSchema),
  'movements.create': defineCommand('movements.create', MovementInputSchema, MovementDetailSchema, { mutates: true }),
  'movements.update': defineCommand('movements.update', MovementUpdateSchema, MovementDetailSchema, { mutates: true }),
  'movements.delete': defineCommand('movements.delete', IdInputSchema, idResult, { mutates: true }),
  'movements.transition': defineCommand(
    'movements.transition',
    z.object({ id: IdSchema, to: z.enum(['requested', 'under_way', 'completed', 'cancelled']) }),
    MovementDetailSchema,
    { mutates: true },
  ),
  'movements.approve': defineCommand('movements.approve', z.object({ id: IdSchema, conditions: text(2000).default('') }), MovementDetailSchema, {
    mutates: true,
  }),
  'movements.refuse': defineCommand('movements.refuse', z.object({ id: IdSchema, reason: requiredText(2000) }), MovementDetailSchema, {
    mutates: true,
  }),
  'movements.checkIn': defineCommand(
    'movements.checkIn',
    z.object({ id: IdSchema, at: IsoTimeSchema.optional(), place: text(200).default(''), by: requiredText(200), note: text(2000).default('') }),
    MovementDetailSchema,
    { mutates: true },
  ),
  'movements.acknowledge': defineCommand('movements.acknowledge', z.object({ id: IdSchema, note: requiredText(2000) }), MovementDetailSchema, {
    mutates: true,
  }),
  'movements.alarms': defineCommand('movements.alarms', z.object({}).default({}), z.array(MovementAlarmSchema)),
  'movements.board': defineCommand('movements.board', z.object({}).default({}), MovementsBoardSchema),
  'movements.settings': defineCommand('movements.settings', z.object({}).default({}), MovementsSettingsSchema),
  'movements.updateSettings': defineCommand('movements.updateSettings', MovementsSettingsSchema, MovementsSettingsSchema, { mutates: true }),
  'movements.export': defineCommand('movements.export', MovementsExportRequestSchema, ExportResultSchema),
};
