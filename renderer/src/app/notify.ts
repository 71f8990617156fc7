import { useSyncExternalStore } from 'react';
import { AppError } from '../../../shared/envelope';
import { i18n } from './i18n';

export { applyServerIssues, serverIssues } from '../lib/serverIssues';

export interface Toast {
  id: number;
  kind: 'success' | 'error';
  text: string;
  /** The log reference of an INTERNAL error, for the bug report. */
  ref?: string;
}

const SUCCESS_MS = 4000;
const MAX_TOASTS = 5;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: readonly Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

function push(toast: Omit<Toast, 'id'>): void {
  // The same failure twice in a row (a retried save) stays one message.
  const last = toasts.at(-1);
  if (last && last.kind === toast.kind && last.text === toast.text && last.ref === toast.ref) return;
  const id = nextId++;
  set([...toasts, { ...toast, id }].slice(-MAX_TOASTS));
  // Errors stay until dismissed: a message that vanishes before it is read is worse than none.
  if (toast.kind === 'success') setTimeout(() => dismiss(id), SUCCESS_MS);
}

/** On lock: a message may quote vault data (a name, a place), so none outlives the unlocked session. */
export function clearToasts(): void {
  if (toasts.length > 0) set([]);
}

export function dismiss(id: number): void {
  set(toasts.filter((t) => t.id !== id));
}

export function errorText(err: unknown): { text: string; ref?: string } {
  if (err instanceof AppError) return err.ref ? { text: err.message, ref: err.ref } : { text: err.message };
  if (err instanceof Error && err.message) return { text: err.message };
  return { text: i18n.t('shell:errors.unknown') };
}

export const notify = {
  success(text: string): void {
    push({ kind: 'success', text });
  },
  error(err: unknown): void {
    // The user closed a native dialog: nothing went wrong.
    if (err instanceof AppError && err.code === 'CANCELLED') return;
    push({ kind: 'error', ...errorText(err) });
  },
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}
