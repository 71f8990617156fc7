import { useSyncExternalStore } from 'react';

/**
 * Whether this browser tab may talk to the Vigil server. Only browser mode can lose it (missing or wrong
 * token, server restarted with a new token); the desktop bridge is always connected.
 */
let connected = true;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function markDisconnected(): void {
  if (!connected) return;
  connected = false;
  emit();
}

export function markConnected(): void {
  if (connected) return;
  connected = true;
  emit();
}

export function isConnected(): boolean {
  return connected;
}

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnected(): boolean {
  return useSyncExternalStore(subscribeConnection, isConnected);
}
