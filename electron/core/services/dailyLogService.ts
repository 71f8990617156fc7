import { AppError } from '../../../shared/envelope';
import { IncidentInputSchema, type Incident } from '../../../shared/contract/incidents';
import type { DailyLogEntry } from '../../../shared/contract/dailyLog';
import { localDay, zonedToUtc } from '../../../shared/domain/zonedTime';
import { getArea } from '../../../db/repositories/areas';
import { getIncident, incidentWriter } from '../../../db/repositories/incidents';
import {
  countDailyLog,
  dailyLogEntryForIncident,
  dailyLogWriter,
  deleteDailyLogEntry,
  getDailyLogEntry,
  listDailyLog,
  type DailyLogRow,
} from '../../../db/repositories/dailyLog';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { loadSettings } from './settingsService';

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The UTC bounds [from, to) of a calendar day in the delegation time zone. */
export function dayBounds(day: string, timeZone: string): { from: string; to: string } {
  return { from: zonedToUtc(`${day}T00:00`, timeZone), to: zonedToUtc(`${nextDay(day)}T00:00`, timeZone) };
}

function timeZoneOf(ctx: CommandContext): string {
  return loadSettings(ctx.db.sqlite).timeZone;
}

function withDay(row: DailyLogRow, timeZone: string): DailyLogEntry {
  return { ...row, day: localDay(row.occurredAt, timeZone) };
}

function requireEntry(ctx: CommandContext, id: string): DailyLogEntry {
  const row = getDailyLogEntry(ctx.db.sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', 'That log entry no longer exists.');
  return withDay(row, timeZoneOf(ctx));
}

function requireAreaIfAny(ctx: CommandContext, areaId: string | null): void {
  if (areaId && !getArea(ctx.db.sqlite, areaId)) {
    throw new AppError('VALIDATION', 'The chosen area no longer exists.', { issues: [{ path: 'areaId', message: 'unknownArea' }] });
  }
}

/** Tags compare without case or surrounding space; the first spelling wins. */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

export const dailyLogHandlers: Handlers<
  | 'dailyLog.list'
  | 'dailyLog.get'
  | 'dailyLog.create'
  | 'dailyLog.update'
  | 'dailyLog.delete'
  | 'dailyLog.promote'
  | 'dailyLog.forIncident'
  | 'dailyLog.summary'
> = {
  'dailyLog.list': (ctx, { day }) => {
    const timeZone = timeZoneOf(ctx);
    const chosen = day ?? localDay(ctx.now(), timeZone);
    const { from, to } = dayBounds(chosen, timeZone);
    return { day: chosen, timeZone, entries: listDailyLog(ctx.db.sqlite, from, to).map((r) => withDay(r, timeZone)) };
  },

  'dailyLog.get': (ctx, { id }) => requireEntry(ctx, id),

  'dailyLog.create': (ctx, { occurredAt, ...input }) => {
    const created = ctx.transact((audit) => {
      requireAreaIfAny(ctx, input.areaId);
      const now = ctx.nowIso();
      const id = newId();
      dailyLogWriter(ctx.db.sqlite).insert({
        ...input,
        tags: uniqueTags(input.tags),
        id,
        occurredAt: occurredAt ?? now,
        promotedIncidentId: null,
        createdAt: now,
        updatedAt: now,
      });
      const after = requireEntry(ctx, id);
      audit({ entity: 'dailyLog', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('dailyLog.changed', [created.id]);
    return created;
  },

  'dailyLog.update': (ctx, { id, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requireEntry(ctx, id);
      requireAreaIfAny(ctx, input.areaId);
      dailyLogWriter(ctx.db.sqlite).update({
        ...input,
        tags: uniqueTags(input.tags),
        id,
        promotedIncidentId: before.promotedIncidentId,
        createdAt: before.createdAt,
        updatedAt: ctx.nowIso(),
      });
      const after = requireEntry(ctx, id);
      audit({ entity: 'dailyLog', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('dailyLog.changed', [id]);
    return updated;
  },

  'dailyLog.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requireEntry(ctx, id);
      deleteDailyLogEntry(ctx.db.sqlite, id);
      audit({ entity: 'dailyLog', entityId: id, action: 'delete', before });
    });
    ctx.emit('dailyLog.changed', [id]);
    return { id };
  },

  'dailyLog.promote': (ctx, { id }) => {
    const result = ctx.transact((audit) => {
      const before = requireEntry(ctx, id);
      if (before.promotedIncidentId) {
        throw new AppError('CONFLICT', 'This entry has already been made an incident.', { incidentId: before.promotedIncidentId });
      }
      const settings = loadSettings(ctx.db.sqlite);
      const t = translator(settings.language);
      const located = before.latitude != null && before.longitude != null;
      const sourceLine = t('dailyLog.promotedFrom', {
        source: before.source || t(`dailyLog.sourceTypes.${before.sourceType}`),
        code: `${before.reliability}${before.credibility}`,
      });
      // Only what the entry says: the officer completes category, severity and casualties in the form.
      const fields = IncidentInputSchema.parse({
        date: before.occurredAt,
        areaId: before.areaId,
        placeName: before.placeName,
        latitude: before.latitude,
        longitude: before.longitude,
        locationPrecision: located ? 'exact' : before.areaId ? 'admin' : null,
        narrative: `${before.summary}\n\n${sourceLine}`.slice(0, 20_000),
        followUp: before.followUp,
      });
      const now = ctx.nowIso();
      const incidentId = newId();
      incidentWriter(ctx.db.sqlite).insert({ ...fields, id: incidentId, externalId: null, source: null, createdAt: now, updatedAt: now });
      const incident = getIncident(ctx.db.sqlite, incidentId) as Incident;
      dailyLogWriter(ctx.db.sqlite).update({ ...before, promotedIncidentId: incidentId, updatedAt: now });
      const entry = requireEntry(ctx, id);
      audit({ entity: 'incident', entityId: incidentId, action: 'create', after: { ...incident, promotedFromDailyLog: id } });
      audit({ entity: 'dailyLog', entityId: id, action: 'promote', before, after: entry });
      return { entry, incident };
    });
    ctx.emit('dailyLog.changed', [id]);
    ctx.emit('incidents.changed', [result.incident.id]);
    return result;
  },

  'dailyLog.forIncident': (ctx, { incidentId }) => {
    const row = dailyLogEntryForIncident(ctx.db.sqlite, incidentId);
    return row ? withDay(row, timeZoneOf(ctx)) : null;
  },

  'dailyLog.summary': (ctx) => {
    const timeZone = timeZoneOf(ctx);
    const day = localDay(ctx.now(), timeZone);
    const { from, to } = dayBounds(day, timeZone);
    return { day, count: countDailyLog(ctx.db.sqlite, from, to) };
  },
};
