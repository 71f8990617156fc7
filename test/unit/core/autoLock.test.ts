import { afterEach, describe, expect, it } from 'vitest';
import type { VigilEvent } from '../../../shared/events';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';

const MINUTE = 60_000;

let core: Core | undefined;
afterEach(() => core?.close());

/** A clock the test moves by hand, and a core whose idle check only runs when the test calls it. */
async function idleCore() {
  let t = Date.parse('2026-11-05T08:00:00.000Z');
  const clock = { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
  core = await makeUnlockedCore({ now: clock.now, idleCheckMs: 0 });
  const events: VigilEvent[] = [];
  core.subscribe((e) => events.push(e));
  return { core, clock, events };
}

describe('auto-lock after the idle time', () => {
  it('defaults to 15 minutes, and only 1 to 240 minutes can be set (never "never")', async () => {
    const { core: c } = await idleCore();
    expect((await call(c, 'settings.get', {})).autoLockMinutes).toBe(15);
    for (const bad of [0, -5, 241, 1.5]) {
      expect(await callRaw(c, 'settings.update', { autoLockMinutes: bad })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect((await call(c, 'settings.update', { autoLockMinutes: 240 })).autoLockMinutes).toBe(240);
  });

  it('locks the vault after the idle time: key gone, LOCKED answers, one vault.locked event', async () => {
    const { core: c, clock, events } = await idleCore();
    await call(c, 'settings.update', { autoLockMinutes: 5 });
    clock.advance(5 * MINUTE - 1);
    expect(c.checkIdle()).toBe(false);
    expect((await call(c, 'vault.status', {})).state).toBe('unlocked');
    clock.advance(1);
    expect(c.checkIdle()).toBe(true);
    expect(events.filter((e) => e.name === 'vault.locked')).toHaveLength(1);
    expect((await call(c, 'vault.status', {})).state).toBe('locked');
    expect(await callRaw(c, 'premises.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    // Already locked: nothing more to do, no second event.
    expect(c.checkIdle()).toBe(false);
    expect(events.filter((e) => e.name === 'vault.locked')).toHaveLength(1);
  });

  it('is reset by every command and by vault.touch, but not by vault.status polling', async () => {
    const { core: c, clock } = await idleCore();
    clock.advance(14 * MINUTE);
    await call(c, 'settings.get', {});
    clock.advance(14 * MINUTE);
    expect(c.checkIdle()).toBe(false);
    await call(c, 'vault.touch', {});
    clock.advance(14 * MINUTE);
    expect(c.checkIdle()).toBe(false);
    // A window that only polls the status is not someone at the keyboard.
    await call(c, 'vault.status', {});
    clock.advance(MINUTE);
    expect(c.checkIdle()).toBe(true);
  });

  it('vault.touch writes nothing to the audit trail and is refused once locked', async () => {
    const { core: c } = await idleCore();
    const before = await call(c, 'audit.verify', {});
    await call(c, 'vault.touch', {});
    expect(await call(c, 'audit.verify', {})).toEqual(before);
    await call(c, 'vault.lock', {});
    expect(await callRaw(c, 'vault.touch', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
