import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, LanguageSchema, requiredText, text } from './common';
import { isCalendarDate } from '../domain/equipmentExpiry';

export const ROSTER_ROLES = ['guard', 'driver', 'radio'] as const;
export const RosterRoleSchema = z.enum(ROSTER_ROLES);
export type RosterRoleName = z.infer<typeof RosterRoleSchema>;
export const STAFF_STATUSES = ['active', 'inactive'] as const;
export const PRESENCE_STATUSES = ['present', 'absent', 'late', 'asleep', 'replaced'] as const;
export const PresenceStatusSchema = z.enum(PRESENCE_STATUSES);
export type PresenceStatus = z.infer<typeof PresenceStatusSchema>;
export const ROSTER_RULE_NAMES = ['doubleBooking', 'rest', 'nightToDay', 'leave', 'maxPerWeek', 'wrongRole', 'understaffed', 'daysOff'] as const;

export const DaySchema = z.string().refine(isCalendarDate, { message: 'date' });
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month');
/** Wall-clock "HH:mm", 00:00 to 23:59. */
export const ClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');

// ---- Staff register ----
export const LeaveSchema = z.object({ id: IdSchema, from: z.string(), to: z.string(), note: z.string() });
export type Leave = z.infer<typeof LeaveSchema>;

export const StaffInputSchema = z.object({
  name: requiredText(200),
  role: RosterRoleSchema,
  phone: text(100).default(''),
  employer: text(200).default(''),
  startDate: DaySchema.nullable().default(null),
  training: text(1000).default(''),
  languages: text(300).default(''),
  status: z.enum(STAFF_STATUSES).default('active'),
  notes: text(2000).default(''),
});
export type StaffInput = z.input<typeof StaffInputSchema>;

export const StaffSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RosterRoleSchema,
  phone: z.string(),
  employer: z.string(),
  startDate: z.string().nullable(),
  training: z.string(),
  languages: z.string(),
  status: z.enum(STAFF_STATUSES),
  notes: z.string(),
  leave: z.array(LeaveSchema),
  /** Shifts from today on: deleting the person must deal with them. */
  futureShifts: z.number().int(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Staff = z.infer<typeof StaffSchema>;

export const StaffDeleteSchema = z.object({
  id: IdSchema,
  /** Also clear the person's shifts from today on; without it a person with future shifts is refused. */
  removeFutureShifts: z.boolean().default(false),
});

/** A leave ending before it starts is refused by the service with a clear message (issue key leaveEndsBeforeStart). */
export const LeaveInputSchema = z.object({ staffId: IdSchema, from: DaySchema, to: DaySchema, note: text(500).default('') });

// ---- Posts and shifts ----
/** A shift starting and ending at the same time (0 hours) is refused by the service (issue key zeroHourShift). */
export const ShiftInputSchema = z.object({
  id: IdSchema.optional(),
  label: requiredText(60),
  start: ClockSchema,
  end: ClockSchema,
  needed: z.number().int().min(1, 'neededAtLeastOne').max(50),
});

export const PostInputSchema = z.object({
  premisesId: IdSchema,
  name: requiredText(200),
  /** Short code shown in cells, e.g. "OFG"; derived from the name when empty. */
  code: text(8).default(''),
  role: RosterRoleSchema,
  shifts: z.array(ShiftInputSchema).min(1, 'noShifts').max(12),
});
export type PostInput = z.input<typeof PostInputSchema>;

export const ShiftSchema = z.object({ id: IdSchema, label: z.string(), start: z.string(), end: z.string(), needed: z.number().int() });
export type Shift = z.infer<typeof ShiftSchema>;
export const PostSchema = z.object({
  id: IdSchema,
  premisesId: IdSchema,
  premisesName: z.string(),
  name: z.string(),
  code: z.string(),
  role: RosterRoleSchema,
  /** Stable colour index (0-7) for the grid; cells also carry the code as text. */
  colour: z.number().int(),
  shifts: z.array(ShiftSchema),
});
export type Post = z.infer<typeof PostSchema>;

export const PostDeleteSchema = z.object({ id: IdSchema, removeAssignments: z.boolean().default(false) });

// ---- Rules ----
export const RulesSchema = z.object({
  maxShiftsPerWeek: z.number().int().min(1).max(14),
  minRestHours: z.number().int().min(0).max(48),
  noDayAfterNight: z.boolean(),
  daysOffPerMonth: z.number().int().min(0).max(31),
  fairness: z.boolean(),
});
export type Rules = z.infer<typeof RulesSchema>;

// ---- Month ----
export const AssignmentSchema = z.object({
  id: IdSchema,
  day: z.string(),
  staffId: IdSchema,
  postId: IdSchema,
  shiftId: IdSchema,
  manual: z.boolean(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const ProblemSchema = z.object({
  rule: z.enum(ROSTER_RULE_NAMES),
  day: z.string(),
  staffId: IdSchema.nullable(),
  postId: IdSchema.nullable(),
  shiftId: IdSchema.nullable(),
  missing: z.number().int().nullable(),
  blockedBy: z.array(z.enum(ROSTER_RULE_NAMES)),
  /** The problem in the user's language, naming the rule, the day, the person and the post. */
  message: z.string(),
  /** Assignments the problem is about, to mark their cells. */
  assignmentIds: z.array(IdSchema),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PersonCountsSchema = z.object({
  staffId: IdSchema,
  shifts: z.number().int(),
  nights: z.number().int(),
  weekends: z.number().int(),
  daysOff: z.number().int(),
});

const FigureRangeSchema = z.object({ min: z.number().int(), max: z.number().int(), spread: z.number().int() });
/**
 * How evenly the month spreads the work within one role (see shared/domain/roster/fairness.ts): the fewest
 * and most nights, weekend shifts and shifts in all per person. Nights and weekends compare only the people
 * of the role who have at least one shift (null when nobody has); the total compares everyone of the role.
 */
export const RoleFairnessSchema = z.object({
  role: RosterRoleSchema,
  people: z.number().int(),
  worked: z.number().int(),
  nights: FigureRangeSchema.nullable(),
  weekends: FigureRangeSchema.nullable(),
  total: FigureRangeSchema,
});
export type RoleFairness = z.infer<typeof RoleFairnessSchema>;

export const MonthSchemaOut = z.object({
  month: z.string(),
  days: z.array(z.string()),
  staff: z.array(z.object({ id: IdSchema, name: z.string(), role: RosterRoleSchema, status: z.enum(STAFF_STATUSES), leave: z.array(LeaveSchema) })),
  posts: z.array(PostSchema),
  assignments: z.array(AssignmentSchema),
  problems: z.array(ProblemSchema),
  /** False while the rule checker is not available: the grid then shows no conflicts rather than wrong ones. */
  checked: z.boolean(),
  counts: z.array(PersonCountsSchema),
  /** Per role, for the month shown: the people the grid shows (active, or holding a cell this month). */
  fairness: z.array(RoleFairnessSchema),
  rules: RulesSchema,
});
export type RosterMonth = z.infer<typeof MonthSchemaOut>;

export const GenerateSchema = z.object({
  month: MonthSchema,
  /** Keep the cells placed or changed by hand; otherwise the whole month is replaced. */
  keepManual: z.boolean().default(true),
  seed: z.number().int().optional(),
});
export const GenerateResultSchema = z.object({
  assigned: z.number().int(),
  unsatisfied: z.array(ProblemSchema),
  fairness: z.object({ nightSpread: z.number(), weekendSpread: z.number(), totalSpread: z.number() }),
  month: MonthSchemaOut,
});

export const AssignSchema = z.object({ day: DaySchema, staffId: IdSchema, postId: IdSchema, shiftId: IdSchema });
export const MoveSchema = z.object({ id: IdSchema, toDay: DaySchema, toStaffId: IdSchema.optional() });
export const ClearSchema = z.object({ ids: z.array(IdSchema).min(1).max(5000) });
export const CopySchema = z.object({
  ids: z.array(IdSchema).min(1).max(5000),
  /** Days to shift each copy by (7 copies a week onto the next). */
  dayOffset: z.number().int().min(-62).max(62),
  /** Copy onto another person (a single cell pasted on someone else's row). */
  toStaffId: IdSchema.optional(),
});
export const EditResultSchema = z.object({ changed: z.number().int(), skipped: z.number().int(), month: MonthSchemaOut });

// ---- Presence ----
export const PresenceCheckSchema = z.object({
  id: IdSchema,
  day: z.string(),
  postId: IdSchema,
  shiftId: IdSchema,
  staffId: IdSchema.nullable(),
  staffName: z.string().nullable(),
  status: PresenceStatusSchema,
  replacedById: IdSchema.nullable(),
  replacedByName: z.string(),
  checkedBy: z.string(),
  checkedAt: IsoTimeSchema,
  note: z.string(),
  adHoc: z.boolean(),
});
export type PresenceCheck = z.infer<typeof PresenceCheckSchema>;

export const PresenceDaySchema = z.object({
  day: z.string(),
  slots: z.array(
    z.object({
      postId: IdSchema,
      postName: z.string(),
      postCode: z.string(),
      premisesName: z.string(),
      shiftId: IdSchema,
      shiftLabel: z.string(),
      start: z.string(),
      end: z.string(),
      /** The shift's end has passed (in the delegation time zone). */
      finished: z.boolean(),
      expected: z.array(z.object({ staffId: IdSchema, name: z.string() })),
      checks: z.array(PresenceCheckSchema),
    }),
  ),
});
export type PresenceDay = z.infer<typeof PresenceDaySchema>;

export const PresenceRecordSchema = z
  .object({
    day: DaySchema,
    postId: IdSchema,
    shiftId: IdSchema,
    staffId: IdSchema.nullable().default(null),
    status: PresenceStatusSchema,
    replacedById: IdSchema.nullable().default(null),
    replacedByName: text(200).default(''),
    checkedBy: text(200).optional(),
    checkedAt: IsoTimeSchema.optional(),
    note: text(2000).default(''),
    adHoc: z.boolean().default(false),
  })
  .refine((r) => r.status !== 'replaced' || r.replacedById !== null || r.replacedByName !== '', {
    message: 'replacedByRequired',
    path: ['replacedByName'],
  });

export const PresenceSummarySchema = z.array(
  z.object({
    staffId: IdSchema,
    name: z.string(),
    role: RosterRoleSchema,
    rostered: z.number().int(),
    worked: z.number().int(),
    present: z.number().int(),
    absent: z.number().int(),
    late: z.number().int(),
    asleep: z.number().int(),
    replaced: z.number().int(),
    lastRating: z.number().int().nullable(),
  }),
);

// ---- Feedback ----
export const FeedbackInputSchema = z.object({
  staffId: IdSchema,
  month: MonthSchema,
  rating: z.number().int().min(1).max(5),
  note: text(2000).default(''),
});
export const FeedbackSchema = z.object({
  id: IdSchema,
  staffId: IdSchema,
  staffName: z.string(),
  month: z.string(),
  rating: z.number().int(),
  note: z.string(),
  by: z.string(),
  at: IsoTimeSchema,
});
export type Feedback = z.infer<typeof FeedbackSchema>;

// ---- Board and exports ----
export const RosterBoardSchema = z.object({
  missingChecks: z.number().int(),
  missing: z.array(z.object({ day: z.string(), postName: z.string(), premisesName: z.string(), shiftLabel: z.string() })),
  problemsThisMonth: z.number().int(),
});

export const RosterExportSchema = z.object({
  month: MonthSchema,
  format: z.enum(['pdf', 'xlsx', 'ics']),
  path: z.string().min(1).max(4096),
  /** PDF/XLSX: one premises only. */
  premisesId: IdSchema.optional(),
  /** ICS: one person's shifts; without it, every shift with the person in each event. */
  staffId: IdSchema.optional(),
  lang: LanguageSchema.optional(),
  paper: z.enum(['a4', 'letter']).default('a4'),
  chromium: z.string().max(4096).optional(),
});
export const RosterExportResultSchema = z.object({
  path: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  verified: z.boolean(),
  pages: z.number().int().optional(),
});

const Ok = z.object({ id: IdSchema });
const MonthInput = z.object({ month: MonthSchema });

export const rostersCommands = {
  'rosters.staff.list': defineCommand('rosters.staff.list', z.object({ includeInactive: z.boolean().default(true) }).default({ includeInactive: true }), z.array(StaffSchema)),
  'rosters.staff.create': defineCommand('rosters.staff.create', StaffInputSchema, StaffSchema, { mutates: true }),
  'rosters.staff.update': defineCommand('rosters.staff.update', StaffInputSchema.extend({ id: IdSchema }), StaffSchema, { mutates: true }),
  'rosters.staff.delete': defineCommand('rosters.staff.delete', StaffDeleteSchema, z.object({ id: IdSchema, removedShifts: z.number().int() }), { mutates: true }),
  'rosters.leave.add': defineCommand('rosters.leave.add', LeaveInputSchema, StaffSchema, { mutates: true }),
  'rosters.leave.delete': defineCommand('rosters.leave.delete', IdInputSchema, StaffSchema, { mutates: true }),
  'rosters.posts.list': defineCommand('rosters.posts.list', z.object({ premisesId: IdSchema.optional() }).default({}), z.array(PostSchema)),
  'rosters.posts.create': defineCommand('rosters.posts.create', PostInputSchema, PostSchema, { mutates: true }),
  'rosters.posts.update': defineCommand('rosters.posts.update', PostInputSchema.extend({ id: IdSchema, removeAssignments: z.boolean().default(false) }), PostSchema, { mutates: true }),
  'rosters.posts.delete': defineCommand('rosters.posts.delete', PostDeleteSchema, Ok, { mutates: true }),
  'rosters.rules.get': defineCommand('rosters.rules.get', z.object({}).default({}), RulesSchema),
  'rosters.rules.update': defineCommand('rosters.rules.update', RulesSchema, RulesSchema, { mutates: true }),
  'rosters.month': defineCommand('rosters.month', MonthInput, MonthSchemaOut),
  'rosters.generate': defineCommand('rosters.generate', GenerateSchema, GenerateResultSchema, { mutates: true }),
  'rosters.assign': defineCommand('rosters.assign', AssignSchema, EditResultSchema, { mutates: true }),
  'rosters.move': defineCommand('rosters.move', MoveSchema, EditResultSchema, { mutates: true }),
  'rosters.clear': defineCommand('rosters.clear', ClearSchema, EditResultSchema, { mutates: true }),
  'rosters.copy': defineCommand('rosters.copy', CopySchema, EditResultSchema, { mutates: true }),
  'rosters.presence.day': defineCommand('rosters.presence.day', z.object({ day: DaySchema }), PresenceDaySchema),
  'rosters.presence.record': defineCommand('rosters.presence.record', PresenceRecordSchema, PresenceCheckSchema, { mutates: true }),
  'rosters.presence.summary': defineCommand('rosters.presence.summary', MonthInput, PresenceSummarySchema),
  'rosters.feedback.add': defineCommand('rosters.feedback.add', FeedbackInputSchema, FeedbackSchema, { mutates: true }),
  'rosters.feedback.list': defineCommand('rosters.feedback.list', z.object({ staffId: IdSchema.optional() }).default({}), z.array(FeedbackSchema)),
  'rosters.board': defineCommand('rosters.board', z.object({}).default({}), RosterBoardSchema),
  'rosters.export': defineCommand('rosters.export', RosterExportSchema, RosterExportResultSchema),
};
