import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveAppFile } from '../../../electron/main/appFiles';
import { buildCsp } from '../../../electron/main/security';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'vigil-appfiles-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Vigil</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'noto sans.woff2'), 'font');
  await writeFile(path.join(root, 'world.pmtiles'), '0123456789');
  // Real files next to the root: a traversal that worked would find them.
  await writeFile(path.join(base, 'secret.txt'), 'vault key');
  await mkdir(path.join(base, 'renderer-evil'));
  await writeFile(path.join(base, 'renderer-evil', 'x.js'), 'evil');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppFile', () => {
  it('serves files under the root and index.html for folders', async () => {
    expect(await resolveAppFile(root, 'app://vigil/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(await resolveAppFile(root, 'app://vigil/')).toBe(path.join(root, 'index.html'));
    expect(await resolveAppFile(root, 'app://vigil/index.html?x=1#/home')).toBe(path.join(root, 'index.html'));
    expect(await resolveAppFile(root, 'app://vigil/assets/noto%20sans.woff2')).toBe(path.join(root, 'assets', 'noto sans.woff2'));
  });

  it.each([
    'app://vigil/../secret.txt',
    'app://vigil/../../etc/passwd',
    'app://vigil/%2e%2e/secret.txt',
    'app://vigil/%2E%2E/secret.txt',
    'app://vigil/%2e%2e%2fsecret.txt',
    'app://vigil/..%2fsecret.txt',
    'app://vigil/assets/..%2f..%2fsecret.txt',
    'app://vigil/..%5csecret.txt',
    'app://vigil/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://vigil/..%2frenderer-evil/x.js',
    'app://vigil/%2e%2e%2frenderer-evil%2fx.js',
  ])('refuses the traversal %s', async (url) => {
    expect(await resolveAppFile(root, url)).toBeNull();
  });

  it('refuses absolute paths', async () => {
    const secret = path.join(base, 'secret.txt');
    expect(await resolveAppFile(root, `app://vigil/${secret}`)).toBeNull();
    expect(await resolveAppFile(root, `app://vigil/${encodeURIComponent(secret)}`)).toBeNull();
    expect(await resolveAppFile(root, 'app://vigil//etc/passwd')).toBeNull();
    expect(await resolveAppFile(root, 'app://vigil/%2Fetc%2Fpasswd')).toBeNull();
    expect(await resolveAppFile(root, 'app://vigil/C:/Windows/win.ini')).toBeNull();
  });

  it('refuses other hosts, schemes, NUL bytes and broken encodings', async () => {
    expect(await resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(await resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
    expect(await resolveAppFile(root, 'https://vigil/index.html')).toBeNull();
    expect(await resolveAppFile(root, 'app://vigil/index.html%00.png')).toBeNull();
    expect(await resolveAppFile(root, 'app://vigil/%E0%A4%A')).toBeNull();
  });

  it('returns null for missing files and folders', async () => {
    expect(await resolveAppFile(root, 'app://vigil/missing.js')).toBeNull();
    expect(await resolveAppFile(root, 'app://vigil/assets')).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b/index-abc.js', 'text/javascript; charset=utf-8'],
    ['worker.mjs', 'text/javascript; charset=utf-8'],
    ['style.CSS', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['logo.png', 'image/png'],
    ['noto.woff2', 'font/woff2'],
    ['data.json', 'application/json; charset=utf-8'],
    ['sqlite.wasm', 'application/wasm'],
    ['basemap.pmtiles', 'application/octet-stream'],
    ['unknown.xyz', 'application/octet-stream'],
    ['Makefile', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  it('serves a file with its type and the CSP', async () => {
    const handler = createAppProtocolHandler(root);
    const response = await handler(new Request('app://vigil/assets/index-abc.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(buildCsp());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 to a traversal, still with the CSP', async () => {
    const handler = createAppProtocolHandler(root);
    const response = await handler(new Request('app://vigil/%2e%2e/secret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('vault key');
    expect(response.headers.get('content-security-policy')).toBe(buildCsp());
  });

  it('refuses writes', async () => {
    const handler = createAppProtocolHandler(root);
    const response = await handler(new Request('app://vigil/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const handler = createAppProtocolHandler(root);
    const response = await handler(new Request('app://vigil/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('honours a byte range (PMTiles basemap)', async () => {
    const handler = createAppProtocolHandler(root);
    const part = await handler(new Request('app://vigil/world.pmtiles', { headers: { Range: 'bytes=2-5' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(part.headers.get('content-length')).toBe('4');
    expect(part.headers.get('content-security-policy')).toBe(buildCsp());
    expect(await part.text()).toBe('2345');

    const tail = await handler(new Request('app://vigil/world.pmtiles', { headers: { Range: 'bytes=-3' } }));
    expect(tail.status).toBe(206);
    expect(await tail.text()).toBe('789');

    const open = await handler(new Request('app://vigil/world.pmtiles', { headers: { Range: 'bytes=7-' } }));
    expect(open.headers.get('content-range')).toBe('bytes 7-9/10');
    expect(await open.text()).toBe('789');

    const past = await handler(new Request('app://vigil/world.pmtiles', { headers: { Range: 'bytes=4-99' } }));
    expect(past.headers.get('content-range')).toBe('bytes 4-9/10');
    expect(await past.text()).toBe('456789');
  });

  it('answers 416 to an unsatisfiable range and 200 to a malformed or multiple one', async () => {
    const handler = createAppProtocolHandler(root);
    const beyond = await handler(new Request('app://vigil/world.pmtiles', { headers: { Range: 'bytes=10-20' } }));
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */10');
    for (const range of ['bytes=5-2', 'items=0-1', 'bytes=0-1,4-5', 'bytes=abc']) {
      const full = await handler(new Request('app://vigil/world.pmtiles', { headers: { Range: range } }));
      expect(full.status).toBe(200);
      expect(await full.text()).toBe('0123456789');
    }
  });
});
