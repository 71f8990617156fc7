import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { silentLogger } from '../../../electron/core/log';
import { makeCore, tempDir } from '../helpers/testCore';
import type { Core } from '../../../electron/core/types';

const TOKEN = 'a'.repeat(64);
let server: WebServer;
let core: Core;

function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const rpc = (name: string, headers: Record<string, string>, body = '{}') =>
  request({ path: `/api/rpc/${name}`, method: 'POST', headers, body });

beforeAll(async () => {
  const staticDir = tempDir('vigil-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Vigil</title>');
  fs.writeFileSync(path.join(staticDir, 'world.pmtiles'), '0123456789');
  core = makeCore();
  server = await startWebServer({ core, staticDir, token: TOKEN, port: 0, logger: silentLogger });
});
afterAll(async () => {
  await server.close();
  core.close();
});

describe('browser-mode web adapter', () => {
  it('prints a loopback URL carrying the token in the fragment only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${TOKEN}`);
  });

  it('answers a call with the right token', async () => {
    const res = await rpc('vault.status', { 'x-vigil-token': TOKEN });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { state: 'absent' } });
  });

  it('refuses a missing or wrong token', async () => {
    expect((await rpc('vault.status', {})).status).toBe(401);
    expect((await rpc('vault.status', { 'x-vigil-token': 'b'.repeat(64) })).status).toBe(401);
    expect((await rpc('vault.status', { 'x-vigil-token': 'short' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding), even for the app page', async () => {
    expect((await rpc('vault.status', { 'x-vigil-token': TOKEN, host: 'evil.example' })).status).toBe(403);
    expect((await request({ path: '/', headers: { host: `attacker.test:${server.port}` } })).status).toBe(403);
  });

  it('refuses a wrong Origin', async () => {
    const res = await rpc('vault.status', { 'x-vigil-token': TOKEN, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('answers malformed JSON with a VALIDATION envelope', async () => {
    const res = await rpc('vault.status', { 'x-vigil-token': TOKEN }, '{not json');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('serves the app with a strict CSP and no path traversal', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request({ path: '/../../etc/passwd' })).status).toBe(404);
    expect((await request({ path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
  });

  it('honours byte ranges on static files (PMTiles basemap)', async () => {
    const part = await request({ path: '/world.pmtiles', headers: { range: 'bytes=2-5' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 2-5/10');
    expect(part.headers['accept-ranges']).toBe('bytes');
    expect(part.headers['content-security-policy']).toContain("script-src 'self'");
    expect(part.body).toBe('2345');
    const tail = await request({ path: '/world.pmtiles', headers: { range: 'bytes=-3' } });
    expect([tail.status, tail.body]).toEqual([206, '789']);
    const open = await request({ path: '/world.pmtiles', headers: { range: 'bytes=7-' } });
    expect([open.status, open.headers['content-range'], open.body]).toEqual([206, 'bytes 7-9/10', '789']);
    const beyond = await request({ path: '/world.pmtiles', headers: { range: 'bytes=10-20' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */10');
    const multiple = await request({ path: '/world.pmtiles', headers: { range: 'bytes=0-1,4-5' } });
    expect([multiple.status, multiple.body]).toEqual([200, '0123456789']);
    const plain = await request({ path: '/world.pmtiles' });
    expect([plain.status, plain.body]).toEqual([200, '0123456789']);
  });

  it('keeps uploads in memory and hands them out once', async () => {
    const res = await request({ path: '/api/upload?name=a.csv', method: 'POST', headers: { 'x-vigil-token': TOKEN }, body: 'a,b\n1,2\n' });
    const { value } = JSON.parse(res.body) as { value: { uploadId: string } };
    expect(core.uploads.take(value.uploadId)).toEqual({ name: 'a.csv', bytes: Buffer.from('a,b\n1,2\n') });
    expect(core.uploads.take(value.uploadId)).toBeUndefined();
  });

  it('refuses to listen on anything but loopback', async () => {
    await expect(
      startWebServer({ core, staticDir: tempDir(), token: TOKEN, port: 0, logger: silentLogger, host: '0.0.0.0' }),
    ).rejects.toThrow(/loopback/);
  });

  it('fails clearly on a busy port', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    await expect(startWebServer({ core, staticDir: tempDir(), token: TOKEN, port, logger: silentLogger })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
    blocker.close();
  });
});
