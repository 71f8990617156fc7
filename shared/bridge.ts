import type { Envelope } from './envelope';
import type { EventName, VigilEvent } from './events';

/** What the Electron preload exposes as `window.vigil`, and nothing else. */
export interface VigilBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: EventName | '*', listener: (event: VigilEvent) => void): () => void;
}

/** The two IPC channels, checked by name in preload and main. */
export const RPC_INVOKE_CHANNEL = 'rpc:invoke';
export const RPC_EVENT_CHANNEL = 'rpc:event';

/** Browser mode's HTTP surface (electron/web), used by the renderer's web transport. */
export const WEB_API = {
  rpc: '/api/rpc/',
  events: '/api/events',
  upload: '/api/upload',
  tokenHeader: 'x-vigil-token',
  /** VIGIL_URL carries the token in the fragment, which browsers never send to a server or log. */
  tokenFragment: 'token',
} as const;
