import { AppError } from '../../../shared/envelope';
import type { ImportPhase } from '../../../shared/contract/incidents';
import type { VigilEvent } from '../../../shared/events';

/**
 * Running imports of one core (keyed by its vault): `incidents.importCancel` sets their flag, and the import
 * checks it between chunks of rows. Nothing is written before the last check, so a cancelled import has
 * changed nothing.
 */
export interface ImportJob {
  readonly cancelled: boolean;
  /** Throws CANCELLED when the user asked to stop. */
  check(): void;
  end(): void;
}

const running = new WeakMap<object, Set<{ cancelled: boolean }>>();

export function startImportJob(owner: object, cancelledMessage: () => string): ImportJob {
  const jobs = running.get(owner) ?? new Set();
  running.set(owner, jobs);
  const state = { cancelled: false };
  jobs.add(state);
  return {
    get cancelled() {
      return state.cancelled;
    },
    check() {
      if (state.cancelled) throw new AppError('CANCELLED', cancelledMessage());
    },
    end() {
      jobs.delete(state);
    },
  };
}

/** Asks every running import of this core to stop; whether one was running. */
export function cancelImportJobs(owner: object): boolean {
  const jobs = running.get(owner);
  if (!jobs?.size) return false;
  for (const job of jobs) job.cancelled = true;
  return true;
}

/**
 * `incidents.importProgress` events, throttled: a new phase, the end of a phase, and otherwise at most every
 * 2 % of the rows or 250 ms. Within a phase `done` never goes back.
 */
export function createProgressReporter(
  publish: ((event: VigilEvent) => void) | undefined,
  clock: () => number = Date.now,
): (phase: ImportPhase, done: number, total: number) => void {
  let lastPhase: ImportPhase | null = null;
  let lastDone = -1;
  let lastAt = 0;
  return (phase, done, total) => {
    if (!publish) return;
    const now = clock();
    const newPhase = phase !== lastPhase;
    if (!newPhase && done <= lastDone) return;
    const due = newPhase || done >= total || (total > 0 && (done - lastDone) / total >= 0.02) || now - lastAt >= 250;
    if (!due) return;
    lastPhase = phase;
    lastDone = done;
    lastAt = now;
    publish({ name: 'incidents.importProgress', payload: { phase, progress: { done, total } } });
  };
}
