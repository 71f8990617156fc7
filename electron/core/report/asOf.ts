import type { Risk } from '../../../shared/contract/risks';
import type { MovementState } from '../../../shared/domain/movementStates';
import { localDay, utcToZoned } from '../../../shared/domain/zonedTime';
import { countRisksDeletedSince, fieldChangesSince, queryRisks } from '../../../db/repositories/risks';
import { latestSnapshotBefore, type SnapshotRow } from '../../../db/repositories/msr';
import { movementsPossiblyOpenAt, movementStatesBefore } from '../../../db/repositories/movements';
import { ltr } from './periodic/htmlKit';
import type { ReportContext } from './periodic/types';

/**
 * The instant a section's state refers to: the end of the period once it is over (a Q2 report written in
 * October shows the end of June), else the time of writing.
 */
export interface AsOf {
  instant: string;
  /** True: the end of the period; false: the period is not over, the state is the one at the time of writing. */
  atEnd: boolean;
}

export function reportAsOf(rc: ReportContext): AsOf {
  return rc.period.end <= rc.generatedAt ? { instant: rc.period.end, atEnd: true } : { instant: rc.generatedAt, atEnd: false };
}

/** The time of writing in the delegation time zone, `YYYY-MM-DD HH:MM`. */
export const writtenAt = (rc: ReportContext) => utcToZoned(rc.generatedAt, rc.period.timeZone).slice(0, 16).replace('T', ' ');

/** The one line each section opens with: which date its state refers to. */
export function asOfLine(rc: ReportContext, asOf: AsOf): string {
  return asOf.atEnd
    ? rc.t('reportsAsOf.atEnd', { date: ltr(rc.period.lastDay), tz: ltr(rc.period.timeZone) })
    : rc.t('reportsAsOf.atWriting', { when: ltr(writtenAt(rc)), tz: ltr(rc.period.timeZone) });
}

/** The calendar day after a `YYYY-MM-DD` day. */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// ---- risk register ----

export interface RegisterAsOf {
  /** The risks that existed then, with their fields and levels as they were, in register order. */
  risks: Risk[];
  /** Risks deleted since that existed then: deletion is final, so they cannot be shown. */
  deletedSince: number;
}

/**
 * The register at `asOf`: risks created later are left out; the levels come from the review history the
 * "changes since" view reads (the levels before the first change since that day), the likelihoods,
 * impacts, status and texts from undoing the recorded field changes, newest first.
 */
export async function registerAsOf(rc: ReportContext, asOf: AsOf): Promise<RegisterAsOf> {
  const sqlite = rc.ctx.db.sqlite;
  const now = queryRisks(sqlite, { quickFilter: '', filterModel: {}, sortModel: [] }, null, localDay(rc.ctx.now(), rc.period.timeZone)).rows;
  if (!asOf.atEnd) return { risks: now, deletedSince: 0 };
  const existed = now.filter((r) => r.createdAt < asOf.instant);
  const byId = new Map(existed.map((r) => [r.id, { ...r }]));
  for (const review of fieldChangesSince(sqlite, asOf.instant)) {
    const risk = byId.get(review.riskId) as Record<string, unknown> | undefined;
    if (!risk) continue;
    for (const c of review.changes) if (c.field !== 'measures' && c.field in risk) risk[c.field] = c.before;
  }
  const changes = await rc.call('risks.changes', { since: dayAfter(rc.period.lastDay) });
  for (const c of changes.risks) {
    const risk = byId.get(c.risk.id);
    if (!risk) continue;
    if (c.residualLevelBefore === null || c.inherentLevelBefore === null) {
      byId.delete(c.risk.id); // created since (its first review is its creation)
      continue;
    }
    risk.inherentLevel = c.inherentLevelBefore;
    risk.residualLevel = c.residualLevelBefore;
  }
  return { risks: existed.filter((r) => byId.has(r.id)).map((r) => byId.get(r.id)!), deletedSince: countRisksDeletedSince(sqlite, asOf.instant) };
}

// ---- MSR ----

export type MsrSource = { kind: 'snapshot'; snapshot: SnapshotRow } | { kind: 'current'; reason: 'notOver' | 'noSnapshot' };

/** The latest assessment before the end of a period that is over; otherwise (or without one) the checklist now. */
export function msrSourceAsOf(rc: ReportContext, asOf: AsOf): MsrSource {
  if (!asOf.atEnd) return { kind: 'current', reason: 'notOver' };
  const snapshot = latestSnapshotBefore(rc.ctx.db.sqlite, asOf.instant);
  return snapshot ? { kind: 'snapshot', snapshot } : { kind: 'current', reason: 'noSnapshot' };
}

// ---- movements ----

export const OPEN_MOVEMENT_STATES: ReadonlySet<MovementState> = new Set(['requested', 'approved', 'under_way']);

export interface MovementsAsOf {
  /** Movements open at `asOf` and the state each was in. */
  open: Array<{ id: string; state: MovementState }>;
  /** Movements open now whose state at `asOf` is not recorded (changed since, no audited transition before). */
  unknown: string[];
}

/**
 * Which movements were open at `asOf`: unchanged since, their state now is their state then; otherwise the
 * last audited transition before it. A movement without one (seeded or imported) is listed apart when open now.
 */
export function movementsOpenAsOf(rc: ReportContext, asOf: AsOf): MovementsAsOf {
  const sqlite = rc.ctx.db.sqlite;
  const candidates = movementsPossiblyOpenAt(sqlite, asOf.instant);
  const changed = candidates.filter((m) => m.updatedAt >= asOf.instant);
  const history = movementStatesBefore(
    sqlite,
    changed.map((m) => m.id),
    asOf.instant,
  );
  const open: MovementsAsOf['open'] = [];
  const unknown: string[] = [];
  for (const m of candidates) {
    const state = m.updatedAt < asOf.instant ? m.state : history.get(m.id);
    if (state === undefined) {
      if (OPEN_MOVEMENT_STATES.has(m.state)) unknown.push(m.id);
    } else if (OPEN_MOVEMENT_STATES.has(state)) open.push({ id: m.id, state });
  }
  return { open, unknown };
}
