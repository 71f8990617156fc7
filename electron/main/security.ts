/**
 * The desktop window's security policy as pure functions, so that every rule is unit-tested without
 * Electron. index.ts only wires them to Electron's hooks.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'vigil';
export const APP_ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_ORIGIN_PREFIX}index.html`;

/** The one permission the renderer may hold: movements raise OS notifications. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** Schemes a renderer request may use; everything else (http, https, ws, file, ftp...) is cancelled. */
const ALLOWED_REQUEST_SCHEMES: ReadonlySet<string> = new Set(['data:', 'blob:', 'devtools:']);

const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // AG Grid and MapLibre set inline styles; scripts stay strictly 'self'.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  // MapLibre starts its workers from blob: URLs.
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The Content-Security-Policy header sent with every file of the app:// protocol. */
export function buildCsp(): string {
  return CSP_DIRECTIVES.map(([directive, value]) => `${directive} ${value}`).join('; ');
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for app://vigil/... with no credentials and no port: our own origin and nothing that mimics it. */
export function isAppUrl(url: string): boolean {
  if (typeof url !== 'string' || !url.startsWith(APP_ORIGIN_PREFIX)) return false;
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/** A top-level or frame navigation may only stay inside the app. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** The network filter: the app's own files, inline data, blobs and devtools; never remote content. */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parseUrl(url);
  return parsed !== null && ALLOWED_REQUEST_SCHEMES.has(parsed.protocol);
}

/** The part of a WebFrameMain these checks read; Electron's frames satisfy it structurally. */
export interface FrameLike {
  readonly url: string;
}

/**
 * An IPC call is trusted only from the main frame of our own window while it shows our own page: not a
 * subframe, not another window, not a frame that navigated away.
 */
export function isTrustedSender(senderFrame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!senderFrame || !mainFrame || senderFrame !== mainFrame) return false;
  try {
    return isAppUrl(senderFrame.url);
  } catch {
    // Electron throws when a disposed frame is read: a frame that is gone is not trusted.
    return false;
  }
}

/** Permission requests and checks: only notifications, and only for our own origin. */
export function isAllowedPermission(permission: string, requestingUrl: string | undefined): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission) || !requestingUrl) return false;
  // Permission checks pass an origin ("app://vigil") where requests pass a full URL.
  return isAppUrl(requestingUrl) || isAppUrl(`${requestingUrl}/`);
}
