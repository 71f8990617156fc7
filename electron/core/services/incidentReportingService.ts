import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import type { Incident } from '../../../shared/contract/incidents';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../../shared/contract/incidentReporting';
import { DEFAULT_DEADLINE_HOURS, overdueReports, reportDeadlines, type DeadlineHours, type ReportKind } from '../../../shared/domain/incidentDeadlines';
import { readSettings, writeSetting } from '../../../db/repositories/settings';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { readInputFile } from '../files/inputFile';
import { checkExportTarget, writeExport } from '../export/exportFile';

const HOURS_KEY = 'incidents.deadlineHours';
const COLUMN: Record<ReportKind, string> = { manager: 'manager_reported_at', regional: 'regional_reported_at', written: 'written_reported_at' };

export function deadlineHours(ctx: Pick<CommandContext, 'db'>): DeadlineHours {
  const stored = readSettings(ctx.db.sqlite)[HOURS_KEY];
  const out = { ...DEFAULT_DEADLINE_HOURS };
  if (stored && typeof stored === 'object') {
    for (const k of ['manager', 'regional', 'written'] as const) {
      const v = (stored as Record<string, unknown>)[k];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[k] = v;
    }
  }
  return out;
}

/** Reporting deadlines apply to incidents recorded in Vigil; an imported history (source set) owes none. */
const applies = (i: Pick<Incident, 'source'>) => i.source === null;

/** Adds the overdue reports to incidents read from the repository. */
export function withReporting<T extends Incident>(ctx: CommandContext, rows: T[]): T[] {
  const hours = deadlineHours(ctx);
  const now = ctx.now();
  return rows.map((r) => ({ ...r, overdueReports: applies(r) ? overdueReports(r, hours, now) : [] }));
}

interface ReportingRow {
  id: string;
  source: string | null;
  createdAt: string;
  severity: string | null;
  managerReportedAt: string | null;
  regionalReportedAt: string | null;
  writtenReportedAt: string | null;
  date: string;
  category: string;
  placeName: string;
}

const REPORTING_SELECT = `SELECT id, source, created_at AS createdAt, severity, manager_reported_at AS managerReportedAt,
  regional_reported_at AS regionalReportedAt, written_reported_at AS writtenReportedAt, date, category, place_name AS placeName FROM incidents`;

function reportingRow(ctx: CommandContext, id: string): ReportingRow {
  const row = ctx.db.sqlite.prepare(`${REPORTING_SELECT} WHERE id = ?`).get(id) as ReportingRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That incident no longer exists.');
  return row;
}

function reporting(ctx: CommandContext, id: string) {
  const row = reportingRow(ctx, id);
  return { incidentId: id, applies: applies(row), deadlines: applies(row) ? reportDeadlines(row, deadlineHours(ctx), ctx.now()) : [] };
}

const ATTACHMENT_SELECT = `SELECT id, incident_id AS incidentId, name, mime, size, created_at AS createdAt, created_by AS createdBy FROM incident_attachments`;

function requireAttachment(ctx: CommandContext, id: string): Attachment {
  const row = ctx.db.sqlite.prepare(`${ATTACHMENT_SELECT} WHERE id = ?`).get(id) as Attachment | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That attachment no longer exists.');
  return row;
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
};
const mimeOf = (name: string) => MIME[path.extname(name).slice(1).toLowerCase()] ?? 'application/octet-stream';

const tooLarge = (name: string, size: number) =>
  new AppError(
    'VALIDATION',
    `${name} is ${(size / 1e6).toFixed(1)} MB; an attachment can be at most ${MAX_ATTACHMENT_BYTES / 1e6} MB. Nothing was attached.`,
    { issues: [{ path: 'file', message: 'attachmentTooLarge' }] },
  );
const empty = (name: string) => new AppError('VALIDATION', `${name} is empty. Nothing was attached.`, { issues: [{ path: 'file', message: 'attachmentEmpty' }] });

export const incidentReportingHandlers: Handlers<
  | 'incidents.reporting'
  | 'incidents.recordReport'
  | 'incidents.reportingBoard'
  | 'incidents.reportingSettings'
  | 'incidents.updateReportingSettings'
  | 'incidents.attachments'
  | 'incidents.addAttachment'
  | 'incidents.saveAttachment'
  | 'incidents.deleteAttachment'
> = {
  'incidents.reporting': (ctx, { id }) => reporting(ctx, id),

  'incidents.recordReport': (ctx, { id, kind, at }) => {
    const when = at === undefined ? ctx.nowIso() : at;
    ctx.transact((audit) => {
      const before = reportingRow(ctx, id);
      if (!applies(before)) throw new AppError('CONFLICT', 'This incident was imported from another source; it has no reporting deadlines.');
      if (kind === 'written' && before.severity !== 'critical') {
        throw new AppError('VALIDATION', 'A written report within the deadline is required for critical incidents only.', { issues: [{ path: 'kind', message: 'writtenOnlyCritical' }] });
      }
      if (when && when < before.createdAt.slice(0, 16)) {
        // Reported before it was recorded happens (phoned first, typed later): allowed, but not before the incident's own day.
        if (when.slice(0, 10) < before.date.slice(0, 10)) {
          throw new AppError('VALIDATION', 'A report cannot be dated before the incident itself.', { issues: [{ path: 'at', message: 'reportBeforeIncident' }] });
        }
      }
      if (when && new Date(when).getTime() > ctx.now().getTime() + 60_000) {
        throw new AppError('VALIDATION', 'A report cannot be dated in the future.', { issues: [{ path: 'at', message: 'reportInFuture' }] });
      }
      ctx.db.sqlite.prepare(`UPDATE incidents SET ${COLUMN[kind]} = ? WHERE id = ?`).run(when, id);
      audit({ entity: 'incident', entityId: id, action: 'recordReport', before: { kind, at: before[`${kind}ReportedAt`] }, after: { kind, at: when } });
    });
    ctx.emit('incidents.changed', [id]);
    return reporting(ctx, id);
  },

  'incidents.reportingBoard': (ctx) => {
    const rows = ctx.db.sqlite
      .prepare(
        `${REPORTING_SELECT} WHERE source IS NULL AND (manager_reported_at IS NULL OR regional_reported_at IS NULL
         OR (severity = 'critical' AND written_reported_at IS NULL)) ORDER BY created_at DESC`,
      )
      .all() as ReportingRow[];
    const hours = deadlineHours(ctx);
    const now = ctx.now();
    const overdue = rows
      .map((r) => ({ id: r.id, date: r.date, category: r.category, placeName: r.placeName, kinds: overdueReports(r, hours, now) }))
      .filter((r) => r.kinds.length > 0);
    return { overdueCount: overdue.length, overdue: overdue.slice(0, 10) };
  },

  'incidents.reportingSettings': (ctx) => deadlineHours(ctx),

  'incidents.updateReportingSettings': (ctx, input) => {
    ctx.transact((audit) => {
      const before = deadlineHours(ctx);
      writeSetting(ctx.db.sqlite, HOURS_KEY, input);
      audit({ entity: 'incidentSettings', entityId: HOURS_KEY, action: 'update', before, after: input });
    });
    ctx.emit('incidents.changed');
    return deadlineHours(ctx);
  },

  'incidents.attachments': (ctx, { incidentId }) => {
    reportingRow(ctx, incidentId);
    return ctx.db.sqlite.prepare(`${ATTACHMENT_SELECT} WHERE incident_id = ? ORDER BY created_at, id`).all(incidentId) as Attachment[];
  },

  'incidents.addAttachment': (ctx, { incidentId, file: ref }) => {
    reportingRow(ctx, incidentId);
    // Read straight into memory and then into the encrypted database: no plaintext copy on disk.
    const file = readInputFile(ctx, ref, { label: 'The attachment', maxBytes: MAX_ATTACHMENT_BYTES, tooLarge, empty });
    const id = newId();
    ctx.transact((audit) => {
      reportingRow(ctx, incidentId);
      const row = { id, incidentId, name: file.name.slice(0, 200), mime: mimeOf(file.name), size: file.bytes.length, createdAt: ctx.nowIso(), createdBy: ctx.actor() };
      ctx.db.sqlite
        .prepare('INSERT INTO incident_attachments (id, incident_id, name, mime, size, bytes, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(row.id, row.incidentId, row.name, row.mime, row.size, file.bytes, row.createdAt, row.createdBy);
      audit({ entity: 'incident_attachment', entityId: id, action: 'create', after: row });
    });
    ctx.emit('incidents.changed', [incidentId]);
    return requireAttachment(ctx, id);
  },

  'incidents.saveAttachment': (ctx, { id, path: target }) => {
    const att = requireAttachment(ctx, id);
    const { bytes } = ctx.db.sqlite.prepare('SELECT bytes FROM incident_attachments WHERE id = ?').get(id) as { bytes: Buffer };
    const ext = path.extname(att.name).slice(1).toLowerCase() || 'bin';
    const written = writeExport(checkExportTarget(target, ext), bytes);
    ctx.logger.info('incident attachment written', { command: ctx.command, bytes: written.bytes });
    return { path: written.path, bytes: written.bytes, sha256: written.sha256 };
  },

  'incidents.deleteAttachment': (ctx, { id }) => {
    const att = requireAttachment(ctx, id);
    ctx.transact((audit) => {
      ctx.db.sqlite.prepare('DELETE FROM incident_attachments WHERE id = ?').run(id);
      audit({ entity: 'incident_attachment', entityId: id, action: 'delete', before: att });
    });
    ctx.emit('incidents.changed', [att.incidentId]);
    return { id };
  },
};
