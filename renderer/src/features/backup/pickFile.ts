import { isDesktop, vigil } from '../../lib/vigil';
import { uploadFile } from '../../lib/transports';

/** The folder part of a path the save dialog returned (either separator: the core may run on Windows). */
export function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? path.slice(0, i + 1) || path : path.slice(0, i);
}

/**
 * A file for a command that takes a path: the native open dialog on the desktop; in browser mode the
 * page's own file input, uploaded to the core's in-memory store (`upload:<id>`).
 */
export async function chooseFile(extensions: string[], browserFile?: File): Promise<string | null> {
  if (!isDesktop) return browserFile ? `upload:${await uploadFile(browserFile)}` : null;
  const { path } = await vigil.call('dialog.openFile', { filters: [{ name: extensions.join(', '), extensions }] });
  return path;
}
