import { z } from 'zod';
import { defineCommand } from './defineCommand';

/**
 * Browser mode's server-side save-location picker: the renderer cannot see paths, so the core lists
 * places to save (removable drives first) and browses folders; the export itself is then written by core.
 */
export const SaveLocationSchema = z.object({
  path: z.string(),
  label: z.string(),
  kind: z.enum(['removable', 'home', 'documents', 'dataDir', 'other']),
  freeBytes: z.number().nullable(),
});
export type SaveLocation = z.infer<typeof SaveLocationSchema>;

export const DirListingSchema = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  entries: z.array(z.object({ name: z.string(), isDir: z.boolean() })),
});
export type DirListing = z.infer<typeof DirListingSchema>;

/** The drive holding a save location, as the OS reports it (null fields: the OS did not say). */
export const DriveSchema = z.object({
  mountPoint: z.string(),
  label: z.string(),
  fsType: z.string(),
  sizeBytes: z.number().nullable(),
  freeBytes: z.number().nullable(),
  removable: z.boolean(),
});
export type Drive = z.infer<typeof DriveSchema>;

/** Warnings about a save location; `fatTooBig` blocks the export (FAT32 cannot hold a file of 4 GiB or more). */
export const ExportWarningSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('notRemovable'), mountPoint: z.string().nullable() }),
  z.object({ code: z.literal('nearlyFull'), freeBytes: z.number(), neededBytes: z.number().nullable() }),
  z.object({ code: z.literal('fatTooBig'), fsType: z.string(), sizeBytes: z.number() }),
]);
export type ExportWarning = z.infer<typeof ExportWarningSchema>;

export const CheckTargetResultSchema = z.object({
  /** The folder that was checked (the parent of a file path). */
  folder: z.string(),
  drive: DriveSchema.nullable(),
  warnings: z.array(ExportWarningSchema),
  /** True when a warning forbids the export (fatTooBig). */
  blocked: z.boolean(),
});
export type CheckTargetResult = z.infer<typeof CheckTargetResultSchema>;

/** An export password: at least 8 characters (the ZIP can be attacked offline; the password is all it has). */
export const ExportPasswordSchema = z.string().min(8).max(1024);

export const filesCommands = {
  'files.locations': defineCommand('files.locations', z.object({}).default({}), z.array(SaveLocationSchema)),
  'files.browse': defineCommand('files.browse', z.object({ path: z.string().min(1).max(4096) }), DirListingSchema),
  /**
   * Warnings for a save location before the export runs: `path` is the file to write or its folder;
   * `sizeBytes` the expected file size when known (else only "under 100 MB free" counts as nearly full).
   */
  'files.checkTarget': defineCommand(
    'files.checkTarget',
    z.object({ path: z.string().min(1).max(4096), sizeBytes: z.number().int().min(0).optional() }),
    CheckTargetResultSchema,
  ),
  /**
   * Protects the next export written to `path` with a password: whatever module writes it, the file
   * becomes `<path>.zip`, an AES-256 ZIP (opens in 7-Zip) holding the export; SHA256SUMS covers the .zip.
   * Call it right before the module's export command; held in memory for 10 minutes, for one export.
   */
  'files.protectExport': defineCommand(
    'files.protectExport',
    z.object({ path: z.string().min(1).max(4096), password: ExportPasswordSchema }),
    z.object({ path: z.string() }),
    { secret: true },
  ),
};
