import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeCore, makeUnlockedCore, PASSPHRASE, tempDir } from '../helpers/testCore';

let core: Core | undefined;
afterEach(() => core?.close());

describe('vault lifecycle through dispatch', () => {
  it('starts absent, creates, locks and unlocks with the right passphrase only', async () => {
    core = makeCore();
    expect((await call(core, 'vault.status', {})).state).toBe('absent');
    await call(core, 'vault.create', { delegationName: 'D', officerName: 'O', timeZone: 'UTC', passphrase: PASSPHRASE });
    expect((await call(core, 'vault.status', {})).state).toBe('unlocked');
    await call(core, 'vault.lock', {});
    expect((await call(core, 'vault.status', {})).state).toBe('locked');

    const wrong = await callRaw(core, 'vault.unlock', { passphrase: 'not-the-passphrase-at-all' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/wrong passphrase/i) } });
    expect((await call(core, 'vault.status', {})).state).toBe('locked');

    await call(core, 'vault.unlock', { passphrase: PASSPHRASE });
    expect((await call(core, 'settings.get', {})).delegationName).toBe('D');
  });

  it('keeps the vault files readable by their owner only', async () => {
    core = await makeUnlockedCore();
    for (const name of fs.readdirSync(core.dataDir)) {
      expect((fs.statSync(path.join(core.dataDir, name)).mode & 0o077).toString(8)).toBe('0');
    }
    expect(fs.statSync(core.dataDir).mode & 0o077).toBe(0);
  });

  it('refuses a weak passphrase and creates nothing', async () => {
    core = makeCore();
    const result = await callRaw(core, 'vault.create', { delegationName: 'D', officerName: 'O', timeZone: 'UTC', passphrase: 'password1234' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(fs.existsSync(core.dataDir) ? fs.readdirSync(core.dataDir) : []).toEqual([]);
  });

  it('refuses to create over an existing vault and leaves it intact', async () => {
    core = await makeUnlockedCore();
    const before = fs.readFileSync(path.join(core.dataDir, 'vault.json'));
    const again = await callRaw(core, 'vault.create', { delegationName: 'X', officerName: 'Y', timeZone: 'UTC', passphrase: 'another-strong-pass-phrase-9' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fs.readFileSync(path.join(core.dataDir, 'vault.json'))).toEqual(before);
  });

  it('keeps commands other than vault.* locked out until unlock', async () => {
    core = await makeUnlockedCore();
    await call(core, 'vault.lock', {});
    expect(await callRaw(core, 'premises.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('writes a database that plain SQLite and a wrong key cannot read', async () => {
    core = await makeUnlockedCore();
    await call(core, 'premises.create', { name: 'Zanzibar-Kestrel-Office', type: 'office' });
    core.close();
    const file = path.join(core.dataDir, 'vault.db');
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM premises').get()).toThrow(/not a database|encrypted/i);
    plain.close();
    for (const name of fs.readdirSync(core.dataDir)) {
      expect(fs.readFileSync(path.join(core.dataDir, name)).includes('Zanzibar-Kestrel-Office')).toBe(false);
    }
  });

  it('says clearly when the header is damaged, and changes nothing', async () => {
    core = await makeUnlockedCore();
    core.close();
    const header = path.join(core.dataDir, 'vault.json');
    fs.writeFileSync(header, '{"format": "vigil-vault", garbage');
    const result = await callRaw(core, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/header is damaged/i) } });
    expect(fs.readFileSync(header, 'utf8')).toContain('garbage');
  });

  it('says clearly when the database file is not a vault database', async () => {
    core = await makeUnlockedCore();
    core.close();
    const dbFile = path.join(core.dataDir, 'vault.db');
    fs.rmSync(`${dbFile}-wal`, { force: true });
    fs.rmSync(`${dbFile}-shm`, { force: true });
    fs.writeFileSync(dbFile, 'this is not a database at all');
    const result = await callRaw(core, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/damaged or is not a Vigil database/) } });
    expect(fs.readFileSync(dbFile, 'utf8')).toBe('this is not a database at all');
  });

  it('reports an unwritable data dir without creating anything', async () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    core = makeCore({ dataDir: path.join(blocker, 'vault') });
    const result = await callRaw(core, 'vault.create', { delegationName: 'D', officerName: 'O', timeZone: 'UTC', passphrase: PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/cannot be written/) } });
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder');
  });

  it('creates a demo vault marked as demo, with areas, phases and premises', async () => {
    core = await makeUnlockedCore({ demo: true });
    expect((await call(core, 'vault.status', {})).isDemo).toBe(true);
    const areas = await call(core, 'areas.list', {});
    expect(areas.length).toBeGreaterThan(5);
    expect(areas.every((a) => a.path.includes('(fictional)'))).toBe(true);
    const premises = await call(core, 'premises.list', {});
    expect(premises.total).toBeGreaterThan(5);
  });

  it('makes the same demo content for the same seed', async () => {
    const names = async (seed: number) => {
      const c = makeCore();
      await call(c, 'vault.create', { delegationName: 'D', officerName: 'O', timeZone: 'UTC', passphrase: PASSPHRASE, demo: true, seed });
      const page = await call(c, 'premises.list', { endRow: 100 });
      c.close();
      return page.rows.map((p) => [p.name, p.address, p.latitude, p.focalPoint]);
    };
    expect(await names(7)).toEqual(await names(7));
    expect(await names(7)).not.toEqual(await names(8));
  });
});
