import { z } from 'zod';
import { defineCommand } from './defineCommand';

/**
 * Native dialogs: answered by the desktop adapter (electron/main) only. Browser mode uses the
 * server-side picker of files.locations / files.browse instead; the renderer knows which mode it is in.
 */
export const FileFilterSchema = z.object({ name: z.string().max(100), extensions: z.array(z.string().max(20)).max(20) });

export const dialogCommands = {
  'dialog.saveFile': defineCommand(
    'dialog.saveFile',
    z.object({ defaultName: z.string().max(255), filters: z.array(FileFilterSchema).max(10).default([]) }),
    z.object({ path: z.string().nullable() }),
    { open: true },
  ),
  'dialog.openFile': defineCommand(
    'dialog.openFile',
    z.object({ filters: z.array(FileFilterSchema).max(10).default([]) }),
    z.object({ path: z.string().nullable() }),
    { open: true },
  ),
};
