import { createElement, useEffect, type ReactNode } from 'react';
import {
  MutationCache,
  QueryCache,
  QueryClient,
  QueryClientProvider,
  useMutation,
  useQuery,
  type Query,
} from '@tanstack/react-query';
import { AppError } from '../../../shared/envelope';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import type { VaultStatus } from '../../../shared/contract/vault';
import type { VigilEvent } from '../../../shared/events';
import { clearToasts, notify } from '../app/notify';
import { i18n } from '../app/i18n';
import { vigil } from './vigil';
import { onEventStreamResync } from './transports';

const isLocked = (err: unknown) => err instanceof AppError && err.code === 'LOCKED';

export const queryClient: QueryClient = new QueryClient({
  // A LOCKED answer means the vault locked behind our back (auto-lock, another window): go to unlock.
  queryCache: new QueryCache({ onError: (err) => isLocked(err) && handleVaultLocked() }),
  mutationCache: new MutationCache({ onError: (err) => isLocked(err) && handleVaultLocked() }),
  defaultOptions: {
    queries: {
      // Core answers are final (validation, not found, locked): retrying only repeats them.
      retry: (count, err) => !(err instanceof AppError) && count < 2,
      // Core pushes change events, so a focus refetch would only add load.
      refetchOnWindowFocus: false,
      staleTime: 60_000,
    },
    mutations: { retry: false },
  },
});

const queryName = (query: Query) => String(query.queryKey[0] ?? '');

function invalidatePrefixes(prefixes: readonly string[]): void {
  void queryClient.invalidateQueries({ predicate: (q) => prefixes.some((p) => queryName(q).startsWith(p)) });
}

/**
 * Which query families a change in `module` makes stale. Premises show their area's phase, so areas and
 * phases reach premises; settings feed the vault status (delegation name, demo flag).
 */
export function stalePrefixes(module: string): string[] {
  switch (module) {
    case 'areas':
    case 'phases':
      return ['areas.', 'phases.', 'premises.'];
    case 'settings':
      return ['settings.', 'vault.'];
    default:
      return [`${module}.`];
  }
}

/**
 * Locking drops every cached answer that came out of the vault, so nothing decrypted lingers in this
 * window's memory, and flips the vault status at once so the gate shows the unlock screen.
 */
export function handleVaultLocked(): void {
  queryClient.removeQueries({ predicate: (q) => !queryName(q).startsWith('vault.') });
  clearToasts();
  queryClient.setQueriesData<VaultStatus>({ queryKey: ['vault.status'] }, (old) => (old ? { ...old, state: 'locked' } : old));
  invalidatePrefixes(['vault.']);
}

export function handleCoreEvent(event: VigilEvent): void {
  if (event.name === 'vault.locked') {
    handleVaultLocked();
    return;
  }
  // Import progress changes no data (the wizard listens to it itself); refetching every incidents query
  // on each of its events would only slow a long import down.
  if (event.name === 'incidents.importProgress') return;
  const module = event.name.slice(0, event.name.indexOf('.'));
  invalidatePrefixes(stalePrefixes(module));
}

/** The typed query for one command; the key is [name, input] so any input change refetches. */
export function useVigilQuery<N extends CommandName>(name: N, input: CommandInput<N>, options?: { enabled?: boolean }) {
  return useQuery<CommandOutput<N>, Error>({
    queryKey: [name, input],
    queryFn: () => vigil.call(name, input),
    enabled: options?.enabled ?? true,
  });
}

export interface VigilMutationOptions<N extends CommandName> {
  onSuccess?: (out: CommandOutput<N>) => void;
  /** i18n key (with namespace, e.g. "premises:saved") of a success toast. */
  successMessageKey?: string;
  /** Return true when the error was handled (e.g. mapped to form fields) to skip the error toast. */
  onError?: (err: unknown) => boolean | void;
}

/**
 * The typed mutation for one command. Errors reach the user through the notifier unless onError handles
 * them. Queries of the same module refresh right away rather than waiting for the core's change event,
 * which browser mode delivers a moment later.
 */
export function useVigilMutation<N extends CommandName>(name: N, options?: VigilMutationOptions<N>) {
  return useMutation<CommandOutput<N>, unknown, CommandInput<N>>({
    mutationFn: (input) => vigil.call(name, input),
    onSuccess: (out) => {
      invalidatePrefixes(stalePrefixes(name.slice(0, name.indexOf('.'))));
      if (options?.successMessageKey) notify.success(i18n.t(options.successMessageKey));
      options?.onSuccess?.(out);
    },
    onError: (err) => {
      if (options?.onError?.(err) === true) return;
      if (isLocked(err)) return;
      notify.error(err);
    },
  });
}

/** The one place that listens to core events for the whole renderer. */
function useCoreEvents(): void {
  useEffect(() => {
    const offEvents = vigil.on('*', handleCoreEvent);
    // The stream was down for a while: whatever we show may be stale.
    const offResync = onEventStreamResync(() => void queryClient.invalidateQueries());
    return () => {
      offEvents();
      offResync();
    };
  }, []);
}

export function VigilQueryProvider({ children }: { children: ReactNode }) {
  useCoreEvents();
  return createElement(QueryClientProvider, { client: queryClient }, children);
}

export { applyServerIssues, serverIssues } from './serverIssues';
