import { describe, expect, it } from 'vitest';
import {
  buildCsp,
  isAllowedNavigation,
  isAllowedPermission,
  isAllowedRequestUrl,
  isTrustedSender,
  type FrameLike,
} from '../../../electron/main/security';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name ?? '', values];
    }),
  );
}

describe('buildCsp', () => {
  const csp = buildCsp();
  const parsed = directives(csp);

  it('allows scripts from the app itself only', () => {
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('wasm-unsafe-eval');
    expect(parsed.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('names no remote host, scheme wildcard or insecure transport', () => {
    for (const [name, values] of parsed) {
      for (const value of values) {
        expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
      }
    }
    expect(csp).not.toMatch(/https?:|wss?:|\*/);
  });

  it('forbids plugins, base rewriting, form posts and framing', () => {
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
    expect(parsed.get('connect-src')).toEqual(["'self'"]);
    expect(parsed.get('worker-src')).toEqual(["'self'", 'blob:']);
  });
});

describe('isAllowedNavigation', () => {
  it('allows the app itself', () => {
    expect(isAllowedNavigation('app://vigil/')).toBe(true);
    expect(isAllowedNavigation('app://vigil/index.html#/incidents')).toBe(true);
  });

  it.each([
    'https://evil.example',
    'https://evil.example/app://vigil/',
    'http://127.0.0.1:3000/',
    'file:///etc/passwd',
    'app://other/',
    'app://vigil.evil.example/',
    'app://vigil@evil.example/',
    'app://user@vigil/',
    'app://vigil:8080/',
    'APP://other/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it.each([
    'app://vigil/assets/index.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://vigil/6f1c3c2e-0000-4000-8000-000000000000',
    'devtools://devtools/bundled/inspector.html',
  ])('lets %s through', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it.each([
    'https://tile.openstreetmap.org/1/1/1.png',
    'http://localhost:5173/',
    'ws://127.0.0.1:9000/',
    'wss://evil.example/',
    'file:///etc/passwd',
    'ftp://evil.example/',
    'app://other/index.html',
    'chrome://settings',
    'garbage',
  ])('cancels %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const frame = (url: string): FrameLike => ({ url });

  it('trusts the main frame of our window showing our page', () => {
    const mainFrame = frame('app://vigil/index.html');
    expect(isTrustedSender(mainFrame, mainFrame)).toBe(true);
  });

  it('refuses a subframe of our window, even one on our origin', () => {
    const mainFrame = frame('app://vigil/index.html');
    const subFrame = frame('app://vigil/index.html');
    expect(isTrustedSender(subFrame, mainFrame)).toBe(false);
  });

  it("refuses another window's main frame", () => {
    const ours = frame('app://vigil/index.html');
    const theirs = frame('app://vigil/index.html');
    expect(isTrustedSender(theirs, ours)).toBe(false);
  });

  it('refuses our main frame once it shows a foreign URL', () => {
    const mainFrame = frame('https://evil.example/');
    expect(isTrustedSender(mainFrame, mainFrame)).toBe(false);
  });

  it('refuses when either frame is gone', () => {
    const mainFrame = frame('app://vigil/index.html');
    expect(isTrustedSender(null, mainFrame)).toBe(false);
    expect(isTrustedSender(mainFrame, null)).toBe(false);
  });

  it('refuses a disposed frame whose URL cannot be read', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(disposed, disposed)).toBe(false);
  });
});

describe('isAllowedPermission', () => {
  it('grants notifications to the app only', () => {
    expect(isAllowedPermission('notifications', 'app://vigil/index.html')).toBe(true);
    expect(isAllowedPermission('notifications', 'app://vigil')).toBe(true);
    expect(isAllowedPermission('notifications', 'https://evil.example/')).toBe(false);
    expect(isAllowedPermission('notifications', 'app://vigil.evil')).toBe(false);
    expect(isAllowedPermission('notifications', undefined)).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'usb', 'serial', 'unknown'])(
    'denies %s even to the app',
    (permission) => {
      expect(isAllowedPermission(permission, 'app://vigil/index.html')).toBe(false);
    },
  );
});
