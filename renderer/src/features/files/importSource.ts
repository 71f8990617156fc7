import { uploadFile } from '../../lib/transports';

/** Where an imported file comes from: a path (desktop dialog) or a browser File, uploaded again for each step. */
export type ImportSource = { kind: 'path'; path: string; name: string } | { kind: 'file'; file: File };

/** The reference a core import command reads: a path, or `upload:<id>` for a file picked in the browser. */
export async function importFileRef(source: ImportSource): Promise<string> {
  // An upload is consumed by the command that reads it, so each step uploads the file again.
  return source.kind === 'path' ? source.path : `upload:${await uploadFile(source.file)}`;
}

export function importSourceName(source: ImportSource): string {
  return source.kind === 'path' ? source.name : source.file.name;
}

/** A path from the desktop open dialog as a source, named by its last segment. */
export function pathSource(path: string): ImportSource {
  return { kind: 'path', path, name: path.split(/[\\/]/).pop() ?? path };
}
