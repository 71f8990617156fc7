import { describe, expect, it, vi } from 'vitest';
import type { VigilEvent } from '../../../shared/events';
import { createBridge, type IpcLike } from '../../../electron/preload/createBridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, Listener[]>();
  const ipcEvent = { sender: { send: () => undefined }, ports: [], senderId: 0 };
  const ipc = {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 1 })),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
    }),
  } satisfies IpcLike;
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener(ipcEvent, payload);
  };
  const count = (channel: string): number => (listeners.get(channel) ?? []).length;
  return { ipc, emit, count, ipcEvent };
}

const areas: VigilEvent = { name: 'areas.changed', payload: { ids: ['a1'] } };
const locked: VigilEvent = { name: 'vault.locked', payload: {} };

describe('createBridge', () => {
  it('exposes invoke and on, and nothing else', () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('invokes rpc:invoke with the name and input and resolves to the envelope', async () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    await expect(bridge.invoke('areas.list', { parentId: null })).resolves.toEqual({ ok: true, value: 1 });
    expect(ipc.invoke).toHaveBeenCalledWith('rpc:invoke', 'areas.list', { parentId: null });
  });

  it('delivers only the events a listener asked for, and "*" all of them', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    const onAreas = vi.fn();
    const onAll = vi.fn();
    bridge.on('areas.changed', onAreas);
    bridge.on('*', onAll);
    emit('rpc:event', areas);
    emit('rpc:event', locked);
    expect(onAreas.mock.calls).toEqual([[areas]]);
    expect(onAll.mock.calls).toEqual([[areas], [locked]]);
  });

  it('never hands the IPC event object to the page', () => {
    const { ipc, emit, ipcEvent } = fakeIpc();
    const listener = vi.fn();
    createBridge(ipc).on('*', listener);
    emit('rpc:event', areas);
    expect(listener).toHaveBeenCalledTimes(1);
    const args = listener.mock.calls[0] ?? [];
    expect(args).toHaveLength(1);
    expect(args).not.toContain(ipcEvent);
    expect(Object.keys(args[0] as object).sort()).toEqual(['name', 'payload']);
  });

  it('ignores malformed payloads', () => {
    const { ipc, emit } = fakeIpc();
    const listener = vi.fn();
    createBridge(ipc).on('*', listener);
    emit('rpc:event', undefined);
    emit('rpc:event', 'areas.changed');
    emit('rpc:event', { payload: {} });
    expect(listener).not.toHaveBeenCalled();
  });

  it('unsubscribe removes exactly its own listener, once', () => {
    const { ipc, emit, count } = fakeIpc();
    const bridge = createBridge(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = bridge.on('areas.changed', first);
    bridge.on('areas.changed', second);
    expect(count('rpc:event')).toBe(2);

    offFirst();
    offFirst();
    expect(count('rpc:event')).toBe(1);
    expect(ipc.removeListener).toHaveBeenCalledTimes(1);

    emit('rpc:event', areas);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('listens on rpc:event only and refuses unknown event names', () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    bridge.on('vault.unlocked', () => undefined);
    expect(ipc.on).toHaveBeenCalledWith('rpc:event', expect.any(Function));
    expect(() => bridge.on('incidents.exploded' as never, () => undefined)).toThrow(TypeError);
    expect(ipc.on).toHaveBeenCalledTimes(1);
  });
});
