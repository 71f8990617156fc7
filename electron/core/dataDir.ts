import os from 'node:os';
import path from 'node:path';

/**
 * The one per-user data dir the desktop app, browser mode and the CLI share, so `vigil` on the command
 * line sees the vault the app created. VIGIL_DATA_DIR overrides it.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.VIGIL_DATA_DIR) return path.resolve(env.VIGIL_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Vigil', 'vault');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Vigil', 'vault');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'Vigil', 'vault');
}
