import { WEB_API, type VigilBridge } from '../../../shared/bridge';
import { AppError, EnvelopeSchema, type Envelope } from '../../../shared/envelope';
import { EVENT_NAMES, type VigilEvent } from '../../../shared/events';
import type { Transport } from '../../../shared/client';
import { markConnected, markDisconnected } from './connection';

declare global {
  interface Window {
    /** Present only inside the Electron window, exposed by electron/preload. */
    vigil?: VigilBridge;
  }
}

/** Desktop: the preload bridge already speaks envelopes over the two rpc:* IPC channels. */
export function createDesktopTransport(bridge: VigilBridge): Transport {
  return {
    invoke: (name, input) => bridge.invoke(name, input),
    subscribe: (listener) => bridge.on('*', listener),
  };
}

// --- Browser mode ---------------------------------------------------------------------------------

export const TOKEN_STORAGE_KEY = 'vigil.token';

/**
 * Takes the token out of the address (`#token=<hex>`), keeps it for this tab only (sessionStorage dies with
 * the tab), and replaces the fragment with the router's "#/" so the token is not left in the address bar,
 * the history or a screenshot. Returns true when a new token was found.
 */
export function adoptTokenFromLocation(): boolean {
  const fragment = window.location.hash.replace(/^#/, '');
  const token = new URLSearchParams(fragment).get(WEB_API.tokenFragment);
  if (!token) return false;
  sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  return true;
}

function currentToken(): string | null {
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

// These messages are developer-facing fallbacks: the UI shows its own translated full-page message when the
// tab is disconnected, and the core's messages for everything else.
const NOT_CONNECTED = 'This browser tab is not connected to Vigil.';
const UNREACHABLE = "Cannot reach Vigil's local server. Is `npm run web` still running?";
const ioFailure = (message: string): Envelope<never> => ({ ok: false, error: { code: 'IO', message } });

async function readEnvelope(response: Response): Promise<Envelope<unknown>> {
  if (response.status === 401 || response.status === 403) {
    markDisconnected();
    return ioFailure(NOT_CONNECTED);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return ioFailure(`Vigil's local server answered ${response.status} without a result.`);
  }
  const parsed = EnvelopeSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: { code: 'INTERNAL', message: 'Vigil\'s local server sent an unreadable answer.' } };
  return parsed.data;
}

type Listener = (event: VigilEvent) => void;
const resyncListeners = new Set<() => void>();

/**
 * Called when the event stream comes back after a drop: events may have been missed meanwhile, so the
 * query layer refetches everything it shows.
 */
export function onEventStreamResync(listener: () => void): () => void {
  resyncListeners.add(listener);
  return () => resyncListeners.delete(listener);
}

const KNOWN_EVENTS = new Set<string>(EVENT_NAMES);

/** One SSE block ("data: {...}" lines); comments and unknown events are ignored. */
export function parseEventBlock(block: string): VigilEvent | null {
  const data = block
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).replace(/^ /, ''))
    .join('\n');
  if (!data) return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { name, payload } = value as { name?: unknown; payload?: unknown };
    if (typeof name !== 'string' || !KNOWN_EVENTS.has(name)) return null;
    return { name: name as VigilEvent['name'], payload: typeof payload === 'object' && payload !== null ? payload : {} };
  } catch {
    return null;
  }
}

const BACKOFF_MS = [500, 1000, 2000, 5000, 10000];
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Reads the server-sent event stream with fetch (EventSource cannot send the token header) and
 * reconnects with backoff when it ends. Runs only while someone listens.
 */
function runEventStream(dispatch: Listener, stop: AbortSignal): void {
  void (async () => {
    let attempt = 0;
    let hadStream = false;
    while (!stop.aborted) {
      const token = currentToken();
      if (!token) {
        markDisconnected();
        return;
      }
      try {
        const response = await fetch(WEB_API.events, {
          headers: { [WEB_API.tokenHeader]: token, accept: 'text/event-stream' },
          cache: 'no-store',
          signal: stop,
        });
        if (response.status === 401 || response.status === 403) {
          markDisconnected();
          return;
        }
        if (response.ok && response.body) {
          attempt = 0;
          if (hadStream) for (const listener of resyncListeners) listener();
          hadStream = true;
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const event = parseEventBlock(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
              if (event) dispatch(event);
            }
          }
        }
      } catch {
        // Network error or abort: fall through to the backoff, which returns at once when aborted.
      }
      await sleep(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 10000, stop);
      attempt += 1;
    }
  })();
}

export function createWebTransport(): Transport {
  const listeners = new Set<Listener>();
  let stream: AbortController | null = null;
  const dispatch: Listener = (event) => {
    for (const listener of listeners) listener(event);
  };
  const startStream = () => {
    stream = new AbortController();
    runEventStream(dispatch, stream.signal);
  };

  // Opening a fresh VIGIL_URL in the same tab (server restarted) only changes the fragment: adopt the new
  // token and reconnect without a reload.
  window.addEventListener('hashchange', () => {
    if (!adoptTokenFromLocation()) return;
    markConnected();
    if (stream) {
      stream.abort();
      startStream();
    }
    for (const listener of resyncListeners) listener();
  });

  return {
    async invoke(name, input) {
      const token = currentToken();
      if (!token) {
        markDisconnected();
        return ioFailure(NOT_CONNECTED);
      }
      let response: Response;
      try {
        response = await fetch(WEB_API.rpc + encodeURIComponent(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [WEB_API.tokenHeader]: token },
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
        });
      } catch {
        return ioFailure(UNREACHABLE);
      }
      return readEnvelope(response);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!stream) startStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stream) {
          stream.abort();
          stream = null;
        }
      };
    },
  };
}

/**
 * Browser mode only: sends a file the user picked to the server, which keeps it under an upload id that
 * import commands take instead of a path (the page cannot see paths).
 */
export async function uploadFile(file: File): Promise<string> {
  const token = currentToken();
  if (!token) {
    markDisconnected();
    throw new AppError('IO', NOT_CONNECTED);
  }
  let response: Response;
  try {
    response = await fetch(`${WEB_API.upload}?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [WEB_API.tokenHeader]: token },
      body: file,
    });
  } catch {
    throw new AppError('IO', UNREACHABLE);
  }
  const envelope = await readEnvelope(response);
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details, envelope.error.ref);
  const value = envelope.value as { uploadId?: unknown };
  if (typeof value?.uploadId !== 'string') throw new AppError('INTERNAL', 'The upload answer carried no upload id.');
  return value.uploadId;
}
