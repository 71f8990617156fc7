import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IsoTimeSchema } from './common';

/** Scheduled backups: off when intervalHours is 0 or no folder is chosen. */
export const BackupSettingsSchema = z.object({
  folder: z.string().max(4096).nullable(),
  intervalHours: z.number().int().min(0).max(24 * 30),
  keep: z.number().int().min(1).max(100),
  /** The officer's departure date (YYYY-MM-DD): the handover checklist shows on Home 30 days before. */
  departureDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
});
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, intervalHours: 24, keep: 7, departureDate: null };

export const LastBackupSchema = z.object({
  at: IsoTimeSchema,
  path: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  verified: z.boolean(),
});
export type LastBackup = z.infer<typeof LastBackupSchema>;

export const HandoverChecklistSchema = z.object({
  departureDate: z.string().nullable(),
  /** Days until departure (negative once past); null without a departure date. */
  daysToDeparture: z.number().int().nullable(),
  /** The Home tile shows from 30 days before departure. */
  show: z.boolean(),
  backupDone: z.boolean(),
  handoverExportedAt: IsoTimeSchema.nullable(),
  contactsReviewedAt: IsoTimeSchema.nullable(),
  openActions: z.number().int(),
});
export type HandoverChecklist = z.infer<typeof HandoverChecklistSchema>;

export const BackupStatusSchema = z.object({
  settings: BackupSettingsSchema,
  last: LastBackupSchema.nullable(),
  lastError: z.object({ at: IsoTimeSchema, message: z.string() }).nullable(),
  running: z.boolean(),
  checklist: HandoverChecklistSchema,
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

export const BackupResultSchema = z.object({
  path: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  verified: z.boolean(),
  /** Older backups of this delegation deleted by rotation (file names). */
  rotated: z.array(z.string()),
});
export type BackupResult = z.infer<typeof BackupResultSchema>;

export const BackupFileSchema = z.object({ name: z.string(), path: z.string(), createdAt: z.string(), bytes: z.number().int() });
export type BackupFile = z.infer<typeof BackupFileSchema>;

/** Bounded so a pasted novel cannot make the KDF spin. */
const secret = z.string().min(1, 'required').max(1024);
const HandoverPasswordSchema = z.string().min(10, 'at least 10 characters').max(1024);

export const HandoverTableCountSchema = z.object({ table: z.string(), included: z.number().int(), leftOut: z.number().int() });
export const HandoverIndexSchema = z.object({
  format: z.literal('vigil-handover'),
  version: z.literal(1),
  createdAt: IsoTimeSchema,
  delegationName: z.string(),
  includeRestricted: z.boolean(),
  isDemo: z.boolean(),
  tables: z.array(HandoverTableCountSchema),
  /** Plain sentences: "12 sensitive contacts left out", "settings: the successor's own". */
  leftOut: z.array(z.string()),
});
export type HandoverIndex = z.infer<typeof HandoverIndexSchema>;

export const backupCommands = {
  'backup.status': defineCommand('backup.status', z.object({}).default({}), BackupStatusSchema),
  'backup.updateSettings': defineCommand('backup.updateSettings', BackupSettingsSchema.partial(), BackupStatusSchema, { mutates: true }),
  /** Backs up now into `folder` (default: the folder in the settings). */
  'backup.create': defineCommand('backup.create', z.object({ folder: z.string().min(1).max(4096).optional() }).default({}), BackupResultSchema, {
    mutates: true,
  }),
  'backup.list': defineCommand(
    'backup.list',
    z.object({ folder: z.string().min(1).max(4096).optional() }).default({}),
    z.object({ folder: z.string().nullable(), backups: z.array(BackupFileSchema) }),
  ),
  /** Replaces the vault with a backup (full path or `upload:<id>`); the current vault is kept beside it. */
  'backup.restore': defineCommand(
    'backup.restore',
    z.object({ path: z.string().min(1).max(4096), passphrase: secret }),
    z.object({ keptAs: z.string().nullable(), backupCreatedAt: z.string(), auditRows: z.number().int() }),
    { mutates: true, secret: true },
  ),
  'handover.export': defineCommand(
    'handover.export',
    z.object({ path: z.string().min(1).max(4096), password: HandoverPasswordSchema, includeRestricted: z.boolean().default(false) }),
    z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string(), verified: z.boolean(), index: HandoverIndexSchema }),
    { secret: true, mutates: true },
  ),
  'handover.import': defineCommand(
    'handover.import',
    z.object({ path: z.string().min(1).max(4096), password: secret }),
    z.object({ tables: z.array(z.object({ table: z.string(), rows: z.number().int() })), total: z.number().int() }),
    { secret: true, mutates: true },
  ),
  'handover.markContactsReviewed': defineCommand('handover.markContactsReviewed', z.object({}).default({}), BackupStatusSchema, { mutates: true }),
};
