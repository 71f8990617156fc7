import { RPC_EVENT_CHANNEL } from '../../shared/bridge';
import { fail, type Envelope } from '../../shared/envelope';
import type { VigilEvent } from '../../shared/events';
import type { Core } from '../core/types';
import { isTrustedSender, type FrameLike } from './security';

/** The part of IpcMainInvokeEvent the handler reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

export type IpcInvokeHandler = (event: InvokeEventLike, name: unknown, input: unknown) => Promise<Envelope<unknown>>;

function senderIsTrusted(event: InvokeEventLike, getMainFrame: () => FrameLike | null): boolean {
  try {
    return isTrustedSender(event.senderFrame, getMainFrame());
  } catch {
    // Reading a window or frame that is being torn down throws: such a sender is not trusted.
    return false;
  }
}

/**
 * The rpc:invoke handler: refuses any sender but our own main frame before anything is dispatched, then
 * hands the call to the core, whose envelope crosses back unchanged.
 */
export function createIpcHandler(core: Pick<Core, 'dispatch'>, getMainFrame: () => FrameLike | null): IpcInvokeHandler {
  return async (event, name, input) => {
    if (!senderIsTrusted(event, getMainFrame)) return fail({ code: 'VALIDATION', message: 'untrusted sender' });
    if (typeof name !== 'string') return fail({ code: 'VALIDATION', message: 'The command name must be a string.' });
    try {
      return await core.dispatch(name, input);
    } catch {
      // dispatch() turns every failure into an envelope; this only guards against a broken core.
      return fail({ code: 'INTERNAL', message: 'The command failed unexpectedly.' });
    }
  };
}

/** The part of WebContents an event is pushed through. */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, payload: VigilEvent): void;
}

/** Forwards core events to the window on rpc:event; a closed window is skipped, not an error. */
export function createEventForwarder(getTarget: () => EventSink | null): (event: VigilEvent) => void {
  return (event) => {
    const target = getTarget();
    if (!target || target.isDestroyed()) return;
    target.send(RPC_EVENT_CHANNEL, { name: event.name, payload: event.payload });
  };
}
