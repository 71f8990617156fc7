import { serveBasemap } from '../core/map/basemapFiles';
import { APP_HOST, APP_SCHEME } from './security';
import { securityHeaders } from './appFiles';

/**
 * User basemaps in the desktop app: app://vigil/_basemaps/<id>.pmtiles (with HTTP Range, as PMTiles
 * reads a directory and a tile at a time) and app://vigil/_basemaps/<id>/<z>/<x>/<y>.<ext> for MBTiles.
 * Served under our own origin, so neither the CSP nor the request filter needs another scheme.
 */
export const BASEMAP_URL_PREFIX = '/_basemaps/';

export function createBasemapAwareHandler(
  appFiles: (request: Request) => Promise<Response>,
  dataDir: () => string | null,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return appFiles(request);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || !url.pathname.startsWith(BASEMAP_URL_PREFIX)) return appFiles(request);
    const headers = { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' };
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers });
    const dir = dataDir();
    if (!dir) return new Response('Not found', { status: 404, headers });
    const answer = serveBasemap(dir, url.pathname.slice(BASEMAP_URL_PREFIX.length), request.headers.get('range'));
    const out: Record<string, string> = { ...securityHeaders() };
    for (const [k, v] of Object.entries(answer.headers)) out[k.replace(/(^|-)([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase())] = v;
    if (answer.body) out['Content-Length'] = String(answer.body.byteLength);
    const body = request.method === 'HEAD' || !answer.body || answer.status === 204 ? null : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: out });
  };
}
