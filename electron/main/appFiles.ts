import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentRange, parseByteRange, unsatisfiedRange } from '../../shared/http/range';
import { APP_HOST, APP_SCHEME, buildCsp } from './security';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.pmtiles': 'application/octet-stream',
};

/** The Content-Type for a file name; unknown types are served as opaque bytes (never sniffed: see nosniff). */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(rootDir: string, candidate: string): boolean {
  const relative = path.relative(rootDir, candidate);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/**
 * Maps an app://vigil/... URL to a file under rootDir, or null when the URL is not ours, leaves rootDir
 * (plain, encoded or absolute), or names no regular file. "/" and folders ending in "/" mean index.html.
 */
export async function resolveAppFile(rootDir: string, requestUrl: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.port !== '') return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows and a NUL truncates paths in native code: neither has a use here.
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';

  const relative = pathname.replace(/^\/+/, '');
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;

  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, relative);
  if (!isInside(root, candidate)) return null;

  try {
    const info = await stat(candidate);
    return info.isFile() ? candidate : null;
  } catch {
    return null;
  }
}

/** Headers every app:// response carries, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The protocol.handle('app', ...) handler: read-only files of the built renderer, nothing else. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const file = await resolveAppFile(rootDir, request.url);
    if (!file) return textResponse(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return textResponse(404, 'Not found');
    }
    const headers = { ...securityHeaders(), 'Content-Type': mimeTypeFor(file), 'Accept-Ranges': 'bytes' };
    // Byte ranges: the map reads its PMTiles basemap a directory and a tile at a time.
    const range = parseByteRange(request.headers.get('range'), body.byteLength);
    if (range.kind === 'unsatisfiable') {
      return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': unsatisfiedRange(body.byteLength) } });
    }
    const part = range.kind === 'partial' ? body.subarray(range.start, range.end + 1) : body;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(part), {
      status: range.kind === 'partial' ? 206 : 200,
      headers: {
        ...headers,
        'Content-Length': String(part.byteLength),
        ...(range.kind === 'partial' ? { 'Content-Range': contentRange(range.start, range.end, body.byteLength) } : {}),
      },
    });
  };
}
