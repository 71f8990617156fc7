import { readInputFile } from '../files/inputFile';
import { AppError } from '../../../shared/envelope';
import type { Language } from '../../../shared/contract/common';
import { MAX_EVIDENCE_BYTES, type MsrCompare, type MsrItem, type MsrSnapshot } from '../../../shared/contract/msr';
import { complianceSummary, statusDirection, type MsrStatus } from '../../../shared/domain/msrCompliance';
import { MSR_IFRC_ITEMS } from '../../../shared/presets/msrIfrc';
import { msrItemTitle } from '../../../shared/presets/msrIfrcTitles';
import { getMeasure } from '../../../db/repositories/risks';
import {
  deleteEvidenceFile,
  deleteMsrItem,
  getMsrItem,
  insertMsrItem,
  insertSnapshot,
  listMsrItems,
  listSnapshots,
  msrCodeTaken,
  putEvidenceFile,
  readMsrMeta,
  setItemMeasures,
  updateMsrItem,
  writeMsrMeta,
  type SnapshotRow,
} from '../../../db/repositories/msr';
import type { Db } from '../../../db/openDb';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { toCsv, toXlsx, type CellValue, type TabularColumn } from '../export/tabular';
import { loadSettings } from './settingsService';

/**
 * Puts the IFRC preset items in a vault that never had them. Runs once per vault (a flag, not "is the table
 * empty", so an officer who deleted every item does not see them come back). Returns the ids it added.
 */
export function seedMsrPreset(db: Db, now: string, makeId: () => string = newId): string[] {
  if (readMsrMeta(db.sqlite, 'presetSeeded')) return [];
  const ids: string[] = [];
  for (const item of MSR_IFRC_ITEMS) {
    if (msrCodeTaken(db.sqlite, item.code)) continue;
    const id = makeId();
    insertMsrItem(db.orm, { id, code: item.code, part: item.part, title: item.title, origin: 'preset', status: 'notAssessed', createdAt: now, updatedAt: now });
    ids.push(id);
  }
  writeMsrMeta(db.orm, 'presetSeeded', true);
  return ids;
}

/** First use of the module in a vault: seed the preset, audited like any other change. */
function ensureSeeded(ctx: CommandContext): void {
  if (readMsrMeta(ctx.db.sqlite, 'presetSeeded')) return;
  ctx.transact((audit) => {
    const ids = seedMsrPreset(ctx.db, ctx.nowIso());
    audit({ entity: 'msrChecklist', entityId: 'msr', action: 'seedPreset', after: { preset: 'ifrc', items: ids.length } });
  });
}

function requireItem(ctx: CommandContext, id: string): MsrItem {
  const found = getMsrItem(ctx.db.sqlite, id);
  if (!found) throw new AppError('NOT_FOUND', 'That MSR item no longer exists.');
  return found;
}

function nextCustomCode(ctx: CommandContext, part: number): string {
  for (let n = 1; ; n++) {
    const code = `ORG-${part}.${n}`;
    if (!msrCodeTaken(ctx.db.sqlite, code)) return code;
  }
}

// ---- evidence ----
function sniffMime(bytes: Buffer, name: string): string {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    if (/\.docx$/i.test(name)) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (/\.xlsx$/i.test(name)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return 'application/zip';
  }
  return 'application/octet-stream';
}

const tooLarge = (name: string, size: number) =>
  new AppError('VALIDATION', `${name} is ${(size / 1024 / 1024).toFixed(1)} MB; an evidence file can be at most 10 MB. Nothing was attached.`, {
    issues: [{ path: 'file', message: 'evidenceTooLarge' }],
  });

function loadEvidence(ctx: CommandContext, ref: string): { bytes: Buffer; name: string } {
  return readInputFile(ctx, ref, {
    label: 'The evidence file',
    maxBytes: MAX_EVIDENCE_BYTES,
    tooLarge,
    empty: (name) => new AppError('VALIDATION', `${name} is empty.`, { issues: [{ path: 'file', message: 'evidenceEmpty' }] }),
  });
}

// ---- snapshots ----
function toSnapshot(row: SnapshotRow): MsrSnapshot {
  return { id: row.id, takenAt: row.takenAt, actor: row.actor, note: row.note, summary: complianceSummary(row.items) };
}

export function compareSnapshots(current: SnapshotRow | null, previous: SnapshotRow | null): MsrCompare {
  const changes: MsrCompare['changes'] = [];
  if (current && previous) {
    const before = new Map(previous.items.map((i) => [i.itemId, i]));
    for (const item of current.items) {
      const old = before.get(item.itemId);
      before.delete(item.itemId);
      if (!old) {
        changes.push({ code: item.code, part: item.part, title: item.title, before: null, after: item.status, direction: 'added' });
        continue;
      }
      const direction = statusDirection(old.status, item.status);
      if (direction !== 'same') changes.push({ code: item.code, part: item.part, title: item.title, before: old.status, after: item.status, direction });
    }
    for (const old of before.values()) {
      changes.push({ code: old.code, part: old.part, title: old.title, before: old.status, after: null, direction: 'removed' });
    }
  }
  const rank = { worsened: 0, improved: 1, changed: 2, added: 3, removed: 4 };
  changes.sort((a, b) => rank[a.direction] - rank[b.direction] || a.part - b.part || a.code.localeCompare(b.code, 'en', { numeric: true }));
  return { current: current && toSnapshot(current), previous: previous && toSnapshot(previous), changes };
}

// ---- export ----
type ExportRow = MsrItem;

function exportColumns(lang: Language): TabularColumn<ExportRow>[] {
  const t = translator(lang);
  const value: Array<[string, (i: ExportRow) => CellValue]> = [
    ['part', (i) => `${i.part}. ${t(`msr.parts.${i.part}`)}`],
    ['code', (i) => i.code],
    ['title', (i) => msrItemTitle(i, lang)],
    ['status', (i) => t(`msr.statuses.${i.status}`)],
    ['responsible', (i) => i.responsible],
    ['dueDate', (i) => i.dueDate],
    ['evidenceNote', (i) => i.evidenceNote],
    ['evidenceDate', (i) => i.evidenceDate],
    ['evidenceFile', (i) => i.evidenceFile?.name ?? null],
    ['measures', (i) => i.measureTitles.join('; ') || null],
  ];
  return value.map(([id, fn]) => ({ id, header: t(`msr.columns.${id}`), value: fn }));
}

function checkMeasures(ctx: CommandContext, ids: string[]): string[] {
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => !getMeasure(ctx.db.sqlite, id));
  if (missing.length) {
    throw new AppError('VALIDATION', 'A linked measure no longer exists (it may have been deleted). Nothing was saved.', {
      issues: [{ path: 'measureIds', message: 'unknownMeasure' }],
      missing,
    });
  }
  return unique;
}

export const msrHandlers: Handlers<
  | 'msr.list'
  | 'msr.createItem'
  | 'msr.updateItem'
  | 'msr.deleteItem'
  | 'msr.attachEvidence'
  | 'msr.removeEvidence'
  | 'msr.snapshot'
  | 'msr.snapshots'
  | 'msr.compare'
  | 'msr.export'
> = {
  'msr.list': (ctx) => {
    ensureSeeded(ctx);
    const items = listMsrItems(ctx.db.sqlite);
    return { items, summary: complianceSummary(items) };
  },

  'msr.createItem': (ctx, { part, code, title, description }) => {
    ensureSeeded(ctx);
    const created = ctx.transact((audit) => {
      const finalCode = code ?? nextCustomCode(ctx, part);
      if (msrCodeTaken(ctx.db.sqlite, finalCode)) {
        throw new AppError('CONFLICT', `The code ${finalCode} is already used by another MSR item.`, { issues: [{ path: 'code', message: 'msrCodeTaken' }] });
      }
      const id = newId();
      const now = ctx.nowIso();
      insertMsrItem(ctx.db.orm, { id, code: finalCode, part, title, description, origin: 'custom', status: 'notAssessed', createdAt: now, updatedAt: now });
      const after = requireItem(ctx, id);
      audit({ entity: 'msrItem', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('msr.changed', [created.id]);
    return created;
  },

  'msr.updateItem': (ctx, { id, measureIds, ...fields }) => {
    const updated = ctx.transact((audit) => {
      const before = requireItem(ctx, id);
      const links = checkMeasures(ctx, measureIds);
      updateMsrItem(ctx.db.orm, id, { ...fields, updatedAt: ctx.nowIso() });
      setItemMeasures(ctx.db.orm, id, links);
      const after = requireItem(ctx, id);
      audit({ entity: 'msrItem', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('msr.changed', [id]);
    return updated;
  },

  'msr.deleteItem': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requireItem(ctx, id);
      deleteMsrItem(ctx.db.orm, id);
      audit({ entity: 'msrItem', entityId: id, action: 'delete', before });
    });
    ctx.emit('msr.changed', [id]);
    return { id };
  },

  'msr.attachEvidence': (ctx, { id, file }) => {
    requireItem(ctx, id);
    // Read (and size-checked) before the transaction: no file I/O while the database is locked.
    const { bytes, name } = loadEvidence(ctx, file);
    const updated = ctx.transact((audit) => {
      const before = requireItem(ctx, id);
      const now = ctx.nowIso();
      putEvidenceFile(ctx.db.orm, { itemId: id, name, mime: sniffMime(bytes, name), size: bytes.length, bytes, addedAt: now });
      updateMsrItem(ctx.db.orm, id, { updatedAt: now });
      const after = requireItem(ctx, id);
      audit({ entity: 'msrItem', entityId: id, action: 'attachEvidence', before: before.evidenceFile, after: after.evidenceFile });
      return after;
    });
    ctx.emit('msr.changed', [id]);
    return updated;
  },

  'msr.removeEvidence': (ctx, { id }) => {
    const updated = ctx.transact((audit) => {
      const before = requireItem(ctx, id);
      if (!before.evidenceFile) throw new AppError('NOT_FOUND', 'That item has no evidence file.');
      deleteEvidenceFile(ctx.db.orm, id);
      updateMsrItem(ctx.db.orm, id, { updatedAt: ctx.nowIso() });
      audit({ entity: 'msrItem', entityId: id, action: 'removeEvidence', before: before.evidenceFile });
      return requireItem(ctx, id);
    });
    ctx.emit('msr.changed', [id]);
    return updated;
  },

  'msr.snapshot': (ctx, { note }) => {
    ensureSeeded(ctx);
    const snapshot = ctx.transact((audit) => {
      const items = listMsrItems(ctx.db.sqlite);
      const row: SnapshotRow = {
        id: newId(),
        takenAt: ctx.nowIso(),
        actor: ctx.actor(),
        note,
        items: items.map((i) => ({ itemId: i.id, code: i.code, part: i.part, title: i.title, status: i.status as MsrStatus })),
      };
      const result = toSnapshot(row);
      insertSnapshot(ctx.db.orm, { ...row, overall: result.summary.overall.percent });
      audit({ entity: 'msrSnapshot', entityId: row.id, action: 'create', after: { note, overall: result.summary.overall.percent } });
      return result;
    });
    ctx.emit('msr.changed', []);
    return snapshot;
  },

  'msr.snapshots': (ctx) => ({ rows: listSnapshots(ctx.db.sqlite).map(toSnapshot) }),

  'msr.compare': (ctx, { id }) => {
    const all = listSnapshots(ctx.db.sqlite);
    const index = id ? all.findIndex((s) => s.id === id) : 0;
    if (id && index < 0) throw new AppError('NOT_FOUND', 'That assessment no longer exists.');
    return compareSnapshots(all[index] ?? null, all[index + 1] ?? null);
  },

  'msr.export': async (ctx, request) => {
    const target = checkExportTarget(request.path, request.format);
    ensureSeeded(ctx);
    const settings = loadSettings(ctx.db.sqlite);
    const lang = request.lang ?? settings.language;
    const t = translator(lang);
    const rows = listMsrItems(ctx.db.sqlite);
    const options = { sheetName: t('msr.sheet'), demoMarker: settings.isDemo ? t('demoMarker') : null };
    const columns = exportColumns(lang);
    const data = request.format === 'csv' ? toCsv(columns, rows, options) : await toXlsx(columns, rows, options);
    const written = writeExport(target, data);
    ctx.logger.info('export written', { command: ctx.command, rows: rows.length, bytes: written.bytes });
    return { ...written, rows: rows.length, verified: true };
  },
};
