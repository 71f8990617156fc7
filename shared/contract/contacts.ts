import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, LanguageSchema, requiredText, text } from './common';
import { ExportResultSchema, GridQuerySchema, GridViewSchema, pageOf } from './grid';
import { hasBothOrNeither, LatitudeSchema, LongitudeSchema } from '../domain/geo';

export const ORGANISATION_TYPES = [
  'icrc',
  'national_society',
  'undss',
  'inso',
  'ingo',
  'nngo',
  'authority',
  'police',
  'military',
  'embassy',
  'community',
  'vendor',
  'other',
] as const;
export const OrganisationTypeSchema = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof OrganisationTypeSchema>;

export const INTERACTION_KINDS = ['meeting', 'call', 'message'] as const;
export const InteractionKindSchema = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;

/** A calendar day, YYYY-MM-DD, that exists. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, 'invalidDate');

/** A phone number as people write it: digits with + ( ) - . / spaces, at least 3 digits. */
export const PhoneNumberSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(50)
  .refine((n) => /^\+?[\d\s().\-/#*]+(\s*(ext|x)\.?\s*\d+)?$/i.test(n) && (n.match(/\d/g)?.length ?? 0) >= 3, 'invalidPhone');

export const PhoneSchema = z.object({ label: text(50).default(''), number: PhoneNumberSchema });
export type Phone = z.infer<typeof PhoneSchema>;

export const HandleSchema = z.object({ service: text(50).default(''), handle: requiredText(200) });
export type Handle = z.infer<typeof HandleSchema>;

export const EmailSchema = z.union([z.literal(''), z.email('invalidEmail').max(320)]);

/* ----- organisations ----- */

const organisationFields = z.object({
  name: requiredText(200),
  type: OrganisationTypeSchema,
  areaId: IdSchema.nullable().default(null),
  notes: text(5000).default(''),
});
export const OrganisationInputSchema = organisationFields;
export type OrganisationInput = z.input<typeof OrganisationInputSchema>;
export const OrganisationUpdateSchema = organisationFields.extend({ id: IdSchema });

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: OrganisationTypeSchema,
  areaId: IdSchema.nullable(),
  areaPath: z.string().nullable(),
  notes: z.string(),
  contactCount: z.number().int(),
  lastContactDate: z.string().nullable(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const ORGANISATION_COLUMNS = ['name', 'type', 'areaPath', 'contactCount', 'lastContactDate', 'notes', 'updatedAt'] as const;

/* ----- contacts ----- */

const contactFields = z.object({
  name: requiredText(200),
  organisationId: IdSchema.nullable().default(null),
  role: text(200).default(''),
  phones: z.array(PhoneSchema).max(20).default([]),
  callSign: text(50).default(''),
  email: EmailSchema.default(''),
  messaging: z.array(HandleSchema).max(20).default([]),
  address: text(500).default(''),
  latitude: LatitudeSchema.nullable().default(null),
  longitude: LongitudeSchema.nullable().default(null),
  languages: text(200).default(''),
  relationshipOwner: text(200).default(''),
  trustNote: text(2000).default(''),
  lastContactDate: DaySchema.nullable().default(null),
  sensitive: z.boolean().default(false),
  notes: text(5000).default(''),
  externalId: text(200).nullable().default(null),
});

const bothCoordinates = { message: 'coordinatesPair', path: ['longitude'] };

export const ContactInputSchema = contactFields.refine((c) => hasBothOrNeither(c.latitude, c.longitude), bothCoordinates);
export type ContactInput = z.input<typeof ContactInputSchema>;
export type ContactFields = z.output<typeof ContactInputSchema>;
export const ContactUpdateSchema = contactFields
  .extend({ id: IdSchema })
  .refine((c) => hasBothOrNeither(c.latitude, c.longitude), bothCoordinates);

export const ContactSchema = z.object({
  id: IdSchema,
  name: z.string(),
  organisationId: IdSchema.nullable(),
  organisationName: z.string().nullable(),
  organisationType: OrganisationTypeSchema.nullable(),
  role: z.string(),
  phones: z.array(z.object({ label: z.string(), number: z.string() })),
  callSign: z.string(),
  email: z.string(),
  messaging: z.array(z.object({ service: z.string(), handle: z.string() })),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  languages: z.string(),
  relationshipOwner: z.string(),
  trustNote: z.string(),
  lastContactDate: z.string().nullable(),
  /** Whole days since the last contact, in the delegation's "today"; null when never contacted. */
  daysSinceContact: z.number().int().nullable(),
  sensitive: z.boolean(),
  notes: z.string(),
  externalId: z.string().nullable(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Contact = z.infer<typeof ContactSchema>;

/** Columns a contacts grid can filter, sort and export by (the core whitelists these). */
export const CONTACT_COLUMNS = [
  'name',
  'organisationName',
  'organisationType',
  'role',
  'phones',
  'callSign',
  'email',
  'messaging',
  'address',
  'latitude',
  'longitude',
  'languages',
  'relationshipOwner',
  'trustNote',
  'lastContactDate',
  'daysSinceContact',
  'sensitive',
  'notes',
  'updatedAt',
] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];

/** Days without contact from which a contact is shown as going cold. */
export const STALE_CONTACT_DAYS = 90;

/* ----- interactions and links ----- */

const interactionFields = z
  .object({
    date: DaySchema,
    contactId: IdSchema.nullable().default(null),
    organisationId: IdSchema.nullable().default(null),
    byWhom: text(200).default(''),
    kind: InteractionKindSchema,
    subject: requiredText(300),
    notes: text(5000).default(''),
    followUp: text(2000).default(''),
  });
const withWhom = { message: 'contactOrOrganisation', path: ['contactId'] };
export const InteractionInputSchema = interactionFields.refine((i) => i.contactId != null || i.organisationId != null, withWhom);
export type InteractionInput = z.input<typeof InteractionInputSchema>;
export const InteractionUpdateSchema = interactionFields
  .extend({ id: IdSchema })
  .refine((i) => i.contactId != null || i.organisationId != null, withWhom);

export const InteractionSchema = z.object({
  id: IdSchema,
  date: z.string(),
  contactId: IdSchema.nullable(),
  contactName: z.string().nullable(),
  organisationId: IdSchema.nullable(),
  organisationName: z.string().nullable(),
  byWhom: z.string(),
  kind: InteractionKindSchema,
  subject: z.string(),
  notes: z.string(),
  followUp: z.string(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Interaction = z.infer<typeof InteractionSchema>;

export const InteractionListSchema = z
  .object({ contactId: IdSchema.optional(), organisationId: IdSchema.optional(), limit: z.number().int().min(1).max(1000).default(200) })
  .refine((q) => q.contactId != null || q.organisationId != null, { message: 'contactOrOrganisation', path: ['contactId'] });

export const ContactLinkInputSchema = z
  .object({ fromContactId: IdSchema, toContactId: IdSchema, relation: text(200).default('') })
  .refine((l) => l.fromContactId !== l.toContactId, { message: 'selfLink', path: ['toContactId'] });
export const ContactLinkSchema = z.object({
  id: IdSchema,
  fromContactId: IdSchema,
  toContactId: IdSchema,
  fromName: z.string(),
  toName: z.string(),
  relation: z.string(),
  createdAt: IsoTimeSchema,
});
export type ContactLink = z.infer<typeof ContactLinkSchema>;

export const NetworkSchema = z.object({
  organisations: z.array(z.object({ id: IdSchema, name: z.string(), type: OrganisationTypeSchema })),
  contacts: z.array(z.object({ id: IdSchema, name: z.string(), organisationId: IdSchema.nullable(), sensitive: z.boolean(), stale: z.boolean() })),
  links: z.array(z.object({ id: IdSchema, fromContactId: IdSchema, toContactId: IdSchema, relation: z.string() })),
});
export type Network = z.infer<typeof NetworkSchema>;

/* ----- grouping (done by the core: AG Grid Community has no row grouping) ----- */

export const CONTACT_GROUP_BY = ['organisationName', 'organisationType'] as const;
export type ContactGroupBy = (typeof CONTACT_GROUP_BY)[number];
export const ContactGroupsInputSchema = z.object({
  by: z.enum(CONTACT_GROUP_BY),
  view: GridViewSchema.default({ quickFilter: '', filterModel: {}, sortModel: [] }),
});
export const ContactGroupsSchema = z.object({
  /** key '' = contacts without an organisation. Largest group first. */
  groups: z.array(z.object({ key: z.string(), count: z.number().int() })),
  total: z.number().int(),
});

/* ----- summary, import, export ----- */

export const ContactsSummarySchema = z.object({
  contacts: z.number().int(),
  organisations: z.number().int(),
  sensitive: z.number().int(),
  /** Contacts not contacted for STALE_CONTACT_DAYS days or more, or never. */
  stale: z.number().int(),
  staleDays: z.number().int(),
});

export const ContactsImportInputSchema = z.object({
  /** A full path, or `upload:<id>` in browser mode. */
  file: z.string().min(1).max(4096),
  dryRun: z.boolean().default(false),
});

export const ImportProblemSchema = z.object({
  /** The card's number in the file (1 = first card), or the spreadsheet row (header = 1) for CSV. */
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ContactImportProblem = z.infer<typeof ImportProblemSchema>;

export const ContactsImportReportSchema = z.object({
  format: z.enum(['vcf', 'csv']),
  encoding: z.string().nullable(),
  committed: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  problems: z.array(ImportProblemSchema),
  /** Things dropped on purpose that the user should know (photos not kept, unknown fields). */
  notes: z.array(ImportProblemSchema),
  items: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      action: z.enum(['create', 'merge', 'invalid']),
      mergeWith: z.object({ id: IdSchema, name: z.string() }).nullable(),
    }),
  ),
});
export type ContactsImportReport = z.infer<typeof ContactsImportReportSchema>;

export const ContactsExportRequestSchema = z.object({
  view: GridViewSchema.default({ quickFilter: '', filterModel: {}, sortModel: [] }),
  /** Only these contacts (a single card or a selection); otherwise the view. */
  ids: z.array(IdSchema).max(10_000).optional(),
  columns: z.array(z.string().max(100)).max(100).optional(),
  format: z.enum(['csv', 'xlsx', 'vcf']),
  path: z.string().min(1).max(4096),
  lang: LanguageSchema.optional(),
  includeRestricted: z.boolean().default(false),
});
export type ContactsExportRequest = z.input<typeof ContactsExportRequestSchema>;
export const ContactsExportResultSchema = ExportResultSchema.extend({ leftOut: z.number().int() });

const deleted = z.object({ id: IdSchema });

export const contactsCommands = {
  'organisations.list': defineCommand('organisations.list', GridQuerySchema, pageOf(OrganisationSchema)),
  'organisations.get': defineCommand('organisations.get', IdInputSchema, OrganisationSchema),
  'organisations.create': defineCommand('organisations.create', OrganisationInputSchema, OrganisationSchema, { mutates: true }),
  'organisations.update': defineCommand('organisations.update', OrganisationUpdateSchema, OrganisationSchema, { mutates: true }),
  'organisations.delete': defineCommand('organisations.delete', IdInputSchema, deleted, { mutates: true }),
  'contacts.list': defineCommand('contacts.list', GridQuerySchema, pageOf(ContactSchema)),
  'contacts.get': defineCommand('contacts.get', IdInputSchema, ContactSchema),
  'contacts.create': defineCommand('contacts.create', ContactInputSchema, ContactSchema, { mutates: true }),
  'contacts.update': defineCommand('contacts.update', ContactUpdateSchema, ContactSchema, { mutates: true }),
  'contacts.delete': defineCommand('contacts.delete', IdInputSchema, deleted, { mutates: true }),
  'contacts.groups': defineCommand('contacts.groups', ContactGroupsInputSchema, ContactGroupsSchema),
  'contacts.summary': defineCommand('contacts.summary', z.object({}), ContactsSummarySchema),
  'contacts.network': defineCommand('contacts.network', z.object({ types: z.array(OrganisationTypeSchema).optional() }), NetworkSchema),
  'contacts.export': defineCommand('contacts.export', ContactsExportRequestSchema, ContactsExportResultSchema),
  'contacts.import': defineCommand('contacts.import', ContactsImportInputSchema, ContactsImportReportSchema, { mutates: true }),
  'interactions.list': defineCommand('interactions.list', InteractionListSchema, z.array(InteractionSchema)),
  'interactions.create': defineCommand('interactions.create', InteractionInputSchema, InteractionSchema, { mutates: true }),
  'interactions.update': defineCommand('interactions.update', InteractionUpdateSchema, InteractionSchema, { mutates: true }),
  'interactions.delete': defineCommand('interactions.delete', IdInputSchema, deleted, { mutates: true }),
  'contactLinks.list': defineCommand('contactLinks.list', z.object({ contactId: IdSchema }), z.array(ContactLinkSchema)),
  'contactLinks.create': defineCommand('contactLinks.create', ContactLinkInputSchema, ContactLinkSchema, { mutates: true }),
  'contactLinks.delete': defineCommand('contactLinks.delete', IdInputSchema, deleted, { mutates: true }),
};
