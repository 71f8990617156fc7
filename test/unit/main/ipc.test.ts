import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../shared/envelope';
import type { VigilEvent } from '../../../shared/events';
import { createEventForwarder, createIpcHandler } from '../../../electron/main/ipc';
import type { FrameLike } from '../../../electron/main/security';

function setup(mainFrame: FrameLike | null = { url: 'app://vigil/index.html' }) {
  const reply: Envelope<unknown> = { ok: true, value: { state: 'locked' } };
  const dispatch = vi.fn(async (_name: string, _input: unknown) => reply);
  const handler = createIpcHandler({ dispatch }, () => mainFrame);
  return { dispatch, handler, mainFrame, reply };
}

const untrusted = { ok: false, error: { code: 'VALIDATION', message: 'untrusted sender' } };

describe('createIpcHandler', () => {
  it('dispatches a call from our main frame with its name and input, and returns the envelope', async () => {
    const { dispatch, handler, mainFrame, reply } = setup();
    const input = { filters: [] };
    const result = await handler({ senderFrame: mainFrame }, 'vault.status', input);
    expect(result).toBe(reply);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch).toHaveBeenCalledWith('vault.status', input);
  });

  it('refuses a subframe without dispatching', async () => {
    const { dispatch, handler } = setup();
    const result = await handler({ senderFrame: { url: 'app://vigil/index.html' } }, 'vault.status', {});
    expect(result).toEqual(untrusted);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses our main frame once it left the app', async () => {
    const mainFrame = { url: 'https://evil.example/' };
    const { dispatch, handler } = setup(mainFrame);
    expect(await handler({ senderFrame: mainFrame }, 'vault.status', {})).toEqual(untrusted);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call with no sender frame, or after the window closed', async () => {
    const open = setup();
    expect(await open.handler({ senderFrame: null }, 'vault.status', {})).toEqual(untrusted);
    const closed = setup(null);
    expect(await closed.handler({ senderFrame: { url: 'app://vigil/index.html' } }, 'vault.status', {})).toEqual(untrusted);
    expect(open.dispatch).not.toHaveBeenCalled();
    expect(closed.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a name that is not a string', async () => {
    const { dispatch, handler, mainFrame } = setup();
    for (const name of [undefined, 42, { toString: () => 'vault.status' }, ['vault.status']]) {
      const result = await handler({ senderFrame: mainFrame }, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a core that throws into an INTERNAL envelope without leaking the error', async () => {
    const mainFrame = { url: 'app://vigil/index.html' };
    const dispatch = vi.fn(async () => {
      throw new Error('SQLITE_CORRUPT at /home/officer/vault.db');
    });
    const handler = createIpcHandler({ dispatch }, () => mainFrame);
    const result = await handler({ senderFrame: mainFrame }, 'vault.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('vault.db');
  });
});

describe('createEventForwarder', () => {
  const event: VigilEvent = { name: 'areas.changed', payload: { ids: ['a'] } };

  it('sends core events on rpc:event', () => {
    const send = vi.fn();
    const forward = createEventForwarder(() => ({ isDestroyed: () => false, send }));
    forward(event);
    expect(send).toHaveBeenCalledWith('rpc:event', event);
  });

  it('skips a window that is closed or destroyed', () => {
    const send = vi.fn();
    createEventForwarder(() => null)(event);
    createEventForwarder(() => ({ isDestroyed: () => true, send }))(event);
    expect(send).not.toHaveBeenCalled();
  });
});
