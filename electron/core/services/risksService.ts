import type Database from 'better-sqlite3';
import { loadExcel } from '../export/loadExcel';
import { AppError } from '../../../shared/envelope';
import type { Language } from '../../../shared/contract/common';
import {
  DEFAULT_RISK_CATEGORIES,
  RISK_COLUMNS,
  RiskConfigSchema,
  type Measure,
  type Risk,
  type RiskColumn,
  type RiskConfig,
  type RiskDetail,
  type RiskChange,
  type RiskChanges,
  type RiskReview,
} from '../../../shared/contract/risks';
import { zonedToUtc } from '../../../shared/domain/zonedTime';
import { RISK_LEVEL_KEYS, RISK_MATRIX_PRESETS, type RiskMatrix } from '../../../shared/presets/riskMatrices';
import { emptyHeatMap, levelColour, riskLevel } from '../../../shared/domain/riskScoring';
import { getArea } from '../../../db/repositories/areas';
import { getPremises } from '../../../db/repositories/premises';
import {
  allRiskLevels,
  deleteMeasure,
  deleteRisk,
  getMeasure,
  countOverdue,
  getRisk,
  groupRisks,
  heatMapCounts,
  insertMeasure,
  insertReview,
  insertRisk,
  isLinked,
  linkMeasure,
  listMeasures,
  measuresOfRisk,
  nextRiskSeq,
  queryRisks,
  readRiskConfig,
  referenceTaken,
  reviewsOfRisk,
  risksByIds,
  setRiskLocations,
  significantReviewsSince,
  unlinkMeasure,
  updateMeasure,
  updateRisk,
  writeRiskConfig,
  type RiskRecord,
} from '../../../db/repositories/risks';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { neutraliseFormula, toCsv, toXlsx, type CellValue, type TabularColumn } from '../export/tabular';
import { loadSettings } from './settingsService';

const LEVEL_RANK = Object.fromEntries(RISK_LEVEL_KEYS.map((k, i) => [k, i + 1])) as Record<string, number>;

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  matrix: structuredClone(RISK_MATRIX_PRESETS.ifrc) as RiskConfig['matrix'],
  categories: [...DEFAULT_RISK_CATEGORIES],
  reviewMonths: 6,
};

export function loadRiskConfig(sqlite: Database.Database): RiskConfig {
  return RiskConfigSchema.parse({ ...DEFAULT_RISK_CONFIG, ...readRiskConfig(sqlite) });
}

/** "Today" in the delegation's time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Adds calendar months, clamping to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

function today(ctx: CommandContext): string {
  return todayIn(loadSettings(ctx.db.sqlite).timeZone, ctx.now());
}

function requireRisk(ctx: CommandContext, id: string): Risk {
  const found = getRisk(ctx.db.sqlite, id, today(ctx));
  if (!found) throw new AppError('NOT_FOUND', 'That risk no longer exists.');
  return found;
}

function requireMeasure(ctx: CommandContext, id: string): Measure {
  const found = getMeasure(ctx.db.sqlite, id);
  if (!found) throw new AppError('NOT_FOUND', 'That measure no longer exists.');
  return found;
}

function detail(ctx: CommandContext, id: string): RiskDetail {
  return { risk: requireRisk(ctx, id), measures: measuresOfRisk(ctx.db.sqlite, id), reviews: reviewsOfRisk(ctx.db.orm, id) };
}

export interface RiskFields {
  title: string;
  threat: string;
  cause: string;
  consequence: string;
  category: string;
  areaId: string | null;
  premisesId: string | null;
  areaIds?: string[] | undefined;
  premisesIds?: string[] | undefined;
  programme: string;
  exposed: string[];
  inherentLikelihood: number;
  inherentImpact: number;
  residualLikelihood: number;
  residualImpact: number;
  owner: string;
  status: Risk['status'];
  acceptedBy: string;
  acceptedOn: string | null;
  acceptanceValidUntil: string | null;
  nextReview: string | null;
  notes: string;
}

/**
 * The risk's areas and premises. A client that sends only the single areaId / premisesId (older forms,
 * scripts) means that one location; resending an unchanged first location keeps the rest of the list.
 */
export function resolveLocations(input: RiskFields, before: Risk | null): { areaIds: string[]; premisesIds: string[] } {
  const pick = (list: string[] | undefined, single: string | null, beforeSingle: string | null | undefined, beforeList: string[] | undefined) => {
    if (list) return [...new Set(list)];
    if (before && single === beforeSingle) return [...(beforeList ?? [])];
    return single ? [single] : [];
  };
  return {
    areaIds: pick(input.areaIds, input.areaId, before?.areaId, before?.areaIds),
    premisesIds: pick(input.premisesIds, input.premisesId, before?.premisesId, before?.premisesIds),
  };
}

function checkReferences(ctx: CommandContext, input: RiskFields, config: RiskConfig, locations: { areaIds: string[]; premisesIds: string[] }): void {
  const issues: Array<{ path: string; message: string }> = [];
  if (!config.categories.includes(input.category)) issues.push({ path: 'category', message: 'unknownCategory' });
  const explicitAreas = input.areaIds !== undefined;
  locations.areaIds.forEach((id, i) => {
    if (!getArea(ctx.db.sqlite, id)) issues.push({ path: explicitAreas ? `areaIds.${i}` : 'areaId', message: 'unknownArea' });
  });
  const explicitPremises = input.premisesIds !== undefined;
  locations.premisesIds.forEach((id, i) => {
    if (!getPremises(ctx.db.sqlite, id)) issues.push({ path: explicitPremises ? `premisesIds.${i}` : 'premisesId', message: 'unknownPremises' });
  });
  if (input.acceptedOn && input.acceptanceValidUntil && input.acceptanceValidUntil < input.acceptedOn) {
    issues.push({ path: 'acceptanceValidUntil', message: 'beforeAcceptance' });
  }
  if (issues.length) throw new AppError('VALIDATION', 'Some fields of the risk need attention.', { issues });
}

function record(
  ctx: CommandContext,
  input: RiskFields,
  matrix: RiskMatrix,
  reviewMonths: number,
  locations: { areaIds: string[]; premisesIds: string[] },
) {
  return {
    title: input.title,
    threat: input.threat,
    cause: input.cause,
    consequence: input.consequence,
    category: input.category,
    // The single-location columns keep the first of each list, for readers that know only them.
    areaId: locations.areaIds[0] ?? null,
    premisesId: locations.premisesIds[0] ?? null,
    programme: input.programme,
    exposed: input.exposed,
    inherentLikelihood: input.inherentLikelihood,
    inherentImpact: input.inherentImpact,
    inherentLevel: riskLevel(matrix, input.inherentLikelihood, input.inherentImpact),
    residualLikelihood: input.residualLikelihood,
    residualImpact: input.residualImpact,
    residualLevel: riskLevel(matrix, input.residualLikelihood, input.residualImpact),
    owner: input.owner,
    status: input.status,
    acceptedBy: input.acceptedBy,
    acceptedOn: input.acceptedOn,
    acceptanceValidUntil: input.acceptanceValidUntil,
    nextReview: input.nextReview ?? addMonths(today(ctx), reviewMonths),
    notes: input.notes,
  } satisfies Omit<RiskRecord, 'id' | 'seq' | 'reference' | 'createdAt' | 'updatedAt'>;
}

const TRACKED: ReadonlyArray<keyof Risk> = [
  'title',
  'threat',
  'cause',
  'consequence',
  'category',
  'locations',
  'programme',
  'exposed',
  'inherentLikelihood',
  'inherentImpact',
  'residualLikelihood',
  'residualImpact',
  'owner',
  'status',
  'acceptedBy',
  'acceptedOn',
  'acceptanceValidUntil',
  'nextReview',
  'notes',
];

function diff(before: Risk, after: Risk): Array<{ field: string; before: unknown; after: unknown }> {
  return TRACKED.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => ({
    field: f,
    before: before[f],
    after: after[f],
  }));
}

function writeReview(
  ctx: CommandContext,
  kind: RiskReview['kind'],
  before: Risk | null,
  after: Risk,
  changes: RiskReview['changes'],
  comment: string,
): void {
  insertReview(ctx.db.orm, {
    id: newId(),
    riskId: after.id,
    at: ctx.nowIso(),
    actor: ctx.actor(),
    kind,
    changes,
    inherentLevelBefore: before ? LEVEL_RANK[before.inherentLevel]! : null,
    inherentLevelAfter: LEVEL_RANK[after.inherentLevel]!,
    residualLevelBefore: before ? LEVEL_RANK[before.residualLevel]! : null,
    residualLevelAfter: LEVEL_RANK[after.residualLevel]!,
    comment,
  });
}

/** Problems of a would-be risk beyond its shape, without saving: shared by create and the import dry run. */
export function createRiskInTransaction(
  ctx: CommandContext,
  input: RiskFields & { reference?: string | undefined; comment: string },
  audit: (entry: { entity: string; entityId: string; action: string; before?: unknown; after?: unknown }) => void,
  kind: 'created' | 'imported' = 'created',
): Risk {
  const config = loadRiskConfig(ctx.db.sqlite);
  const locations = resolveLocations(input, null);
  checkReferences(ctx, input, config, locations);
  let seq = nextRiskSeq(ctx.db.sqlite);
  let reference = `R-${String(seq).padStart(3, '0')}`;
  if (input.reference) {
    reference = input.reference;
    if (referenceTaken(ctx.db.sqlite, reference)) {
      throw new AppError('CONFLICT', `The reference ${reference} is already used by another risk.`, {
        issues: [{ path: 'reference', message: 'referenceTaken' }],
      });
    }
    seq = Math.max(seq, Number(reference.slice(2)));
  }
  const now = ctx.nowIso();
  const id = newId();
  insertRisk(ctx.db.orm, { id, seq, reference, ...record(ctx, input, config.matrix, config.reviewMonths, locations), createdAt: now, updatedAt: now });
  setRiskLocations(ctx.db.orm, id, locations.areaIds, locations.premisesIds);
  const after = requireRisk(ctx, id);
  writeReview(ctx, kind, null, after, [], input.comment);
  audit({ entity: 'risk', entityId: id, action: kind === 'imported' ? 'import' : 'create', after });
  return after;
}

/** An update inside the caller's transaction: shared by risks.update and the import of a known reference. */
export function updateRiskInTransaction(
  ctx: CommandContext,
  id: string,
  input: RiskFields & { comment: string },
  audit: (entry: { entity: string; entityId: string; action: string; before?: unknown; after?: unknown }) => void,
  kind: 'updated' | 'imported' = 'updated',
): Risk {
  const { comment, ...fields } = input;
  const before = requireRisk(ctx, id);
  const config = loadRiskConfig(ctx.db.sqlite);
  const locations = resolveLocations(fields, before);
  checkReferences(ctx, fields, config, locations);
  const values = record(ctx, { ...fields, nextReview: fields.nextReview ?? before.nextReview }, config.matrix, config.reviewMonths, locations);
  updateRisk(ctx.db.orm, id, { ...values, updatedAt: ctx.nowIso() });
  setRiskLocations(ctx.db.orm, id, locations.areaIds, locations.premisesIds);
  const after = requireRisk(ctx, id);
  const changes = diff(before, after);
  // Saving without a change is still a review: the officer looked at the risk.
  writeReview(ctx, kind === 'imported' ? 'imported' : changes.length ? 'updated' : 'reviewed', before, after, changes, comment);
  audit({ entity: 'risk', entityId: id, action: kind === 'imported' ? 'import' : 'update', before, after });
  return after;
}

const LEVEL_COLUMNS = new Set<RiskColumn>(['inherentLevel', 'residualLevel']);

function exportColumns(lang: Language, ids: readonly RiskColumn[]): TabularColumn<Risk>[] {
  const t = translator(lang);
  const date = (s: string | null) => s;
  const value: Record<RiskColumn, (r: Risk) => CellValue> = {
    reference: (r) => r.reference,
    title: (r) => r.title,
    category: (r) => t(`risks.categories.${r.category}`, { defaultValue: r.category }),
    threat: (r) => r.threat,
    cause: (r) => r.cause,
    consequence: (r) => r.consequence,
    areaPath: (r) => r.areaPath,
    premisesName: (r) => r.premisesName,
    locations: (r) => r.locations || null,
    programme: (r) => r.programme,
    exposed: (r) => r.exposed.map((e) => t(`risks.exposed.${e}`)).join(', '),
    inherentLikelihood: (r) => r.inherentLikelihood,
    inherentImpact: (r) => r.inherentImpact,
    inherentLevel: (r) => t(`risks.levels.${r.inherentLevel}`),
    residualLikelihood: (r) => r.residualLikelihood,
    residualImpact: (r) => r.residualImpact,
    residualLevel: (r) => t(`risks.levels.${r.residualLevel}`),
    measureTitles: (r) => r.measureTitles || null,
    owner: (r) => r.owner,
    status: (r) => t(`risks.statuses.${r.status}`),
    acceptedBy: (r) => r.acceptedBy,
    acceptedOn: (r) => date(r.acceptedOn),
    acceptanceValidUntil: (r) => date(r.acceptanceValidUntil),
    nextReview: (r) => r.nextReview,
    notes: (r) => r.notes,
    updatedAt: (r) => r.updatedAt,
  };
  return ids.map((id) => ({ id, header: t(`risks.columns.${id}`), value: value[id] }));
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** The register as a head of delegation reads it: title, one row per risk, measures listed, levels coloured. */
async function registerXlsx(
  columns: TabularColumn<Risk>[],
  rows: Risk[],
  matrix: RiskMatrix,
  options: { sheetName: string; title: string; demoMarker: string | null; rtl: boolean },
): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Vigil';
  const sheet = workbook.addWorksheet(options.sheetName.slice(0, 31), {
    views: [{ rightToLeft: options.rtl }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  if (options.demoMarker) {
    const marker = sheet.addRow([options.demoMarker]);
    marker.font = { bold: true, color: { argb: 'FFC8102E' } };
  }
  const title = sheet.addRow([options.title]);
  title.font = { bold: true, size: 14 };
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E0E0' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const risk of rows) {
    const row = sheet.addRow(columns.map((c) => neutraliseFormula(c.value(risk))));
    row.alignment = { vertical: 'top', wrapText: true };
    columns.forEach((c, i) => {
      if (!LEVEL_COLUMNS.has(c.id as RiskColumn)) return;
      const level = LEVEL_RANK[c.id === 'inherentLevel' ? risk.inherentLevel : risk.residualLevel]!;
      const colour = levelColour(matrix, level);
      const cell = row.getCell(i + 1);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour.fill) } };
      cell.font = { bold: true, color: { argb: argb(colour.ink) } };
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: header.number, rightToLeft: options.rtl }];
  sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: columns.length } };
  const wide = new Set(['title', 'threat', 'cause', 'consequence', 'locations', 'measureTitles', 'notes']);
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = wide.has(c.id) ? 40 : Math.min(24, Math.max(10, c.header.length + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function recomputeLevels(ctx: CommandContext, matrix: RiskMatrix, comment: string): string[] {
  const changed: string[] = [];
  const day = today(ctx);
  for (const r of allRiskLevels(ctx.db.sqlite)) {
    const inherentLevel = riskLevel(matrix, r.il, r.ii);
    const residualLevel = riskLevel(matrix, r.rl, r.ri);
    if (inherentLevel === r.iLevel && residualLevel === r.rLevel) continue;
    const before = getRisk(ctx.db.sqlite, r.id, day)!;
    updateRisk(ctx.db.orm, r.id, { inherentLevel, residualLevel, updatedAt: ctx.nowIso() });
    const after = getRisk(ctx.db.sqlite, r.id, day)!;
    writeReview(ctx, 'matrixChanged', before, after, [], comment);
    changed.push(r.id);
  }
  return changed;
}

const FIELD_ORDER = [...TRACKED, 'measures'] as string[];

/** Every risk whose level or measures changed since the start of `since` in the delegation time zone. */
export function riskChanges(ctx: CommandContext, since: string): RiskChanges {
  const sinceInstant = zonedToUtc(`${since}T00:00`, loadSettings(ctx.db.sqlite).timeZone);
  const reviews = significantReviewsSince(ctx.db.sqlite, sinceInstant);
  const byRisk = new Map<string, RiskReview[]>();
  for (const r of reviews) byRisk.set(r.riskId, [...(byRisk.get(r.riskId) ?? []), r]);
  const found = risksByIds(ctx.db.sqlite, [...byRisk.keys()], today(ctx));
  const changes = found.map((risk): RiskChange => {
    // Newest first: the oldest entry holds the levels at the start of the period.
    const list = byRisk.get(risk.id) ?? [];
    const newest = list[0]!;
    const oldest = list[list.length - 1]!;
    const fields = new Set<string>();
    const added: string[] = [];
    const removed: string[] = [];
    for (const review of [...list].reverse()) {
      for (const c of review.changes) {
        fields.add(c.field);
        if (c.field !== 'measures') continue;
        if (typeof c.after === 'string') added.push(c.after);
        if (typeof c.before === 'string') removed.push(c.before);
      }
      if (review.inherentLevelBefore !== null && review.inherentLevelBefore !== review.inherentLevelAfter) fields.add('inherentLevel');
      if (review.residualLevelBefore !== null && review.residualLevelBefore !== review.residualLevelAfter) fields.add('residualLevel');
    }
    return {
      risk,
      reviews: list,
      inherentLevelBefore: oldest.inherentLevelBefore,
      inherentLevelAfter: newest.inherentLevelAfter,
      residualLevelBefore: oldest.residualLevelBefore,
      residualLevelAfter: newest.residualLevelAfter,
      changedFields: [...fields].sort((a, b) => rankOf(a) - rankOf(b)),
      measuresAdded: added,
      measuresRemoved: removed,
      lastChangeAt: newest.at,
      lastChangeBy: newest.actor,
    };
  });
  // Register order (by reference), as before; the view sorts as it likes.
  return { risks: changes, sinceInstant };
}

function rankOf(field: string): number {
  const i = FIELD_ORDER.indexOf(field === 'inherentLevel' ? 'inherentImpact' : field === 'residualLevel' ? 'residualImpact' : field);
  return i < 0 ? FIELD_ORDER.length : i + (field.endsWith('Level') ? 0.5 : 0);
}

function changeColumns(lang: Language): TabularColumn<RiskChange>[] {
  const t = translator(lang);
  const level = (k: string | null) => (k ? t(`risks.levels.${k}`) : t('risks.changes.new'));
  const fieldLabel = (f: string) => t(`risks.changes.fields.${f}`, { defaultValue: f });
  const cols: Array<[string, (c: RiskChange) => CellValue]> = [
    ['reference', (c) => c.risk.reference],
    ['title', (c) => c.risk.title],
    ['category', (c) => t(`risks.categories.${c.risk.category}`, { defaultValue: c.risk.category })],
    ['inherentBefore', (c) => level(c.inherentLevelBefore)],
    ['inherentAfter', (c) => level(c.inherentLevelAfter)],
    ['residualBefore', (c) => level(c.residualLevelBefore)],
    ['residualAfter', (c) => level(c.residualLevelAfter)],
    ['changed', (c) => c.changedFields.map(fieldLabel).join('; ')],
    ['measuresAdded', (c) => c.measuresAdded.join('; ')],
    ['measuresRemoved', (c) => c.measuresRemoved.join('; ')],
    ['lastChangeAt', (c) => c.lastChangeAt],
    ['lastChangeBy', (c) => c.lastChangeBy],
    ['comments', (c) => c.reviews.map((r) => r.comment).filter(Boolean).join('; ')],
  ];
  return cols.map(([id, value]) => ({ id, header: t(`risks.changes.columns.${id}`), value }));
}

export const risksHandlers: Handlers<
  | 'risks.list'
  | 'risks.get'
  | 'risks.create'
  | 'risks.update'
  | 'risks.delete'
  | 'risks.review'
  | 'risks.groups'
  | 'risks.heatmap'
  | 'risks.changes'
  | 'risks.exportChanges'
  | 'risks.config'
  | 'risks.setConfig'
  | 'risks.link'
  | 'risks.unlink'
  | 'risks.export'
  | 'measures.list'
  | 'measures.create'
  | 'measures.update'
  | 'measures.delete'
> = {
  'risks.list': (ctx, q) => queryRisks(ctx.db.sqlite, q, { offset: q.startRow, limit: q.endRow - q.startRow }, today(ctx)),

  'risks.get': (ctx, { id }) => detail(ctx, id),

  'risks.create': (ctx, input) => {
    const created = ctx.transact((audit) => createRiskInTransaction(ctx, input, audit));
    ctx.emit('risks.changed', [created.id]);
    return created;
  },

  'risks.update': (ctx, { id, comment, ...input }) => {
    const updated = ctx.transact((audit) => updateRiskInTransaction(ctx, id, { ...input, comment }, audit));
    ctx.emit('risks.changed', [id]);
    return updated;
  },

  'risks.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requireRisk(ctx, id);
      deleteRisk(ctx.db.orm, id);
      audit({ entity: 'risk', entityId: id, action: 'delete', before });
    });
    ctx.emit('risks.changed', [id]);
    return { id };
  },

  'risks.review': (ctx, { id, comment, nextReview }) => {
    const reviewed = ctx.transact((audit) => {
      const before = requireRisk(ctx, id);
      const { reviewMonths } = loadRiskConfig(ctx.db.sqlite);
      const due = nextReview ?? addMonths(today(ctx), reviewMonths);
      updateRisk(ctx.db.orm, id, { nextReview: due, updatedAt: ctx.nowIso() });
      const after = requireRisk(ctx, id);
      writeReview(ctx, 'reviewed', before, after, diff(before, after), comment);
      audit({ entity: 'risk', entityId: id, action: 'review', before, after });
      return after;
    });
    ctx.emit('risks.changed', [id]);
    return reviewed;
  },

  'risks.groups': (ctx, { by, view }) => {
    const groups = groupRisks(ctx.db.sqlite, by, view);
    return { groups, total: groups.reduce((s, g) => s + g.count, 0), overdue: countOverdue(ctx.db.sqlite, view, today(ctx)) };
  },

  'risks.heatmap': (ctx, { view }) => {
    const counts = heatMapCounts(ctx.db.sqlite, view);
    const fill = (cells: Array<{ l: number; i: number; n: number }>) => {
      const map = emptyHeatMap();
      for (const c of cells) map[c.l - 1]![c.i - 1] = c.n;
      return map;
    };
    return { inherent: fill(counts.inherent), residual: fill(counts.residual), total: counts.inherent.reduce((s, c) => s + c.n, 0) };
  },

  'risks.changes': (ctx, { since }) => riskChanges(ctx, since),

  'risks.exportChanges': async (ctx, { since, format, path, lang: wantedLang }) => {
    const target = checkExportTarget(path, format);
    const settings = loadSettings(ctx.db.sqlite);
    const lang = wantedLang ?? settings.language;
    const t = translator(lang);
    const { risks: rows } = riskChanges(ctx, since);
    const columns = changeColumns(lang);
    const demoMarker = settings.isDemo ? t('demoMarker') : null;
    const sheetName = t('risks.changes.sheet');
    const data =
      format === 'csv'
        ? toCsv(columns, rows, { sheetName, demoMarker })
        : await toXlsx(columns, rows, { sheetName, demoMarker });
    const written = writeExport(target, data);
    ctx.logger.info('export written', { command: ctx.command, rows: rows.length, bytes: written.bytes });
    return { ...written, rows: rows.length, verified: true };
  },

  'risks.config': (ctx) => loadRiskConfig(ctx.db.sqlite),

  'risks.setConfig': (ctx, { preset, cells, colours, categories, reviewMonths, comment }) => {
    let changed: string[] = [];
    const result = ctx.transact((audit) => {
      const before = loadRiskConfig(ctx.db.sqlite);
      const base = preset ? RISK_MATRIX_PRESETS[preset] : before.matrix;
      const matrix = {
        preset: base.preset,
        likelihoodLabels: [...base.likelihoodLabels],
        impactLabels: [...base.impactLabels],
        cells: (cells ?? base.cells).map((r) => [...r]),
        colours: (colours ?? base.colours).map((c) => ({ ...c })),
      };
      writeRiskConfig(ctx.db.orm, 'matrix', matrix);
      if (categories) writeRiskConfig(ctx.db.orm, 'categories', [...new Set(categories)]);
      if (reviewMonths) writeRiskConfig(ctx.db.orm, 'reviewMonths', reviewMonths);
      changed = recomputeLevels(ctx, matrix, comment);
      const after = loadRiskConfig(ctx.db.sqlite);
      audit({ entity: 'riskConfig', entityId: 'riskConfig', action: 'update', before, after: { ...after, recomputed: changed.length } });
      return after;
    });
    ctx.emit('risks.changed', changed);
    return result;
  },

  'risks.link': (ctx, { riskId, measureId, comment }) => {
    const result = ctx.transact((audit) => {
      const risk = requireRisk(ctx, riskId);
      const measure = requireMeasure(ctx, measureId);
      if (!isLinked(ctx.db.sqlite, riskId, measureId)) {
        linkMeasure(ctx.db.orm, riskId, measureId);
        writeReview(ctx, 'measureLinked', risk, risk, [{ field: 'measures', before: null, after: measure.title }], comment);
        audit({ entity: 'riskMeasureLink', entityId: riskId, action: 'link', after: { riskId, measureId } });
      }
      return detail(ctx, riskId);
    });
    ctx.emit('risks.changed', [riskId]);
    ctx.emit('measures.changed', [measureId]);
    return result;
  },

  'risks.unlink': (ctx, { riskId, measureId, comment }) => {
    const result = ctx.transact((audit) => {
      const risk = requireRisk(ctx, riskId);
      const measure = requireMeasure(ctx, measureId);
      if (!isLinked(ctx.db.sqlite, riskId, measureId)) throw new AppError('NOT_FOUND', 'That measure is not linked to this risk.');
      unlinkMeasure(ctx.db.orm, riskId, measureId);
      writeReview(ctx, 'measureUnlinked', risk, risk, [{ field: 'measures', before: measure.title, after: null }], comment);
      audit({ entity: 'riskMeasureLink', entityId: riskId, action: 'unlink', before: { riskId, measureId } });
      return detail(ctx, riskId);
    });
    ctx.emit('risks.changed', [riskId]);
    ctx.emit('measures.changed', [measureId]);
    return result;
  },

  'risks.export': async (ctx, request) => {
    const target = checkExportTarget(request.path, request.format);
    const settings = loadSettings(ctx.db.sqlite);
    const lang = request.lang ?? settings.language;
    const wanted = (request.columns ?? RISK_COLUMNS).filter((c): c is RiskColumn => (RISK_COLUMNS as readonly string[]).includes(c));
    if (wanted.length === 0) throw new AppError('VALIDATION', 'Choose at least one column to export.');
    const { rows } = queryRisks(ctx.db.sqlite, request.view, null, today(ctx));
    const columns = exportColumns(lang, wanted);
    const t = translator(lang);
    const demoMarker = settings.isDemo ? t('demoMarker') : null;
    const data =
      request.format === 'csv'
        ? toCsv(columns, rows, { sheetName: t('risks.sheet'), demoMarker })
        : await registerXlsx(columns, rows, loadRiskConfig(ctx.db.sqlite).matrix, {
            sheetName: t('risks.sheet'),
            title: t('risks.registerTitle', { delegation: settings.delegationName, date: today(ctx) }),
            demoMarker,
            rtl: lang === 'ar',
          });
    const written = writeExport(target, data);
    ctx.logger.info('export written', { command: ctx.command, rows: rows.length, bytes: written.bytes });
    return { ...written, rows: rows.length, verified: true };
  },

  'measures.list': (ctx) => ({ rows: listMeasures(ctx.db.sqlite) }),

  'measures.create': (ctx, { riskIds, ...input }) => {
    const created = ctx.transact((audit) => {
      const risks = [...new Set(riskIds)].map((id) => requireRisk(ctx, id));
      const now = ctx.nowIso();
      const id = newId();
      insertMeasure(ctx.db.orm, { id, ...input, createdAt: now, updatedAt: now });
      for (const risk of risks) {
        linkMeasure(ctx.db.orm, risk.id, id);
        writeReview(ctx, 'measureLinked', risk, risk, [{ field: 'measures', before: null, after: input.title }], '');
      }
      const after = requireMeasure(ctx, id);
      audit({ entity: 'measure', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('measures.changed', [created.id]);
    if (created.riskIds.length) ctx.emit('risks.changed', created.riskIds);
    return created;
  },

  'measures.update': (ctx, { id, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requireMeasure(ctx, id);
      updateMeasure(ctx.db.orm, id, { ...input, updatedAt: ctx.nowIso() });
      const after = requireMeasure(ctx, id);
      audit({ entity: 'measure', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('measures.changed', [id]);
    if (updated.riskIds.length) ctx.emit('risks.changed', updated.riskIds);
    return updated;
  },

  'measures.delete': (ctx, { id }) => {
    const before = ctx.transact((audit) => {
      const found = requireMeasure(ctx, id);
      const day = today(ctx);
      for (const riskId of found.riskIds) {
        const risk = getRisk(ctx.db.sqlite, riskId, day)!;
        writeReview(ctx, 'measureUnlinked', risk, risk, [{ field: 'measures', before: found.title, after: null }], '');
      }
      deleteMeasure(ctx.db.orm, id);
      audit({ entity: 'measure', entityId: id, action: 'delete', before: found });
      return found;
    });
    ctx.emit('measures.changed', [id]);
    if (before.riskIds.length) ctx.emit('risks.changed', before.riskIds);
    // MSR items linked to the measure lose the link (cascade): their checklist must refresh too.
    ctx.emit('msr.changed', []);
    return { id };
  },
};
