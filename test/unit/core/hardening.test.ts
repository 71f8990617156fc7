import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeCore, makeUnlockedCore, PASSPHRASE } from '../helpers/testCore';

const NEW_PASSPHRASE = 'violet-compass-meadow-48';
const WRONG = 'not-the-passphrase-at-all';

let core: Core | undefined;
afterEach(() => {
  core?.close();
  vi.restoreAllMocks();
});

/** A clock the test moves by hand: the lockout is checked without sleeping. */
function manualClock(start = '2026-11-05T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

async function lockedCoreWithClock() {
  const clock = manualClock();
  const first = await makeUnlockedCore({ now: clock.now });
  first.close();
  core = makeCore({ dataDir: first.dataDir, now: clock.now });
  return { core, clock };
}

const retryAfter = (envelope: Awaited<ReturnType<typeof callRaw>>) =>
  envelope.ok ? null : ((envelope.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 0);

describe('lockout after wrong passphrases', () => {
  it('allows 3 free attempts, then doubles the wait up to 5 minutes, and refuses even the right passphrase meanwhile', async () => {
    const { core: c, clock } = await lockedCoreWithClock();
    for (let i = 0; i < 3; i++) {
      const r = await callRaw(c, 'vault.unlock', { passphrase: WRONG });
      expect(r).toMatchObject({ ok: false, error: { code: 'LOCKED', message: 'Wrong passphrase. The vault stays locked.' } });
    }
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await callRaw(c, 'vault.unlock', { passphrase: WRONG });
      expect(r).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/wait \d+ s/) } });
      waits.push(retryAfter(r) ?? -1);
      // During the wait even the right passphrase is refused, without running the KDF.
      const early = await callRaw(c, 'vault.unlock', { passphrase: PASSPHRASE });
      expect(early).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      expect((await call(c, 'vault.status', {})).unlockRetryAt).not.toBeNull();
      clock.advance((retryAfter(r) ?? 0) * 1000 - 1000);
      expect(retryAfter(await callRaw(c, 'vault.unlock', { passphrase: PASSPHRASE }))).toBe(1);
      clock.advance(1000);
    }
    expect(waits).toEqual([30, 60, 120, 240, 300, 300]);
    // The wait is over: the right passphrase opens the vault and resets the counter.
    await call(c, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(fs.existsSync(path.join(c.dataDir, 'vault.lockout.json'))).toBe(false);
    await call(c, 'vault.lock', {});
    for (let i = 0; i < 3; i++) expect(retryAfter(await callRaw(c, 'vault.unlock', { passphrase: WRONG }))).toBe(0);
  });

  it('survives a restart through a state file that holds only a counter and a time', async () => {
    const { core: c, clock } = await lockedCoreWithClock();
    for (let i = 0; i < 4; i++) await callRaw(c, 'vault.unlock', { passphrase: WRONG });
    c.close();
    const state = JSON.parse(fs.readFileSync(path.join(c.dataDir, 'vault.lockout.json'), 'utf8'));
    expect(Object.keys(state).sort()).toEqual(['failures', 'lastFailureAt']);
    expect(state.failures).toBe(4);
    expect(fs.statSync(path.join(c.dataDir, 'vault.lockout.json')).mode & 0o077).toBe(0);

    core = makeCore({ dataDir: c.dataDir, now: clock.now });
    expect(retryAfter(await callRaw(core, 'vault.unlock', { passphrase: PASSPHRASE }))).toBe(30);
    // A clock set backwards does not shorten the wait.
    clock.advance(-3_600_000);
    expect(retryAfter(await callRaw(core, 'vault.unlock', { passphrase: PASSPHRASE }))).toBe(30);
    clock.advance(3_600_000 + 30_000);
    await call(core, 'vault.unlock', { passphrase: PASSPHRASE });
  });

  it('keeps the delay in memory when the state file is deleted or cannot be written', async () => {
    const { core: c, clock } = await lockedCoreWithClock();
    for (let i = 0; i < 4; i++) await callRaw(c, 'vault.unlock', { passphrase: WRONG });
    fs.rmSync(path.join(c.dataDir, 'vault.lockout.json'));
    expect(retryAfter(await callRaw(c, 'vault.unlock', { passphrase: PASSPHRASE }))).toBe(30);
    clock.advance(30_000);
    await call(c, 'vault.unlock', { passphrase: PASSPHRASE });
  });

  it('counts parallel guesses one by one', async () => {
    const { core: c } = await lockedCoreWithClock();
    const results = await Promise.all(Array.from({ length: 6 }, () => callRaw(c, 'vault.unlock', { passphrase: WRONG })));
    expect(results.filter((r) => (retryAfter(r) ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(fs.readFileSync(path.join(c.dataDir, 'vault.lockout.json'), 'utf8')).failures).toBe(4);
  });
});

describe('change passphrase', () => {
  it('re-wraps the key under a new salt: the new passphrase opens the vault, the old one no longer does', async () => {
    core = await makeUnlockedCore();
    await call(core, 'premises.create', { name: 'Kept office', type: 'office' });
    const before = JSON.parse(fs.readFileSync(path.join(core.dataDir, 'vault.json'), 'utf8'));
    await call(core, 'vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE });
    const after = JSON.parse(fs.readFileSync(path.join(core.dataDir, 'vault.json'), 'utf8'));
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    await call(core, 'vault.lock', {});
    expect(await callRaw(core, 'vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await call(core, 'vault.unlock', { passphrase: NEW_PASSPHRASE });
    expect((await call(core, 'premises.list', {})).rows.map((p) => p.name)).toContain('Kept office');
    const trail = await call(core, 'audit.list', { endRow: 5 });
    expect(trail.rows.some((r) => r.action === 'changePassphrase' && JSON.stringify(r).includes(NEW_PASSPHRASE) === false)).toBe(true);
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('refuses a wrong current passphrase or a weak new one, and changes nothing', async () => {
    core = await makeUnlockedCore();
    const header = fs.readFileSync(path.join(core.dataDir, 'vault.json'));
    expect(await callRaw(core, 'vault.changePassphrase', { currentPassphrase: WRONG, newPassphrase: NEW_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'currentPassphrase' }] } },
    });
    expect(await callRaw(core, 'vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'password1234' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'newPassphrase' }] } },
    });
    expect(fs.readFileSync(path.join(core.dataDir, 'vault.json'))).toEqual(header);
    expect((await call(core, 'vault.status', {})).state).toBe('unlocked');
  });

  // The header write is: open temp, write, fsync, close, rename, fsync folder. A crash is simulated by
  // making each step throw in turn; whatever step fails, one of the two passphrases still opens the vault.
  it.each(['openSync', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync', 'readFileSync'] as const)(
    'a failure at %s leaves the old or the new passphrase working, never neither',
    async (step) => {
      core = await makeUnlockedCore();
      const dataDir = core.dataDir;
      const real = fs[step] as (...args: unknown[]) => unknown;
      let armed = true;
      // The first read of vault.json checks the current passphrase; the second is the write's read-back.
      let skip = step === 'readFileSync' ? 1 : 0;
      vi.spyOn(fs, step).mockImplementation(((...args: unknown[]) => {
        const target = String(args[step === 'renameSync' ? 1 : 0]);
        // openSync/writeSync/fsyncSync/closeSync of the temp header, rename onto vault.json, read-back.
        const isHeaderWrite = step === 'writeSync' || step === 'fsyncSync' || step === 'closeSync' || target.includes('vault.json');
        if (armed && isHeaderWrite && skip-- <= 0) {
          armed = false;
          if (step === 'closeSync' || step === 'readFileSync') real(...args);
          throw Object.assign(new Error(`simulated crash at ${step}`), { code: 'EIO' });
        }
        return real(...args);
      }) as never);
      const result = await callRaw(core, 'vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE });
      vi.restoreAllMocks();
      core.close();
      const opens = async (passphrase: string) => {
        const c = makeCore({ dataDir });
        const r = await callRaw(c, 'vault.unlock', { passphrase });
        c.close();
        return r.ok;
      };
      const oldWorks = await opens(PASSPHRASE);
      const newWorks = await opens(NEW_PASSPHRASE);
      expect(oldWorks || newWorks).toBe(true);
      expect(oldWorks && newWorks).toBe(false);
      outcomes.add(oldWorks ? 'old' : 'new');
      // Reporting failure while the new one took effect would strand the officer; say what is true.
      expect(result.ok).toBe(newWorks);
      if (!result.ok) expect(result.error.message).toMatch(/the old one still opens the vault/);
    },
  );

  const outcomes = new Set<string>();
  it('both outcomes actually occurred in the simulated crashes above', () => {
    expect([...outcomes].sort()).toEqual(['new', 'old']);
  });
});

describe('tamper-evident audit trail', () => {
  async function coreWithTrail() {
    const c = await makeUnlockedCore();
    for (let i = 0; i < 4; i++) await call(c, 'premises.create', { name: `Office ${i}`, type: 'office' });
    const { total } = await call(c, 'audit.list', { endRow: 1 });
    return { c, total };
  }

  it('verifies an untouched trail and seals its head into the header', async () => {
    const { c, total } = await coreWithTrail();
    core = c;
    expect(await call(c, 'audit.verify', {})).toEqual({ ok: true, rows: total, firstBadSeq: null, problem: null });
    const header = JSON.parse(fs.readFileSync(path.join(c.dataDir, 'vault.json'), 'utf8'));
    expect(header.audit.rows).toBe(total);
    expect(header.audit.mac).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(['first', 'middle', 'last'] as const)('names the %s row when it is altered', async (which) => {
    const { c, total } = await coreWithTrail();
    core = c;
    const seq = which === 'first' ? 1 : which === 'last' ? total : Math.ceil(total / 2);
    await tamper(c, `UPDATE audit_log SET actor = 'Someone else' WHERE seq = ${seq}`);
    expect(await call(c, 'audit.verify', {})).toMatchObject({ ok: false, firstBadSeq: seq });
  });

  it.each(['first', 'middle', 'last'] as const)('names the %s row when it is deleted', async (which) => {
    const { c, total } = await coreWithTrail();
    core = c;
    const seq = which === 'first' ? 1 : which === 'last' ? total : Math.ceil(total / 2);
    await tamper(c, `DELETE FROM audit_log WHERE seq = ${seq}`);
    expect(await call(c, 'audit.verify', {})).toMatchObject({ ok: false, firstBadSeq: seq, problem: expect.stringMatching(/missing/) });
    // Still reported after a restart: unlocking does not "repair" the sealed head over the evidence.
    c.close();
    core = makeCore({ dataDir: c.dataDir });
    await call(core, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: false, firstBadSeq: seq });
  });

  it('catches the last two rows deleted, and a forged head in the header', async () => {
    const { c, total } = await coreWithTrail();
    core = c;
    await tamper(c, `DELETE FROM audit_log WHERE seq >= ${total - 1}`);
    expect(await call(c, 'audit.verify', {})).toMatchObject({ ok: false, firstBadSeq: total - 1 });
    const file = path.join(c.dataDir, 'vault.json');
    const header = JSON.parse(fs.readFileSync(file, 'utf8'));
    header.audit.rows = total - 2;
    fs.writeFileSync(file, JSON.stringify(header));
    expect(await call(c, 'audit.verify', {})).toMatchObject({ ok: false, problem: expect.stringMatching(/MAC/) });
  });
});

/** Runs SQL on the vault database behind core's back, as someone with the key and a database tool would. */
async function tamper(c: Core, sql: string) {
  const dbFile = path.join(c.dataDir, 'vault.db');
  const { openDb } = await import('../../../db/openDb');
  const { readHeader } = await import('../../../electron/core/vault/header');
  const { deriveKey } = await import('../../../electron/core/vault/kdf');
  const { unwrapKey } = await import('../../../electron/core/vault/keyWrap');
  const header = readHeader(path.join(c.dataDir, 'vault.json'), true);
  const key = unwrapKey(header.wrappedKey, await deriveKey(PASSPHRASE, header.kdf));
  const db = openDb(dbFile, { key });
  db.sqlite.exec(sql);
  db.sqlite.close();
}

describe('emergency erase', () => {
  it('refuses without the typed confirmation and erases nothing', async () => {
    core = await makeUnlockedCore();
    expect(await callRaw(core, 'vault.erase', { confirmation: 'erase please' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call(core, 'vault.status', {})).state).toBe('unlocked');
  });

  it.each(['ERASE', 'Test delegation'])('with "%s" destroys the key: nothing in the data dir opens with the old passphrase', async (typed) => {
    core = await makeUnlockedCore();
    const dataDir = core.dataDir;
    const oldHeader = fs.readFileSync(path.join(dataDir, 'vault.json'));
    const status = await call(core, 'vault.erase', { confirmation: typed });
    expect(status.state).toBe('absent');
    expect(fs.readdirSync(dataDir)).toEqual([]);
    core.close();
    core = makeCore({ dataDir });
    expect((await callRaw(core, 'vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(false);
    expect(oldHeader.length).toBeGreaterThan(0);
  });
});
