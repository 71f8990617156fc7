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

export const filesCommands = {
  'files.locations': defineCommand('files.locations', z.object({}).default({}), z.array(SaveLocationSchema)),
  'files.browse': defineCommand('files.browse', z.object({ path: z.string().min(1).max(4096) }), DirListingSchema),
};
