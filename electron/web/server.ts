import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { WEB_API } from '../../shared/bridge';
import type { Envelope } from '../../shared/envelope';
import { contentRange, parseByteRange, unsatisfiedRange } from '../../shared/http/range';
import type { Core, Logger } from '../core/types';
import { serveBasemap } from '../core/map/basemapFiles';
import { CONTENT_SECURITY_POLICY, hasValidToken, isAllowedHost, isAllowedOrigin, isLoopbackAddress } from './security';

export interface WebServerOptions {
  core: Core;
  staticDir: string;
  token: string;
  port: number;
  logger: Logger;
  /** Tests only: bind elsewhere to prove the server refuses it. */
  host?: string;
}

export interface WebServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

const RPC_BODY_LIMIT = 16 * 1024 * 1024;
const WEB_BASEMAPS = '/api/basemaps/';
const UPLOAD_LIMIT = 256 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pmtiles': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const sendEnvelope = (res: ServerResponse, envelope: Envelope<unknown>) =>
  send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');

/**
 * Browser mode: the built renderer and the core's dispatch on 127.0.0.1 only. Every request must carry
 * our Host; API requests also need the per-launch token and, when the browser sends one, our Origin.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, token, logger } = options;
  const staticRoot = path.resolve(options.staticDir);
  let port = options.port;

  const handleStatic = (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticRoot, relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) return send(res, 404, 'Not found', 'text/plain');
    fs.readFile(file, (error, data) => {
      if (error) return send(res, 404, 'Not found', 'text/plain');
      const headers = {
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-frame-options': 'DENY',
        'cross-origin-opener-policy': 'same-origin',
        'accept-ranges': 'bytes',
      };
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      // Byte ranges: the map reads its PMTiles basemap a directory and a tile at a time.
      const range = parseByteRange(req.headers.range, data.length);
      if (range.kind === 'unsatisfiable') {
        return send(res, 416, '', type, { ...headers, 'content-range': unsatisfiedRange(data.length) });
      }
      if (range.kind === 'partial') {
        return send(res, 206, data.subarray(range.start, range.end + 1), type, {
          ...headers,
          'content-range': contentRange(range.start, range.end, data.length),
        });
      }
      send(res, 200, data, type, headers);
    });
  };

  const handleRpc = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain');
    let input: unknown;
    try {
      const body = await readBody(req, RPC_BODY_LIMIT);
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (error) {
      const message = error instanceof BodyTooLarge ? 'The request is too large.' : 'The request body is not valid JSON.';
      return sendEnvelope(res, { ok: false, error: { code: 'VALIDATION', message } });
    }
    sendEnvelope(res, await core.dispatch(decodeURIComponent(name), input));
  };

  const handleUpload = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain');
    const name = (url.searchParams.get('name') ?? 'upload').slice(0, 255);
    try {
      const bytes = await readBody(req, UPLOAD_LIMIT);
      sendEnvelope(res, { ok: true, value: { uploadId: core.uploads.put(name, bytes) } });
    } catch (error) {
      const message =
        error instanceof BodyTooLarge ? `The file is larger than ${UPLOAD_LIMIT / 1024 / 1024} MiB.` : 'The upload could not be kept.';
      sendEnvelope(res, { ok: false, error: { code: 'IO', message } });
    }
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    const unsubscribe = core.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    // A comment line now and then keeps idle proxies and the browser from closing the stream.
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  };

  const server = http.createServer((req, res) => {
    if (!isAllowedHost(req, port)) return send(res, 403, 'Forbidden host', 'text/plain');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url.pathname.startsWith('/api/')) return handleStatic(req, res, url.pathname);
    if (!isAllowedOrigin(req, port)) return send(res, 403, 'Forbidden origin', 'text/plain');
    if (!hasValidToken(req, token)) return send(res, 401, 'Missing or wrong token', 'text/plain');
    if (url.pathname.startsWith(WEB_API.rpc)) {
      return void handleRpc(req, res, url.pathname.slice(WEB_API.rpc.length)).catch((error: unknown) => {
        logger.error('rpc failed', { error: (error as Error).message });
        if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
      });
    }
    if (url.pathname === WEB_API.upload) return void handleUpload(req, res, url);
    if (url.pathname === WEB_API.events && req.method === 'GET') return handleEvents(req, res);
    // User basemaps (public map data copied into the data dir): PMTiles by byte range, MBTiles by z/x/y.
    if (url.pathname.startsWith(WEB_BASEMAPS) && (req.method === 'GET' || req.method === 'HEAD')) {
      const answer = serveBasemap(core.dataDir, url.pathname.slice(WEB_BASEMAPS.length), req.headers.range);
      res.writeHead(answer.status, { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...answer.headers });
      return void res.end(req.method === 'HEAD' ? undefined : (answer.body ?? undefined));
    }
    send(res, 404, 'Not found', 'text/plain');
  });

  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackAddress(host)) {
    return Promise.reject(new Error(`refusing to listen on ${host}: browser mode only listens on the loopback address`));
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#${WEB_API.tokenFragment}=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
