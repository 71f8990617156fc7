import path from 'node:path';
import { readInputFile } from '../files/inputFile';
import { AppError } from '../../../shared/envelope';
import { MAX_PLAN_FILE_BYTES, PLAN_COLUMNS, TESTED_PLAN_KINDS, type Plan } from '../../../shared/contract/plans';
import {
  deletePlan,
  getPlanVersionFile,
  insertPlan,
  insertPlanVersion,
  listPlans,
  missingMsrItems,
  setPlanMsrItems,
  updatePlan,
} from '../../../db/repositories/plans';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { toCsv, toXlsx, type TabularColumn } from '../export/tabular';
import { loadSettings } from './settingsService';
import { addMonths, todayIn } from './risksService';

/** Plans are reviewed every six months unless the officer sets another date. */
const REVIEW_MONTHS = 6;

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

function today(ctx: CommandContext): string {
  return todayIn(loadSettings(ctx.db.sqlite).timeZone, ctx.now());
}

function requirePlan(ctx: CommandContext, id: string): Plan {
  const found = listPlans(ctx.db.sqlite, today(ctx), id)[0];
  if (!found) throw new AppError('NOT_FOUND', 'That plan no longer exists.');
  return found;
}

function checkLinks(ctx: CommandContext, msrItemIds: string[], testedOn: string | null, kind: Plan['kind']): void {
  const issues: Array<{ path: string; message: string }> = [];
  if (missingMsrItems(ctx.db.sqlite, msrItemIds).length) issues.push({ path: 'msrItemIds', message: 'unknownMsrItem' });
  if (testedOn && testedOn > today(ctx)) issues.push({ path: 'testedOn', message: 'inFuture' });
  if (testedOn && !TESTED_PLAN_KINDS.includes(kind) && kind !== 'other') issues.push({ path: 'testedOn', message: 'notTested' });
  if (issues.length) throw new AppError('VALIDATION', 'Some fields of the plan need attention.', { issues });
}

const tooLarge = (name: string, size: number) =>
  new AppError('VALIDATION', `${name} is ${(size / 1024 / 1024).toFixed(1)} MB; a plan file can be at most 25 MB. Nothing was added.`, {
    issues: [{ path: 'file', message: 'fileTooLarge' }],
  });

/** A path or `upload:<id>`; the size is checked before the file is read. */
function loadPlanFile(ctx: CommandContext, ref: string): { bytes: Buffer; name: string } {
  return readInputFile(ctx, ref, {
    label: 'The plan file',
    maxBytes: MAX_PLAN_FILE_BYTES,
    tooLarge,
    empty: (name) => new AppError('VALIDATION', `${name} is empty.`, { issues: [{ path: 'file', message: 'fileEmpty' }] }),
  });
}

export const plansHandlers: Handlers<
  'plans.list' | 'plans.create' | 'plans.update' | 'plans.delete' | 'plans.addVersion' | 'plans.approve' | 'plans.downloadVersion' | 'plans.export'
> = {
  'plans.list': (ctx) => {
    const rows = listPlans(ctx.db.sqlite, today(ctx));
    return { rows, overdue: rows.filter((r) => r.reviewOverdue).length };
  },

  'plans.create': (ctx, { msrItemIds, ...input }) => {
    const created = ctx.transact((audit) => {
      checkLinks(ctx, msrItemIds, input.testedOn, input.kind);
      const now = ctx.nowIso();
      const id = newId();
      insertPlan(ctx.db.sqlite, {
        id,
        ...input,
        approvedBy: '',
        approvedOn: null,
        reviewDue: input.reviewDue ?? addMonths(today(ctx), REVIEW_MONTHS),
        createdAt: now,
        updatedAt: now,
      });
      setPlanMsrItems(ctx.db.sqlite, id, msrItemIds);
      const after = requirePlan(ctx, id);
      audit({ entity: 'plan', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('plans.changed', [created.id]);
    return created;
  },

  'plans.update': (ctx, { id, msrItemIds, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requirePlan(ctx, id);
      checkLinks(ctx, msrItemIds, input.testedOn, input.kind);
      updatePlan(ctx.db.sqlite, {
        id,
        ...input,
        approvedBy: before.approvedBy,
        approvedOn: before.approvedOn,
        reviewDue: input.reviewDue ?? before.reviewDue,
        updatedAt: ctx.nowIso(),
      });
      setPlanMsrItems(ctx.db.sqlite, id, msrItemIds);
      const after = requirePlan(ctx, id);
      audit({ entity: 'plan', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('plans.changed', [id]);
    return updated;
  },

  'plans.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requirePlan(ctx, id);
      deletePlan(ctx.db.sqlite, id);
      audit({ entity: 'plan', entityId: id, action: 'delete', before });
    });
    ctx.emit('plans.changed', [id]);
    return { id };
  },

  'plans.addVersion': (ctx, { planId, file, note }) => {
    const loaded = loadPlanFile(ctx, file);
    const result = ctx.transact((audit) => {
      requirePlan(ctx, planId);
      const ext = path.extname(loaded.name).slice(1).toLowerCase();
      const version = insertPlanVersion(ctx.db.sqlite, {
        id: newId(),
        planId,
        fileName: loaded.name,
        mime: MIME[ext] ?? 'application/octet-stream',
        size: loaded.bytes.length,
        bytes: loaded.bytes,
        uploadedBy: ctx.actor(),
        uploadedAt: ctx.nowIso(),
        note,
      });
      ctx.db.sqlite.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(ctx.nowIso(), planId);
      audit({ entity: 'planVersion', entityId: version.id, action: 'create', after: version });
      return requirePlan(ctx, planId);
    });
    ctx.emit('plans.changed', [planId]);
    return result;
  },

  'plans.approve': (ctx, { id, approvedBy, approvedOn }) => {
    const result = ctx.transact((audit) => {
      const before = requirePlan(ctx, id);
      if (before.versions.length === 0) {
        throw new AppError('VALIDATION', 'Add the plan document before approving it.', { issues: [{ path: 'id', message: 'noVersion' }] });
      }
      const on = approvedOn ?? today(ctx);
      if (on > today(ctx)) throw new AppError('VALIDATION', 'An approval cannot be dated in the future.', { issues: [{ path: 'approvedOn', message: 'inFuture' }] });
      // An approval starts a new review cycle.
      updatePlan(ctx.db.sqlite, {
        ...before,
        approvedBy: approvedBy || ctx.actor(),
        approvedOn: on,
        reviewDue: addMonths(on, REVIEW_MONTHS),
        updatedAt: ctx.nowIso(),
      });
      const after = requirePlan(ctx, id);
      audit({ entity: 'plan', entityId: id, action: 'approve', before, after });
      return after;
    });
    ctx.emit('plans.changed', [id]);
    return result;
  },

  'plans.downloadVersion': (ctx, { versionId, path: target }) => {
    const version = getPlanVersionFile(ctx.db.sqlite, versionId);
    if (!version) throw new AppError('NOT_FOUND', 'That version of the plan no longer exists.');
    const ext = path.extname(version.fileName).slice(1).toLowerCase() || 'bin';
    const written = writeExport(checkExportTarget(target, ext), version.bytes);
    ctx.logger.info('plan version written', { command: ctx.command, bytes: written.bytes });
    return { path: written.path, bytes: written.bytes, sha256: written.sha256 };
  },

  'plans.export': async (ctx, request) => {
    const target = checkExportTarget(request.path, request.format);
    const settings = loadSettings(ctx.db.sqlite);
    const lang = request.lang ?? settings.language;
    const t = translator(lang);
    const rows = listPlans(ctx.db.sqlite, today(ctx));
    const value: Record<(typeof PLAN_COLUMNS)[number], TabularColumn<Plan>['value']> = {
      kind: (p) => t(`plans.kinds.${p.kind}`),
      title: (p) => p.title,
      owner: (p) => p.owner,
      approvedBy: (p) => p.approvedBy,
      approvedOn: (p) => p.approvedOn,
      reviewDue: (p) => p.reviewDue,
      reviewOverdue: (p) => (p.reviewOverdue ? t('yes') : t('no')),
      testedOn: (p) => (p.mustBeTested ? (p.testedOn ?? t('plans.notTested')) : p.testedOn),
      version: (p) => p.versions[0]?.version ?? null,
      fileName: (p) => p.versions[0]?.fileName ?? null,
      uploadedAt: (p) => p.versions[0]?.uploadedAt ?? null,
      msrItems: (p) => p.msrItems.map((i) => i.code).join(', '),
      notes: (p) => p.notes,
    };
    const wanted = (request.columns ?? PLAN_COLUMNS).filter((c): c is (typeof PLAN_COLUMNS)[number] => (PLAN_COLUMNS as readonly string[]).includes(c));
    if (wanted.length === 0) throw new AppError('VALIDATION', 'Choose at least one column to export.');
    const columns = wanted.map((id) => ({ id, header: t(`plans.columns.${id}`), value: value[id] }));
    const options = { sheetName: t('plans.sheet'), demoMarker: settings.isDemo ? t('demoMarker') : null };
    const data = request.format === 'csv' ? toCsv(columns, rows, options) : await toXlsx(columns, rows, options);
    const written = writeExport(target, data);
    return { ...written, rows: rows.length, verified: true };
  },
};
