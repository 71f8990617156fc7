import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  it('has no link to the web and no developer tools in a packaged app', () => {
    const template = buildMenuTemplate({ isMac: false, isPackaged: true });
    expect(template.some((item) => item.click || item.role === 'help')).toBe(false);
    expect(roles(template)).not.toContain('toggleDevTools');
    expect(roles(template)).not.toContain('reload');
  });

  it('offers developer tools in development and the app menu on macOS', () => {
    expect(roles(buildMenuTemplate({ isMac: false, isPackaged: false }))).toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ isMac: true, isPackaged: true }))[0]).toBe('appMenu');
  });
});
