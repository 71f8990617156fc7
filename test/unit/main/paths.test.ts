import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asarUnpackedPath, bundlePaths } from '../../../electron/main/paths';

describe('bundlePaths', () => {
  it('finds the renderer, preload and migrations beside dist/main', () => {
    const mainDir = path.join(path.sep, 'repo', 'dist', 'main');
    expect(bundlePaths(mainDir)).toEqual({
      rendererDir: path.join(path.sep, 'repo', 'dist', 'renderer'),
      preload: path.join(path.sep, 'repo', 'dist', 'preload', 'index.cjs'),
      migrationsDir: path.join(path.sep, 'repo', 'dist', 'main', 'migrations'),
    });
  });

  it('reads migrations from the unpacked folder of a packaged app', () => {
    const mainDir = path.join(path.sep, 'opt', 'Vigil', 'resources', 'app.asar', 'dist', 'main');
    const paths = bundlePaths(mainDir);
    expect(paths.migrationsDir).toBe(path.join(path.sep, 'opt', 'Vigil', 'resources', 'app.asar.unpacked', 'dist', 'main', 'migrations'));
    // The renderer and preload stay inside the archive.
    expect(paths.rendererDir).toBe(path.join(path.sep, 'opt', 'Vigil', 'resources', 'app.asar', 'dist', 'renderer'));
  });

  it('leaves other paths alone', () => {
    const p = path.join(path.sep, 'data', 'app.asar-notes', 'x');
    expect(asarUnpackedPath(p)).toBe(p);
  });
});
