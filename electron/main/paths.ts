import path from 'node:path';

export interface BundlePaths {
  /** The built renderer served on app://vigil/. */
  rendererDir: string;
  /** The sandboxed preload bundle (CommonJS: a sandboxed preload can only require 'electron'). */
  preload: string;
  /** The drizzle migrations build/buildMain.mjs copies next to the main bundle. */
  migrationsDir: string;
}

/**
 * Files the main bundle needs, found from the folder it runs in (dist/main), in a checkout and in a
 * package alike. Migrations are unpacked from the asar (electron-builder asarUnpack) and read from there.
 */
export function bundlePaths(mainDir: string): BundlePaths {
  const distDir = path.dirname(mainDir);
  return {
    rendererDir: path.join(distDir, 'renderer'),
    preload: path.join(distDir, 'preload', 'index.cjs'),
    migrationsDir: asarUnpackedPath(path.join(mainDir, 'migrations')),
  };
}

/** app.asar/... -> app.asar.unpacked/... for files electron-builder keeps outside the archive. */
export function asarUnpackedPath(filePath: string): string {
  const marker = `${path.sep}app.asar${path.sep}`;
  const index = filePath.indexOf(marker);
  if (index === -1) return filePath;
  return `${filePath.slice(0, index)}${path.sep}app.asar.unpacked${path.sep}${filePath.slice(index + marker.length)}`;
}
