import path from 'node:path';
import type { CommandParsedInput } from '../../shared/contract';
import type { HostHandler } from '../core/types';

interface FileFilter {
  name: string;
  extensions: string[];
}

/** The slice of Electron's dialog module the handlers use, bound to the app window by index.ts. */
export interface DialogApi {
  showSaveDialog(options: {
    title?: string;
    defaultPath: string;
    filters: FileFilter[];
    properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    title?: string;
    defaultPath: string;
    filters: FileFilter[];
    properties: Array<'openFile'>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface DialogHandlerDeps {
  dialog: DialogApi;
  /** The user's Documents folder (app.getPath('documents')): where the first dialog opens. */
  documentsDir: () => string;
}

/**
 * Host handlers for dialog.saveFile and dialog.openFile. The last folder the user picked is remembered for
 * this run only: a path history on disk would tell whoever holds the laptop where exports went.
 */
export function createDialogHandlers(deps: DialogHandlerDeps): Record<'dialog.saveFile' | 'dialog.openFile', HostHandler> {
  let lastFolder: string | null = null;
  const startFolder = (): string => lastFolder ?? deps.documentsDir();
  const remember = (filePath: string): void => {
    lastFolder = path.dirname(filePath);
  };

  return {
    'dialog.saveFile': async (input) => {
      const { defaultName, filters } = input as CommandParsedInput<'dialog.saveFile'>;
      // The renderer proposes a file name, never a folder: keep only the last path segment.
      const base = path.posix.basename(defaultName.replaceAll('\\', '/'));
      const name = base === '' || base === '.' || base === '..' ? 'export' : base;
      const result = await deps.dialog.showSaveDialog({
        defaultPath: path.join(startFolder(), name),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return { path: null };
      remember(result.filePath);
      return { path: result.filePath };
    },
    'dialog.openFile': async (input) => {
      const { filters } = input as CommandParsedInput<'dialog.openFile'>;
      const result = await deps.dialog.showOpenDialog({
        defaultPath: startFolder(),
        filters,
        properties: ['openFile'],
      });
      const chosen = result.filePaths[0];
      if (result.canceled || !chosen) return { path: null };
      remember(chosen);
      return { path: chosen };
    },
  };
}
