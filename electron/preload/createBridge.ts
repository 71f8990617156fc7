import { RPC_EVENT_CHANNEL, RPC_INVOKE_CHANNEL, type VigilBridge } from '../../shared/bridge';
import type { Envelope } from '../../shared/envelope';
import { EVENT_NAMES, type EventName, type VigilEvent } from '../../shared/events';

/** The part of ipcRenderer the bridge uses; a fake in tests. */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

function isVigilEvent(value: unknown): value is VigilEvent {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

/**
 * window.vigil: two functions and nothing else. Neither ipcRenderer nor the IPC event object reaches the
 * page: listeners receive only the event main sent, invoke only the envelope.
 */
export function createBridge(ipc: IpcLike): VigilBridge {
  const bridge: VigilBridge = {
    invoke(name: string, input: unknown): Promise<Envelope<unknown>> {
      return ipc.invoke(RPC_INVOKE_CHANNEL, name, input) as Promise<Envelope<unknown>>;
    },
    on(event: EventName | '*', listener: (event: VigilEvent) => void): () => void {
      if (event !== '*' && !KNOWN_EVENTS.has(event)) throw new TypeError(`Unknown event: ${String(event)}`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      const wrapped = (_ipcEvent: unknown, payload: unknown): void => {
        if (!isVigilEvent(payload)) return;
        if (event === '*' || payload.name === event) listener({ name: payload.name, payload: payload.payload });
      };
      ipc.on(RPC_EVENT_CHANNEL, wrapped);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(RPC_EVENT_CHANNEL, wrapped);
      };
    },
  };
  return Object.freeze(bridge);
}
