import { readInputFile } from '../files/inputFile';
import { AppError } from '../../../shared/envelope';
import type { Language } from '../../../shared/contract/common';
import {
  ACTION_COLUMNS,
  EQUIPMENT_COLUMNS,
  MAX_PHOTO_BYTES,
  type Action,
  type ActionColumn,
  type Equipment,
  type EquipmentColumn,
  type InspectionDetail,
  type InspectionSummary,
  type Template,
  type TemplateItem,
} from '../../../shared/contract/inspections';
import type { ExportRequest } from '../../../shared/contract/grid';
import { PRESET_ITEMS, PRESET_TEMPLATES, presetLabel, type AnswerType } from '../../../shared/presets/inspectionTemplates';
import { compareItem, isCheckValue, scoreInspection, type ScoredItem } from '../../../shared/domain/inspectionScoring';
import { isCalendarDate, todayIn } from '../../../shared/domain/equipmentExpiry';
import type { Orm } from '../../../db/openDb';
import type Database from 'better-sqlite3';
import { getPremises } from '../../../db/repositories/premises';
import * as repo from '../../../db/repositories/inspections';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { toCsv, toXlsx, type CellValue, type TabularColumn } from '../export/tabular';
import { loadSettings } from './settingsService';
import { renderInspectionReport } from '../report/inspectionReport';
import { reportLogo } from '../report/sections/cover';
import { printReportPdf } from '../report/renderPdf';

// ---- labels: preset items show in the reader's language until a user rewrites them ----
function itemLabel(item: { presetKey: string | null; label: string }, lang: Language): string {
  const preset = item.presetKey ? PRESET_ITEMS[item.presetKey] : undefined;
  return preset ? presetLabel(preset.label, lang) : item.label;
}

function templateName(t: { presetKey: string | null; name: string }, lang: Language): string {
  const preset = PRESET_TEMPLATES.find((p) => p.key === t.presetKey);
  return preset ? presetLabel(preset.name, lang) : t.name;
}

const matchesPreset = (labels: Record<string, string>, value: string) => Object.values(labels).includes(value.trim());

function lang(ctx: CommandContext): Language {
  return loadSettings(ctx.db.sqlite).language;
}

function today(ctx: CommandContext): string {
  return todayIn(ctx.now(), loadSettings(ctx.db.sqlite).timeZone);
}

// ---- presets ----
/** Writes the four preset templates into an empty vault (first use, or demo seeding). */
export function seedPresetTemplates(orm: Orm, sqlite: Database.Database, nowIso: string, makeId: () => string = newId): string[] {
  if (repo.countTemplates(sqlite) > 0) return [];
  const ids: string[] = [];
  for (const preset of PRESET_TEMPLATES) {
    const id = makeId();
    ids.push(id);
    repo.insertTemplate(
      orm,
      { id, familyId: id, version: 1, name: preset.name.en, presetKey: preset.key, premisesType: preset.key, passThreshold: preset.passThreshold, createdAt: nowIso },
      preset.items.map((key, position) => {
        const p = PRESET_ITEMS[key]!;
        return {
          id: makeId(),
          templateId: id,
          position,
          itemKey: key,
          presetKey: key,
          section: p.section,
          label: p.label.en,
          answerType: p.answerType,
          weight: p.weight,
          critical: p.critical,
          required: p.required,
          photoRequired: false,
        };
      }),
    );
  }
  return ids;
}

function ensurePresets(ctx: CommandContext): void {
  if (repo.countTemplates(ctx.db.sqlite) > 0) return;
  const ids = ctx.transact((audit) => {
    const created = seedPresetTemplates(ctx.db.orm, ctx.db.sqlite, ctx.nowIso());
    for (const id of created) audit({ entity: 'inspection_template', entityId: id, action: 'create', after: { preset: true } });
    return created;
  });
  if (ids.length) ctx.emit('inspections.changed', ids);
}

function toTemplateItem(row: repo.TemplateItemRow, l: Language): TemplateItem {
  return {
    id: row.id,
    itemKey: row.itemKey,
    presetKey: row.presetKey,
    section: row.section as TemplateItem['section'],
    label: itemLabel(row, l),
    answerType: row.answerType,
    weight: row.weight,
    critical: row.critical,
    required: row.required,
    photoRequired: row.photoRequired,
  };
}

function loadTemplate(ctx: CommandContext, id: string): Template {
  const row = repo.getTemplate(ctx.db.orm, id);
  if (!row) throw new AppError('NOT_FOUND', 'That checklist template no longer exists.');
  const l = lang(ctx);
  const items = repo.templateItems(ctx.db.orm, id).map((i) => toTemplateItem(i, l));
  return {
    id: row.id,
    familyId: row.familyId,
    version: row.version,
    name: templateName(row, l),
    presetKey: row.presetKey,
    premisesType: row.premisesType as Template['premisesType'],
    passThreshold: row.passThreshold,
    itemCount: items.length,
    createdAt: row.createdAt,
    items,
  };
}

// ---- inspections ----
function toSummary(row: repo.InspectionListRow, l: Language): InspectionSummary {
  return {
    id: row.id,
    premisesId: row.premisesId,
    premisesName: row.premisesName,
    templateId: row.templateId,
    templateName: templateName({ presetKey: row.templatePresetKey, name: row.templateName }, l),
    templateVersion: row.templateVersion,
    inspector: row.inspector,
    inspectedOn: row.inspectedOn,
    status: row.status,
    score: row.score,
    passed: row.passed === null ? null : Boolean(row.passed),
    updatedAt: row.updatedAt,
  };
}

function toAction(row: repo.ActionListRow, l: Language, todayDate: string): Action {
  const { itemPresetKey, ...rest } = row;
  return {
    ...rest,
    itemLabel: itemLabel({ presetKey: itemPresetKey, label: row.itemLabel }, l),
    overdue: row.status === 'open' && row.dueDate !== null && row.dueDate < todayDate,
  };
}

function scored(items: repo.InspectionItemRow[], photos: Map<string, string[]>): ScoredItem[] {
  return items.map((i) => ({
    id: i.id,
    key: i.itemKey,
    section: i.section,
    answerType: i.answerType,
    weight: i.weight,
    critical: i.critical,
    required: i.required,
    value: i.value,
    photoCount: photos.get(i.id)?.length ?? 0,
  }));
}

export function loadInspection(ctx: CommandContext, id: string, l: Language = lang(ctx)): InspectionDetail {
  const row = repo.getInspectionRow(ctx.db.orm, id);
  const list = repo.getInspectionListRow(ctx.db.sqlite, id);
  if (!row || !list) throw new AppError('NOT_FOUND', 'That inspection no longer exists.');
  const items = repo.inspectionItemRows(ctx.db.orm, id);
  const photos = repo.photoIdsByItem(ctx.db.sqlite, id);
  const score = scoreInspection(scored(items, photos), row.passThreshold);
  const t = today(ctx);
  return {
    ...toSummary(list, l),
    passThreshold: row.passThreshold,
    notes: row.notes,
    finishedAt: row.finishedAt,
    items: items.map((i) => ({
      id: i.id,
      itemKey: i.itemKey,
      presetKey: i.presetKey,
      section: i.section as TemplateItem['section'],
      label: itemLabel(i, l),
      answerType: i.answerType,
      weight: i.weight,
      critical: i.critical,
      required: i.required,
      photoRequired: i.photoRequired,
      value: i.value,
      note: i.note,
      photoIds: photos.get(i.id) ?? [],
      answeredAt: i.answeredAt,
    })),
    sections: score.sections,
    liveScore: score.total,
    livePassed: score.passed,
    failedItemIds: score.failed,
    unansweredRequiredIds: score.unansweredRequired,
    actions: repo.actionsOfInspection(ctx.db.sqlite, id).map((a) => toAction(a, l, t)),
  };
}

function requireDraft(ctx: CommandContext, id: string): repo.InspectionRow {
  const row = repo.getInspectionRow(ctx.db.orm, id);
  if (!row) throw new AppError('NOT_FOUND', 'That inspection no longer exists.');
  if (row.status !== 'draft') throw new AppError('CONFLICT', 'This inspection is finished; its answers can no longer change.');
  return row;
}

function normaliseAnswer(type: AnswerType, raw: string | null): string | null {
  if (raw === null) return null;
  const value = raw.trim();
  if (value === '') return null;
  const invalid = (message: string) => new AppError('VALIDATION', message, { issues: [{ path: 'value', message }] });
  switch (type) {
    case 'check':
      if (!isCheckValue(value)) throw invalid('Answer yes, no, partial or n.a.');
      return value;
    case 'number': {
      const n = Number(value.replace(',', '.'));
      if (!Number.isFinite(n)) throw invalid('This item takes a number.');
      return String(n);
    }
    case 'date':
      if (!isCalendarDate(value)) throw invalid('This item takes a date (YYYY-MM-DD).');
      return value;
    case 'photo':
      throw invalid('This item is answered by attaching a photo.');
    default:
      return value;
  }
}

// ---- photos ----
/** What the bytes really are (never the file name): PNG, JPEG or WebP. */
export function imageMime(bytes: Buffer): string | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

const tooLarge = (name: string, size: number) =>
  new AppError('VALIDATION', `${name} is ${(size / 1024 / 1024).toFixed(1)} MB; a photo can be at most 10 MB. Nothing was added.`, {
    issues: [{ path: 'file', message: 'photoTooLarge' }],
  });

function loadPhoto(ref: string, ctx: CommandContext): { bytes: Buffer; name: string } {
  return readInputFile(ctx, ref, { label: 'The photo', maxBytes: MAX_PHOTO_BYTES, tooLarge });
}

// ---- exports ----
function actionColumns(l: Language, ids: readonly ActionColumn[]): TabularColumn<Action>[] {
  const t = translator(l);
  const value: Record<ActionColumn, (a: Action) => CellValue> = {
    premisesName: (a) => a.premisesName,
    inspectedOn: (a) => a.inspectedOn,
    section: (a) => t(`inspections.sections.${a.section}`),
    title: (a) => a.title,
    owner: (a) => a.owner,
    dueDate: (a) => a.dueDate,
    status: (a) => t(`inspections.actionStatus.${a.overdue ? 'overdue' : a.status}`),
    closingNote: (a) => a.closingNote,
  };
  return ids.map((id) => ({ id, header: t(`inspections.actionColumns.${id}`), value: value[id] }));
}

function equipmentColumns(l: Language, ids: readonly EquipmentColumn[]): TabularColumn<Equipment>[] {
  const t = translator(l);
  const value: Record<EquipmentColumn, (e: Equipment) => CellValue> = {
    premisesName: (e) => e.premisesName,
    kind: (e) => t(`inspections.equipmentKinds.${e.kind}`),
    type: (e) => e.type,
    capacity: (e) => e.capacity,
    location: (e) => e.location,
    purchaseDate: (e) => e.purchaseDate,
    lastCheck: (e) => e.lastCheck,
    expiryDate: (e) => e.expiryDate,
    nextCheck: (e) => e.nextCheck,
    status: (e) => t(`inspections.expiry.${e.status}`),
    notes: (e) => e.notes,
  };
  return ids.map((id) => ({ id, header: t(`inspections.equipmentColumns.${id}`), value: value[id] }));
}

async function exportGrid<Row, C extends string>(
  ctx: CommandContext,
  request: ExportRequest & { format: 'csv' | 'xlsx' },
  all: readonly C[],
  rows: Row[],
  columnsFor: (l: Language, ids: readonly C[]) => TabularColumn<Row>[],
  sheetKey: string,
) {
  const target = checkExportTarget(request.path, request.format);
  const settings = loadSettings(ctx.db.sqlite);
  const l = request.lang ?? settings.language;
  const wanted = (request.columns ?? all).filter((c): c is C => (all as readonly string[]).includes(c));
  if (wanted.length === 0) throw new AppError('VALIDATION', 'Choose at least one column to export.');
  const t = translator(l);
  const options = { sheetName: t(sheetKey), demoMarker: settings.isDemo ? t('demoMarker') : null };
  const columns = columnsFor(l, wanted);
  const data = request.format === 'csv' ? toCsv(columns, rows, options) : await toXlsx(columns, rows, options);
  const written = writeExport(target, data);
  ctx.logger.info('export written', { command: ctx.command, rows: rows.length, bytes: written.bytes });
  return { ...written, rows: rows.length, verified: true };
}

function toEquipment(row: repo.EquipmentListRow): Equipment {
  return row as Equipment;
}

function requireEquipment(ctx: CommandContext, id: string): Equipment {
  const found = repo.getEquipment(ctx.db.sqlite, id, today(ctx));
  if (!found) throw new AppError('NOT_FOUND', 'That equipment no longer exists.');
  return toEquipment(found);
}

function requirePremisesId(ctx: CommandContext, id: string): void {
  if (!getPremises(ctx.db.sqlite, id)) {
    throw new AppError('VALIDATION', 'Those premises no longer exist.', { issues: [{ path: 'premisesId', message: 'unknownPremises' }] });
  }
}

export const inspectionsHandlers: Handlers<
  | 'inspections.listTemplates'
  | 'inspections.getTemplate'
  | 'inspections.saveTemplate'
  | 'inspections.templateVersions'
  | 'inspections.list'
  | 'inspections.get'
  | 'inspections.start'
  | 'inspections.answer'
  | 'inspections.addPhoto'
  | 'inspections.getPhoto'
  | 'inspections.deletePhoto'
  | 'inspections.finish'
  | 'inspections.delete'
  | 'inspections.compare'
  | 'inspections.createActions'
  | 'inspections.listActions'
  | 'inspections.updateAction'
  | 'inspections.exportActions'
  | 'inspections.report'
  | 'inspections.board'
  | 'equipment.list'
  | 'equipment.create'
  | 'equipment.update'
  | 'equipment.delete'
  | 'equipment.export'
> = {
  'inspections.listTemplates': (ctx) => {
    ensurePresets(ctx);
    const l = lang(ctx);
    return repo.listCurrentTemplates(ctx.db.sqlite).map((t) => ({
      id: t.id,
      familyId: t.familyId,
      version: t.version,
      name: templateName(t, l),
      presetKey: t.presetKey,
      premisesType: t.premisesType as Template['premisesType'],
      passThreshold: t.passThreshold,
      itemCount: t.itemCount,
      createdAt: t.createdAt,
    }));
  },

  'inspections.getTemplate': (ctx, { id }) => loadTemplate(ctx, id),

  'inspections.templateVersions': (ctx, { familyId }) => {
    const l = lang(ctx);
    const versions = repo.templateVersions(ctx.db.sqlite, familyId);
    if (versions.length === 0) throw new AppError('NOT_FOUND', 'That checklist template no longer exists.');
    return versions.map((v) => ({
      id: v.id,
      version: v.version,
      name: templateName(v, l),
      itemCount: v.itemCount,
      passThreshold: v.passThreshold,
      createdAt: v.createdAt,
      inspectionCount: v.inspectionCount,
      inspections: repo.inspectionsOfTemplate(ctx.db.sqlite, v.id, 20),
    }));
  },

  'inspections.saveTemplate': (ctx, input) => {
    if (input.items.length === 0) {
      throw new AppError('VALIDATION', 'A template needs at least one item; nothing was saved.', { issues: [{ path: 'items', message: 'noItems' }] });
    }
    const saved = ctx.transact((audit) => {
      let familyId = input.familyId;
      let presetKey: string | null = null;
      let version = 1;
      let before: Template | undefined;
      if (familyId) {
        version = repo.latestVersion(ctx.db.sqlite, familyId) + 1;
        if (version === 1) throw new AppError('NOT_FOUND', 'That checklist template no longer exists.');
        const current = repo.listCurrentTemplates(ctx.db.sqlite).find((t) => t.familyId === familyId)!;
        before = loadTemplate(ctx, current.id);
        const preset = PRESET_TEMPLATES.find((p) => p.key === current.presetKey);
        presetKey = preset && matchesPreset(preset.name, input.name) ? preset.key : null;
      }
      const id = newId();
      familyId ??= id;
      const used = new Set<string>();
      repo.insertTemplate(
        ctx.db.orm,
        { id, familyId, version, name: input.name, presetKey, premisesType: input.premisesType, passThreshold: input.passThreshold, createdAt: ctx.nowIso() },
        input.items.map((item, position) => {
          const preset = item.presetKey ? PRESET_ITEMS[item.presetKey] : undefined;
          // A preset label edited by the user becomes the user's own text (no longer translated).
          const keepPreset = preset && matchesPreset(preset.label, item.label) ? preset.key : null;
          let itemKey = item.itemKey || keepPreset || `custom.${newId()}`;
          if (used.has(itemKey)) itemKey = `custom.${newId()}`;
          used.add(itemKey);
          return {
            id: newId(),
            templateId: id,
            position,
            itemKey,
            presetKey: keepPreset,
            section: item.section,
            label: item.label,
            answerType: item.answerType,
            weight: item.weight,
            critical: item.critical,
            required: item.required,
            photoRequired: item.photoRequired,
          };
        }),
      );
      const after = loadTemplate(ctx, id);
      audit({ entity: 'inspection_template', entityId: id, action: before ? 'version' : 'create', before, after });
      return after;
    });
    ctx.emit('inspections.changed', [saved.id]);
    return saved;
  },

  'inspections.list': (ctx, q) => {
    const l = lang(ctx);
    const page = repo.queryInspections(ctx.db.sqlite, q, { offset: q.startRow, limit: q.endRow - q.startRow });
    return { rows: page.rows.map((r) => toSummary(r, l)), total: page.total };
  },

  'inspections.get': (ctx, { id }) => loadInspection(ctx, id),

  'inspections.start': (ctx, input) => {
    ensurePresets(ctx);
    const id = ctx.transact((audit) => {
      requirePremisesId(ctx, input.premisesId);
      const template = repo.getTemplate(ctx.db.orm, input.templateId);
      if (!template) throw new AppError('VALIDATION', 'That checklist template no longer exists.', { issues: [{ path: 'templateId', message: 'unknownTemplate' }] });
      const items = repo.templateItems(ctx.db.orm, template.id);
      if (items.length === 0) throw new AppError('VALIDATION', 'This template has no items; add items before inspecting with it.');
      const id = newId();
      const now = ctx.nowIso();
      repo.insertInspection(
        ctx.db.orm,
        {
          id,
          premisesId: input.premisesId,
          templateId: template.id,
          passThreshold: template.passThreshold,
          inspector: input.inspector?.trim() || ctx.actor() || '',
          inspectedOn: input.inspectedOn ?? today(ctx),
          status: 'draft',
          score: null,
          passed: null,
          notes: '',
          finishedAt: null,
          createdAt: now,
          updatedAt: now,
        },
        items.map((i) => ({ ...i, id: newId(), inspectionId: id, value: null, note: '', answeredAt: null })),
      );
      audit({ entity: 'inspection', entityId: id, action: 'create', after: { premisesId: input.premisesId, templateId: template.id } });
      return id;
    });
    ctx.emit('inspections.changed', [id]);
    return loadInspection(ctx, id);
  },

  'inspections.answer': (ctx, input) => {
    ctx.transact((audit) => {
      requireDraft(ctx, input.inspectionId);
      const item = repo.inspectionItemRows(ctx.db.orm, input.inspectionId).find((i) => i.id === input.itemId);
      if (!item) throw new AppError('NOT_FOUND', 'That item is not part of this inspection.');
      const changes: Partial<repo.InspectionItemRow> = {};
      if (input.value !== undefined) changes.value = normaliseAnswer(item.answerType, input.value);
      if (input.note !== undefined) changes.note = input.note;
      const now = ctx.nowIso();
      repo.updateInspectionItem(ctx.db.orm, item.id, { ...changes, answeredAt: now });
      repo.updateInspection(ctx.db.orm, input.inspectionId, { updatedAt: now });
      audit({ entity: 'inspection_item', entityId: item.id, action: 'answer', before: { value: item.value, note: item.note }, after: changes });
    });
    ctx.emit('inspections.changed', [input.inspectionId]);
    return loadInspection(ctx, input.inspectionId);
  },

  'inspections.addPhoto': (ctx, input) => {
    const file = loadPhoto(input.file, ctx);
    const mime = imageMime(file.bytes);
    if (!mime) {
      throw new AppError('VALIDATION', `${file.name} is not a PNG, JPEG or WebP image. Nothing was added.`, { issues: [{ path: 'file', message: 'notAnImage' }] });
    }
    const id = ctx.transact((audit) => {
      requireDraft(ctx, input.inspectionId);
      const item = repo.inspectionItemRows(ctx.db.orm, input.inspectionId).find((i) => i.id === input.itemId);
      if (!item) throw new AppError('NOT_FOUND', 'That item is not part of this inspection.');
      const id = newId();
      const now = ctx.nowIso();
      repo.insertPhoto(ctx.db.orm, { id, itemId: item.id, name: file.name.slice(0, 200), mime, size: file.bytes.length, bytes: file.bytes, createdAt: now });
      repo.updateInspection(ctx.db.orm, input.inspectionId, { updatedAt: now });
      audit({ entity: 'inspection_photo', entityId: id, action: 'create', after: { itemId: item.id, mime, size: file.bytes.length } });
      return id;
    });
    ctx.emit('inspections.changed', [input.inspectionId]);
    return { id, size: file.bytes.length, mime };
  },

  'inspections.getPhoto': (ctx, { id }) => {
    const photo = repo.getPhoto(ctx.db.sqlite, id);
    if (!photo) throw new AppError('NOT_FOUND', 'That photo no longer exists.');
    return { id, mime: photo.mime, dataBase64: Buffer.from(photo.bytes).toString('base64') };
  },

  'inspections.deletePhoto': (ctx, { id }) => {
    const inspectionId = ctx.transact((audit) => {
      const photo = repo.getPhoto(ctx.db.sqlite, id);
      if (!photo) throw new AppError('NOT_FOUND', 'That photo no longer exists.');
      const inspection = repo.getInspectionRow(ctx.db.orm, photo.inspectionId);
      if (inspection?.status !== 'draft') {
        throw new AppError('CONFLICT', 'This inspection is finished; its photos are kept with the record and cannot be deleted.');
      }
      repo.deletePhoto(ctx.db.orm, id);
      repo.updateInspection(ctx.db.orm, photo.inspectionId, { updatedAt: ctx.nowIso() });
      audit({ entity: 'inspection_photo', entityId: id, action: 'delete', before: { itemId: photo.itemId, size: photo.size } });
      return photo.inspectionId;
    });
    ctx.emit('inspections.changed', [inspectionId]);
    return { id };
  },

  'inspections.finish': (ctx, { id }) => {
    ctx.transact((audit) => {
      const row = requireDraft(ctx, id);
      const items = repo.inspectionItemRows(ctx.db.orm, id);
      const photos = repo.photoIdsByItem(ctx.db.sqlite, id);
      const score = scoreInspection(scored(items, photos), row.passThreshold);
      if (score.unansweredRequired.length) {
        const l = lang(ctx);
        const unanswered = items.filter((i) => score.unansweredRequired.includes(i.id)).map((i) => ({ itemId: i.id, section: i.section, label: itemLabel(i, l) }));
        throw new AppError(
          'VALIDATION',
          `${unanswered.length} required item(s) are not answered yet; the draft is kept: ${unanswered.slice(0, 5).map((u) => u.label).join('; ')}${unanswered.length > 5 ? '; …' : ''}`,
          { unanswered },
        );
      }
      // Evidence photos: an item marked "photo required" needs one unless it was answered n.a.
      const withoutPhoto = items.filter((i) => i.photoRequired && i.value !== 'na' && !(photos.get(i.id)?.length));
      if (withoutPhoto.length) {
        const l = lang(ctx);
        const missing = withoutPhoto.map((i) => ({ itemId: i.id, section: i.section, label: itemLabel(i, l) }));
        throw new AppError(
          'VALIDATION',
          `${missing.length} item(s) need a photo before the inspection can be finished; the draft is kept: ${missing.slice(0, 5).map((m) => m.label).join('; ')}${missing.length > 5 ? '; …' : ''}`,
          { missingPhotos: missing, issues: missing.map((m) => ({ path: `items.${m.itemId}`, message: 'photoRequired' })) },
        );
      }
      const now = ctx.nowIso();
      repo.updateInspection(ctx.db.orm, id, { status: 'finished', score: score.total, passed: score.passed, finishedAt: now, updatedAt: now });
      audit({ entity: 'inspection', entityId: id, action: 'finish', after: { score: score.total, passed: score.passed } });
    });
    ctx.emit('inspections.changed', [id]);
    return loadInspection(ctx, id);
  },

  'inspections.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const row = repo.getInspectionRow(ctx.db.orm, id);
      if (!row) throw new AppError('NOT_FOUND', 'That inspection no longer exists.');
      if (row.status !== 'draft') throw new AppError('CONFLICT', 'A finished inspection is kept as a record and cannot be deleted.');
      repo.deleteInspection(ctx.db.orm, id);
      audit({ entity: 'inspection', entityId: id, action: 'delete', before: row });
    });
    ctx.emit('inspections.changed', [id]);
    return { id };
  },

  'inspections.compare': (ctx, { id }) => {
    const l = lang(ctx);
    const row = repo.getInspectionRow(ctx.db.orm, id);
    if (!row) throw new AppError('NOT_FOUND', 'That inspection no longer exists.');
    const previous = repo.previousFinished(ctx.db.sqlite, row);
    const before = new Map(previous ? repo.inspectionItemRows(ctx.db.orm, previous.id).map((i) => [i.itemKey, i]) : []);
    const items = repo.inspectionItemRows(ctx.db.orm, id).map((i) => {
      const p = before.get(i.itemKey);
      return { itemKey: i.itemKey, section: i.section, label: itemLabel(i, l), before: p?.value ?? null, after: i.value, change: previous ? compareItem(p, i) : ('new' as const) };
    });
    const count = (c: string) => items.filter((i) => i.change === c).length;
    return { previous: previous ? toSummary(previous, l) : null, items, counts: { improved: count('improved'), worse: count('worse'), unchanged: count('unchanged') } };
  },

  'inspections.createActions': (ctx, input) => {
    const ids = ctx.transact((audit) => {
      const row = repo.getInspectionRow(ctx.db.orm, input.inspectionId);
      if (!row) throw new AppError('NOT_FOUND', 'That inspection no longer exists.');
      const items = new Map(repo.inspectionItemRows(ctx.db.orm, row.id).map((i) => [i.id, i]));
      const existing = new Set(repo.actionsOfInspection(ctx.db.sqlite, row.id).map((a) => a.itemId));
      const l = lang(ctx);
      const now = ctx.nowIso();
      const ids: string[] = [];
      input.actions.forEach((a, index) => {
        const item = items.get(a.itemId);
        const issue = (message: string) => new AppError('VALIDATION', message, { issues: [{ path: `actions.${index}.itemId`, message }] });
        if (!item) throw issue('That item is not part of this inspection.');
        if (item.answerType !== 'check' || (item.value !== 'no' && item.value !== 'partial')) throw issue('Only an item answered "no" or "partial" can become a corrective action.');
        if (existing.has(item.id)) throw issue('This item already has a corrective action.');
        existing.add(item.id);
        const id = newId();
        repo.insertAction(ctx.db.orm, {
          id,
          inspectionId: row.id,
          itemId: item.id,
          premisesId: row.premisesId,
          title: a.title?.trim() || itemLabel(item, l),
          owner: a.owner,
          dueDate: a.dueDate,
          status: 'open',
          closingNote: '',
          closedAt: null,
          createdAt: now,
          updatedAt: now,
        });
        audit({ entity: 'corrective_action', entityId: id, action: 'create', after: { itemId: item.id, owner: a.owner, dueDate: a.dueDate } });
        ids.push(id);
      });
      return ids;
    });
    ctx.emit('inspections.changed', [input.inspectionId]);
    const l = lang(ctx);
    const t = today(ctx);
    return ids.map((id) => toAction(repo.getActionRow(ctx.db.sqlite, id)!, l, t));
  },

  'inspections.listActions': (ctx, q) => {
    const l = lang(ctx);
    const t = today(ctx);
    const page = repo.queryActions(ctx.db.sqlite, q, t, { offset: q.startRow, limit: q.endRow - q.startRow });
    return { rows: page.rows.map((r) => toAction(r, l, t)), total: page.total };
  },

  'inspections.updateAction': (ctx, input) => {
    const l = lang(ctx);
    const t = today(ctx);
    const updated = ctx.transact((audit) => {
      const before = repo.getActionRow(ctx.db.sqlite, input.id);
      if (!before) throw new AppError('NOT_FOUND', 'That corrective action no longer exists.');
      if (input.status === 'done' && !input.closingNote) {
        throw new AppError('VALIDATION', 'Say how the action was closed.', { issues: [{ path: 'closingNote', message: 'required' }] });
      }
      const now = ctx.nowIso();
      repo.updateAction(ctx.db.orm, input.id, {
        title: input.title,
        owner: input.owner,
        dueDate: input.dueDate,
        status: input.status,
        closingNote: input.closingNote,
        closedAt: input.status === 'done' ? (before.closedAt ?? now) : null,
        updatedAt: now,
      });
      const after = toAction(repo.getActionRow(ctx.db.sqlite, input.id)!, l, t);
      audit({ entity: 'corrective_action', entityId: input.id, action: 'update', before, after });
      return after;
    });
    ctx.emit('inspections.changed', [updated.inspectionId]);
    return updated;
  },

  'inspections.exportActions': async (ctx, request) => {
    const l = lang(ctx);
    const t = today(ctx);
    const rows = repo.queryActions(ctx.db.sqlite, request.view, t, null).rows.map((r) => toAction(r, l, t));
    return exportGrid(ctx, request, ACTION_COLUMNS, rows, actionColumns, 'inspections.actionsSheet');
  },

  'inspections.report': async (ctx, request) => {
    const target = checkExportTarget(request.path, 'pdf');
    const settings = loadSettings(ctx.db.sqlite);
    const l = request.lang ?? settings.language;
    const detail = loadInspection(ctx, request.id, l);
    const photos = new Map<string, { mime: string; bytes: Buffer }>();
    for (const item of detail.items) {
      if (!detail.failedItemIds.includes(item.id) && item.answerType !== 'photo') continue;
      for (const photoId of item.photoIds) {
        const p = repo.getPhoto(ctx.db.sqlite, photoId);
        if (p) photos.set(photoId, { mime: p.mime, bytes: Buffer.from(p.bytes) });
      }
    }
    const premises = getPremises(ctx.db.sqlite, detail.premisesId);
    const html = renderInspectionReport({ detail, premises: premises ?? null, photos, lang: l, settings, generatedAt: ctx.nowIso(), logo: reportLogo(ctx.db.sqlite) });
    const pdf = await printReportPdf(ctx, html, { paper: request.paper, chromium: request.chromium });
    const written = writeExport(target, pdf.data);
    ctx.logger.info('report written', { command: ctx.command, bytes: written.bytes, pages: pdf.pages });
    return { ...written, verified: true, pages: pdf.pages };
  },

  'inspections.board': (ctx) => repo.boardCounts(ctx.db.sqlite, today(ctx)),

  'equipment.list': (ctx, q) => {
    const page = repo.queryEquipment(ctx.db.sqlite, q, today(ctx), { offset: q.startRow, limit: q.endRow - q.startRow });
    return { rows: page.rows.map(toEquipment), total: page.total };
  },

  'equipment.create': (ctx, input) => {
    const created = ctx.transact((audit) => {
      requirePremisesId(ctx, input.premisesId);
      const now = ctx.nowIso();
      const id = newId();
      repo.insertEquipment(ctx.db.orm, { id, ...input, createdAt: now, updatedAt: now });
      const after = requireEquipment(ctx, id);
      audit({ entity: 'equipment', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('equipment.changed', [created.id]);
    return created;
  },

  'equipment.update': (ctx, { id, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requireEquipment(ctx, id);
      requirePremisesId(ctx, input.premisesId);
      repo.updateEquipment(ctx.db.orm, id, { ...input, updatedAt: ctx.nowIso() });
      const after = requireEquipment(ctx, id);
      audit({ entity: 'equipment', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('equipment.changed', [id]);
    return updated;
  },

  'equipment.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requireEquipment(ctx, id);
      repo.deleteEquipment(ctx.db.orm, id);
      audit({ entity: 'equipment', entityId: id, action: 'delete', before });
    });
    ctx.emit('equipment.changed', [id]);
    return { id };
  },

  'equipment.export': async (ctx, request) => {
    const rows = repo.queryEquipment(ctx.db.sqlite, request.view, today(ctx), null).rows.map(toEquipment);
    return exportGrid(ctx, request, EQUIPMENT_COLUMNS, rows, equipmentColumns, 'inspections.equipmentSheet');
  },
};
