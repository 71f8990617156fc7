import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, LanguageSchema, requiredText, text } from './common';
import { ExportResultSchema, GridQuerySchema, GridViewSchema, pageOf } from './grid';
import { hasBothOrNeither, LatitudeSchema, LongitudeSchema } from '../domain/geo';
import { isCalendarDate } from '../domain/equipmentExpiry';

export const PERSON_CATEGORIES = [
  'staff_national',
  'staff_international',
  'delegate',
  'visitor',
  'consultant',
  'volunteer',
  'dependant',
] as const;
export const PersonCategorySchema = z.enum(PERSON_CATEGORIES);
export type PersonCategory = z.infer<typeof PersonCategorySchema>;

export const PERSON_STATUSES = ['expected', 'in_country', 'out_of_country', 'left'] as const;
export const PersonStatusSchema = z.enum(PERSON_STATUSES);
export type PersonStatus = z.infer<typeof PersonStatusSchema>;

export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export const BloodGroupSchema = z.enum(BLOOD_GROUPS);

export const BRIEFING_KINDS = ['welcome', 'field_movement', 'residence'] as const;
export const BriefingKindSchema = z.enum(BRIEFING_KINDS);
export type BriefingKind = z.infer<typeof BriefingKindSchema>;

export const COURSES = ['stay_safe_basic', 'stay_safe_managers', 'heat', 'first_aid', 'defensive_driving', 'radio', 'other'] as const;
export const CourseSchema = z.enum(COURSES);
export type Course = z.infer<typeof CourseSchema>;

/** Courses everyone must hold (configurable later). */
export const REQUIRED_COURSES: readonly Course[] = ['stay_safe_basic'];
/** Training expiring within this many days is flagged. */
export const TRAINING_DUE_DAYS = 60;
/** A newcomer still without a briefing this long after arrival is flagged. */
export const BRIEFING_GRACE_HOURS = 24;

/** A calendar date (YYYY-MM-DD) in the delegation time zone. */
export const CalendarDateSchema = z.string().refine(isCalendarDate, { message: 'invalidDate' });

const personFields = z.object({
  name: requiredText(200),
  category: PersonCategorySchema,
  dependantOfId: IdSchema.nullable().default(null),
  organisation: text(200).default(''),
  position: text(200).default(''),
  phones: z.array(text(50)).max(5).default([]),
  radioCallSign: text(50).default(''),
  nationality: text(100).default(''),
  passportExpiry: CalendarDateSchema.nullable().default(null),
  bloodGroup: BloodGroupSchema.nullable().default(null),
  emergencyContact: text(500).default(''),
  residencePremisesId: IdSchema.nullable().default(null),
  residenceAddress: text(500).default(''),
  residenceLatitude: LatitudeSchema.nullable().default(null),
  residenceLongitude: LongitudeSchema.nullable().default(null),
  /** UTC instants; "today" and day boundaries are computed in the delegation time zone. */
  arrivalAt: IsoTimeSchema.nullable().default(null),
  departureAt: IsoTimeSchema.nullable().default(null),
  status: PersonStatusSchema.default('expected'),
  notes: text(5000).default(''),
});

type PersonFields = z.output<typeof personFields>;
const checks = (p: PersonFields, ctx: z.RefinementCtx) => {
  if (!hasBothOrNeither(p.residenceLatitude, p.residenceLongitude)) {
    ctx.addIssue({ code: 'custom', message: 'coordinatesPair', path: ['residenceLongitude'] });
  }
  if (p.category === 'dependant' && !p.dependantOfId) {
    ctx.addIssue({ code: 'custom', message: 'dependantNeedsPerson', path: ['dependantOfId'] });
  }
  if (p.category !== 'dependant' && p.dependantOfId) {
    ctx.addIssue({ code: 'custom', message: 'onlyDependantsLinked', path: ['dependantOfId'] });
  }
  if (p.arrivalAt && p.departureAt && p.departureAt < p.arrivalAt) {
    ctx.addIssue({ code: 'custom', message: 'departureBeforeArrival', path: ['departureAt'] });
  }
};

export const PersonInputSchema = personFields.superRefine(checks);
export type PersonInput = z.input<typeof PersonInputSchema>;
export const PersonUpdateSchema = personFields.extend({ id: IdSchema }).superRefine(checks);

export const TRAINING_FLAG_STATES = ['missing', 'expired', 'expiring'] as const;
export const TrainingFlagSchema = z.object({
  course: CourseSchema,
  state: z.enum(TRAINING_FLAG_STATES),
  expiresOn: z.string().nullable(),
});
export type TrainingFlag = z.infer<typeof TrainingFlagSchema>;

export const PersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  category: PersonCategorySchema,
  dependantOfId: IdSchema.nullable(),
  dependantOfName: z.string().nullable(),
  organisation: z.string(),
  position: z.string(),
  phones: z.array(z.string()),
  radioCallSign: z.string(),
  nationality: z.string(),
  passportExpiry: z.string().nullable(),
  bloodGroup: BloodGroupSchema.nullable(),
  emergencyContact: z.string(),
  residencePremisesId: IdSchema.nullable(),
  residenceName: z.string().nullable(),
  residenceAreaPath: z.string().nullable(),
  residenceAddress: z.string(),
  residenceLatitude: z.number().nullable(),
  residenceLongitude: z.number().nullable(),
  arrivalAt: IsoTimeSchema.nullable(),
  departureAt: IsoTimeSchema.nullable(),
  status: PersonStatusSchema,
  notes: z.string(),
  lastBriefingAt: IsoTimeSchema.nullable(),
  /** Arrived more than 24 h ago, still in country or expected, and never briefed. */
  notBriefed: z.boolean(),
  trainingFlags: z.array(TrainingFlagSchema),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Person = z.infer<typeof PersonSchema>;

export const BriefingInputSchema = z.object({
  personId: IdSchema,
  at: IsoTimeSchema,
  by: requiredText(200),
  kind: BriefingKindSchema,
  notes: text(2000).default(''),
});
export const BriefingSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  at: IsoTimeSchema,
  by: z.string(),
  kind: BriefingKindSchema,
  notes: z.string(),
});
export type Briefing = z.infer<typeof BriefingSchema>;

export const TrainingInputSchema = z
  .object({
    id: IdSchema.optional(),
    personId: IdSchema,
    course: CourseSchema,
    courseOther: text(200).default(''),
    completedOn: CalendarDateSchema,
    expiresOn: CalendarDateSchema.nullable().default(null),
  })
  .refine((t) => !t.expiresOn || t.expiresOn >= t.completedOn, { message: 'expiryBeforeCompletion', path: ['expiresOn'] })
  .refine((t) => t.course !== 'other' || t.courseOther.length > 0, { message: 'required', path: ['courseOther'] });
export const TrainingSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  course: CourseSchema,
  courseOther: z.string(),
  completedOn: z.string(),
  expiresOn: z.string().nullable(),
});
export type Training = z.infer<typeof TrainingSchema>;

export const PersonDetailSchema = PersonSchema.extend({
  briefings: z.array(BriefingSchema),
  trainings: z.array(TrainingSchema),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

export const InCountryPersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  category: PersonCategorySchema,
  organisation: z.string(),
  position: z.string(),
  phones: z.array(z.string()),
  radioCallSign: z.string(),
});
export const InCountrySchema = z.object({
  today: z.string(),
  total: z.number().int(),
  groups: z.array(
    z.object({
      location: z.string().nullable(),
      residences: z.array(z.object({ residence: z.string().nullable(), people: z.array(InCountryPersonSchema) })),
    }),
  ),
});
export type InCountry = z.infer<typeof InCountrySchema>;

export const PeopleBoardSchema = z.object({
  inCountry: z.number().int(),
  notBriefed: z.array(z.object({ id: IdSchema, name: z.string(), arrivalAt: IsoTimeSchema })),
  training: z.array(z.object({ id: IdSchema, name: z.string(), course: CourseSchema, state: z.enum(TRAINING_FLAG_STATES), expiresOn: z.string().nullable() })),
});
export type PeopleBoard = z.infer<typeof PeopleBoardSchema>;

export const PurgeRequestSchema = z.object({
  /** People whose departure is more than this many months before today. */
  olderThanMonths: z.number().int().min(1).max(240).default(12),
});
export const PurgePreviewSchema = z.object({
  cutoff: z.string(),
  people: z.array(z.object({ id: IdSchema, name: z.string(), departureAt: IsoTimeSchema.nullable() })),
});

export const PEOPLE_COLUMNS = [
  'name',
  'category',
  'dependantOfName',
  'organisation',
  'position',
  'phones',
  'radioCallSign',
  'nationality',
  'passportExpiry',
  'bloodGroup',
  'emergencyContact',
  'residenceName',
  'residenceAreaPath',
  'residenceAddress',
  'arrivalAt',
  'departureAt',
  'status',
  'lastBriefingAt',
  'notes',
  'updatedAt',
] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];
/** Personal fields left out of every export unless restricted data is asked for. */
export const RESTRICTED_PEOPLE_COLUMNS: readonly PeopleColumn[] = ['passportExpiry', 'bloodGroup', 'emergencyContact'];

export const PeopleExportRequestSchema = z.object({
  view: GridViewSchema.default({ quickFilter: '', filterModel: {}, sortModel: [] }),
  columns: z.array(z.string().max(100)).max(100).optional(),
  format: z.enum(['csv', 'xlsx', 'pdf']),
  path: z.string().min(1).max(4096),
  lang: LanguageSchema.optional(),
  /** Only the people in country today (the headcount); always so for PDF. */
  inCountry: z.boolean().default(false),
  includeRestricted: z.boolean().default(false),
  paper: z.enum(['a4', 'letter']).default('a4'),
  chromium: z.string().max(4096).optional(),
});
export type PeopleExportRequest = z.input<typeof PeopleExportRequestSchema>;

export const peopleCommands = {
  'people.list': defineCommand('people.list', GridQuerySchema, pageOf(PersonSchema)),
  'people.get': defineCommand('people.get', IdInputSchema, PersonDetailSchema),
  'people.create': defineCommand('people.create', PersonInputSchema, PersonSchema, { mutates: true }),
  'people.update': defineCommand('people.update', PersonUpdateSchema, PersonSchema, { mutates: true }),
  'people.delete': defineCommand('people.delete', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  'people.addBriefing': defineCommand('people.addBriefing', BriefingInputSchema, BriefingSchema, { mutates: true }),
  'people.deleteBriefing': defineCommand('people.deleteBriefing', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  'people.saveTraining': defineCommand('people.saveTraining', TrainingInputSchema, TrainingSchema, { mutates: true }),
  'people.deleteTraining': defineCommand('people.deleteTraining', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  'people.inCountry': defineCommand('people.inCountry', z.object({}).default({}), InCountrySchema),
  'people.board': defineCommand('people.board', z.object({}).default({}), PeopleBoardSchema),
  'people.purgePreview': defineCommand('people.purgePreview', PurgeRequestSchema, PurgePreviewSchema),
  'people.purge': defineCommand('people.purge', PurgeRequestSchema, PurgePreviewSchema, { mutates: true }),
  'people.export': defineCommand('people.export', PeopleExportRequestSchema, ExportResultSchema),
};
