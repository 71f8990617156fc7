import { AppError } from '../../../shared/envelope';
import {
  INCIDENT_COLUMNS,
  type ImportMapping,
  type ImportReport,
  type Incident,
  type IncidentColumn,
  type IncidentFields,
} from '../../../shared/contract/incidents';
import { getArea } from '../../../db/repositories/areas';
import {
  areaIdsByName,
  deleteIncident,
  deleteImportPreset,
  getIncident,
  groupIncidents,
  incidentStats,
  incidentSummary,
  incidentWriter,
  iterateIncidents,
  listImportPresets,
  queryIncidents,
  upsertImportPreset,
} from '../../../db/repositories/incidents';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { toCsv, toXlsx, type CellValue, type TabularColumn } from '../export/tabular';
import { toGeoJson } from '../export/geojson';
import { toGpx, toKml, type IncidentPointText } from '../export/incidentsXml';
import { ANONYMISED_DROPPED_COLUMNS, anonymised } from '../export/incidentsAnonymise';
import type { Language } from '../../../shared/contract/common';
import { loadSettings } from './settingsService';
import { importSay, loadImportFile, planImportInChunks, previewImport } from '../import/incidentsImport';
import type { Say } from '../import/values';
import { cancelImportJobs, createProgressReporter, startImportJob, type ImportJob } from '../import/importJobs';
import { readTaxonomy } from '../../../db/repositories/incidentTaxonomy';
import { taxonomyLabel, type IncidentTaxonomy, type TaxonomyField } from '../../../shared/contract/incidentTaxonomy';
import { backupRuntimeOf } from '../backup/runtime';
import type { ImportPreset } from '../../../shared/contract/incidents';
import { incidentReportingHandlers, withReporting } from './incidentReportingService';

const MODULE = 'incidents';

/** A total is never below its national + international parts (the form may give only the parts). */
function withTotals<T extends IncidentFields>(fields: T): T {
  const out = { ...fields };
  for (const kind of ['killed', 'injured', 'kidnapped', 'arrested'] as const) {
    const parts = [out[`${kind}National`], out[`${kind}International`]];
    if (parts.some((p) => p != null)) out[kind] = Math.max(out[kind] ?? 0, parts.reduce<number>((n, p) => n + (p ?? 0), 0));
  }
  return out;
}

function requireIncident(ctx: CommandContext, id: string): Incident {
  const found = getIncident(ctx.db.sqlite, id);
  if (!found) throw new AppError('NOT_FOUND', 'That incident no longer exists.');
  return withReporting(ctx, [found])[0]!;
}

function requireAreaIfAny(ctx: CommandContext, areaId: string | null): void {
  if (areaId && !getArea(ctx.db.sqlite, areaId)) {
    throw new AppError('VALIDATION', 'The chosen area no longer exists.', { issues: [{ path: 'areaId', message: 'unknownArea' }] });
  }
}

function exportColumns(lang: Parameters<typeof translator>[0], ids: readonly IncidentColumn[]): TabularColumn<Incident>[] {
  const t = translator(lang);
  const value = (column: IncidentColumn) => (i: Incident): CellValue => {
    const v = i[column as keyof Incident];
    if (typeof v === 'boolean') return t(v ? 'yes' : 'no');
    if (column === 'severity' && v) return t(`incidents.severities.${String(v)}`);
    if (column === 'confidentiality') return t(`incidents.confidentiality.${String(v)}`);
    return (v ?? null) as CellValue;
  };
  return ids.map((id) => ({ id, header: t(`incidents.columns.${id}`), value: value(id) }));
}

const CASUALTY_KINDS = ['killed', 'injured', 'kidnapped', 'arrested'] as const;

/** "Killed: 1, Injured: 2", or null when no count is recorded. */
function casualtiesText(t: ReturnType<typeof translator>, i: Incident): string | null {
  const parts = CASUALTY_KINDS.filter((k) => i[k] != null && i[k] > 0).map((k) => `${t(`incidents.columns.${k}`)}: ${i[k]}`);
  return parts.length ? parts.join(', ') : null;
}

/** Name and description of a map point (KML Placemark, GPX wpt): never the narrative. */
function pointText(t: ReturnType<typeof translator>): IncidentPointText {
  return {
    name: (i) => [i.category || t('incidents.flash.uncategorised'), i.date.slice(0, 10)].join(' '),
    description: (i) => {
      const place = [i.placeName, i.adminArea, i.country].filter(Boolean).join(', ');
      const lines = [
        place ? `${t('incidents.columns.placeName')}: ${place}` : null,
        i.severity ? `${t('incidents.columns.severity')}: ${t(`incidents.severities.${i.severity}`)}` : null,
        `${t('incidents.flash.casualties')}: ${casualtiesText(t, i) ?? t('incidents.flash.noCasualties')}`,
        i.locationPrecision ? `${t('incidents.columns.locationPrecision')}: ${t(`incidents.precisions.${i.locationPrecision}`)}` : null,
      ];
      return lines.filter(Boolean).join('\n');
    },
  };
}

/** When, in the delegation's time zone for a full date-time; a partial date stays as partial as it is. */
function whenText(i: Incident, lang: Language, timeZone: string): string {
  if (i.datePrecision !== 'time') return i.date;
  const format = new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  });
  return format.format(new Date(i.date));
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The flash report: a short plain-text alert for a messenger. A restricted incident keeps its names
 * (perpetrator, place), narrative and free-text actions out of the text, whoever asks for it.
 */
function flashReport(i: Incident, lang: Language, timeZone: string, taxonomy: IncidentTaxonomy): { text: string; restricted: boolean } {
  const t = translator(lang);
  // Category, organisation and perpetrator type read as the receiver's language has them in the taxonomy.
  const term = (field: TaxonomyField, value: string) => taxonomyLabel(taxonomy, field, value, lang);
  const restricted = i.confidentiality === 'restricted';
  const what = [
    i.category ? term('category', i.category) : t('incidents.flash.uncategorised'),
    i.subCategory ? `(${term('subCategory', i.subCategory)})` : '',
    i.nearMiss ? `- ${t('incidents.flash.nearMiss')}` : '',
    i.severity ? `- ${t(`incidents.severities.${i.severity}`)}` : '',
  ].filter(Boolean).join(' ');
  const who = [
    i.organisationAffected ? `${t('incidents.columns.organisationAffected')}: ${term('organisationAffected', i.organisationAffected)}` : '',
    i.perpetratorType || (!restricted && i.perpetratorName)
      ? `${t('incidents.columns.perpetratorType')}: ${[i.perpetratorType && term('perpetratorType', i.perpetratorType), restricted ? '' : i.perpetratorName].filter(Boolean).join(' - ')}`
      : '',
  ].filter(Boolean);
  const place = [restricted ? '' : i.placeName, i.adminArea, i.country].filter(Boolean).join(', ');
  const coords = i.latitude != null && i.longitude != null && !restricted ? ` (${i.latitude}, ${i.longitude})` : '';
  const lines = [
    `${t(restricted ? 'incidents.flash.titleRestricted' : 'incidents.flash.title')}`,
    `${t('incidents.flash.what')}: ${what}`,
    ...who,
    `${t('incidents.flash.where')}: ${place || t('incidents.flash.notRecorded')}${coords}`,
    `${t('incidents.flash.when')}: ${whenText(i, lang, timeZone)}`,
    `${t('incidents.flash.casualties')}: ${casualtiesText(t, i) ?? t('incidents.flash.noCasualties')}`,
  ];
  if (restricted) lines.push(t('incidents.flash.restrictedNote'));
  else {
    lines.push(`${t('incidents.flash.actions')}: ${i.actionsTaken ? shorten(i.actionsTaken, 300) : t('incidents.flash.notRecorded')}`);
    if (i.narrative) lines.push(`${t('incidents.flash.narrative')}: ${shorten(i.narrative, 400)}`);
  }
  return { text: lines.join('\n'), restricted };
}

type ImportRunInput = Parameters<Handlers<'incidents.importRun'>['incidents.importRun']>[1];

/** Rows checked between two yields to the event loop (where progress goes out and a cancel is seen). */
export const IMPORT_CHUNK_ROWS = 2_000;

function findPreset(ctx: CommandContext, name: string | undefined, say: Say): ImportPreset | undefined {
  if (!name) return undefined;
  const preset = listImportPresets(ctx.db.sqlite, MODULE).find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!preset) throw new AppError('VALIDATION', say('noSuchPreset', { name }, `There is no saved mapping called "${name}".`), { reason: 'NO_SUCH_PRESET' });
  return preset;
}

/** The import's messages in the language asked for, else the vault's. */
function importLanguage(ctx: CommandContext, lang: Language | undefined): Language {
  return lang ?? loadSettings(ctx.db.sqlite).language;
}

/** Import options with a preset's saved ones as defaults (what the caller gives wins). */
function importOptions(ctx: CommandContext, input: Parameters<Handlers<'incidents.importPreview'>['incidents.importPreview']>[1], say: Say) {
  const preset = findPreset(ctx, input.preset, say);
  return {
    say,
    sheet: input.sheet ?? preset?.sheet ?? undefined,
    mapping: input.mapping ?? preset?.mapping,
    fromPreset: !input.mapping && Boolean(preset),
    dateOrder: input.dateOrder ?? preset?.dateOrder ?? undefined,
    source: input.source ?? preset?.name,
    values: input.values ?? preset?.values,
    strictTaxonomy: input.strictTaxonomy ?? preset?.strictTaxonomy ?? false,
    taxonomy: readTaxonomy(ctx.db.sqlite),
  };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function runImport(ctx: CommandContext, input: ImportRunInput): Promise<ImportReport> {
  const lang = importLanguage(ctx, input.lang);
  const t = translator(lang);
  const job = startImportJob(ctx.vault, () => t('incidentsImport.cancelled'));
  try {
    return await runImportJob(ctx, input, job, t, importSay(lang));
  } finally {
    job.end();
  }
}

/**
 * Read, check in chunks (yielding, so progress goes out and a cancel is heard), then write everything in one
 * synchronous transaction. The write is deliberately not chunked: a transaction left open across yields
 * would take in other commands' writes on the same connection and a lock or backup in the middle; one
 * synchronous transaction is all-or-nothing by construction. So a cancel is honoured up to the moment the
 * write starts, and the write reports its progress before and after.
 */
async function runImportJob(ctx: CommandContext, input: ImportRunInput, job: ImportJob, t: ReturnType<typeof translator>, say: Say): Promise<ImportReport> {
  const progress = createProgressReporter(backupRuntimeOf(ctx.vault)?.publish);
  progress('reading', 0, 0);
  const options = importOptions(ctx, input, say);
  const file = loadImportFile(input.file, ctx, say);
  // The run needs no list of distinct values: the taxonomy goes to the row check only.
  const { preview, table } = await previewImport(file, { ...options, taxonomy: undefined });
  job.check();
  const total = table.rows.length;
  progress('checking', 0, total);
  await yieldToEventLoop();
  job.check();
  const problems: ImportReport['problems'] = [];
  const planned = await planImportInChunks(
    table,
    preview.mapping,
    preview.dateOrder,
    problems,
    {
      values: preview.values,
      strictTaxonomy: preview.strictTaxonomy,
      taxonomy: options.taxonomy,
      say,
      unknownMessage: (field, value, suggestion) =>
        t(suggestion ? 'incidentsImport.unknownValueSuggest' : 'incidentsImport.unknownValue', { value, field: t(`incidentsImport.fields.${field}`), suggestion }),
    },
    IMPORT_CHUNK_ROWS,
    async (done) => {
      progress('checking', done, total);
      await yieldToEventLoop();
      job.check();
    },
  );
  const source = preview.source;
  const writer = incidentWriter(ctx.db.sqlite);
  const usable = planned.filter((p) => !p.fatal);
  const lookUpExisting = () => usable.map((p) => (p.externalId ? writer.idForExternal(source, p.externalId) : undefined));
  let existingIds = lookUpExisting();
  let updated = existingIds.filter(Boolean).length;
  const report: ImportReport = {
    created: usable.length - updated,
    updated,
    skipped: planned.length - usable.length,
    problems,
    flagged: usable.filter((p) => p.locationProblem).length,
    committed: false,
    dryRun: input.dryRun,
    sheet: preview.sheet,
    source,
    mapping: preview.mapping,
    conflicts: preview.conflicts,
    dateOrder: preview.dateOrder,
  };
  if (input.dryRun || (problems.length > 0 && !input.skipInvalid) || usable.length === 0) return report;

  progress('writing', 0, usable.length);
  // One last turn of the event loop so the "writing" event reaches the windows, and a last chance to cancel.
  await yieldToEventLoop();
  job.check();
  const areas = areaIdsByName(ctx.db.sqlite);
  ctx.transact((audit) => {
    // Looked up again inside the transaction: other commands may have run while the rows were checked.
    existingIds = lookUpExisting();
    updated = existingIds.filter(Boolean).length;
    report.created = usable.length - updated;
    report.updated = updated;
    const now = ctx.nowIso();
    usable.forEach((p, i) => {
      const fields: IncidentFields = {
        ...p.fields,
        areaId: areas.get(p.fields.adminArea.toLowerCase()) ?? areas.get(p.fields.placeName.toLowerCase()) ?? null,
      };
      const existing = existingIds[i];
      if (existing) writer.update(existing, fields, now);
      else writer.insert({ ...fields, id: newId(), externalId: p.externalId, source, createdAt: now, updatedAt: now });
    });
    // One audit row for the batch: who imported which file, with what mapping and result.
    audit({
      entity: 'incidents.import',
      entityId: newId(),
      action: 'import',
      after: {
        file: file.name,
        source,
        sheet: preview.sheet,
        mapping: preview.mapping,
        values: preview.values,
        strictTaxonomy: preview.strictTaxonomy,
        created: report.created,
        updated,
        skipped: report.skipped,
        flagged: report.flagged,
      },
    });
  });
  progress('writing', usable.length, usable.length);
  ctx.emit('incidents.changed');
  ctx.logger.info('incidents imported', { command: ctx.command, created: report.created, updated, skipped: report.skipped });
  return { ...report, committed: true };
}

export const incidentsHandlers: Handlers<
  | 'incidents.reporting'
  | 'incidents.recordReport'
  | 'incidents.reportingBoard'
  | 'incidents.reportingSettings'
  | 'incidents.updateReportingSettings'
  | 'incidents.attachments'
  | 'incidents.addAttachment'
  | 'incidents.saveAttachment'
  | 'incidents.deleteAttachment'
  | 'incidents.list'
  | 'incidents.get'
  | 'incidents.create'
  | 'incidents.update'
  | 'incidents.delete'
  | 'incidents.summary'
  | 'incidents.stats'
  | 'incidents.groups'
  | 'incidents.export'
  | 'incidents.flashReport'
  | 'incidents.importPreview'
  | 'incidents.importRun'
  | 'incidents.importCancel'
  | 'incidents.importPresets'
  | 'incidents.saveImportPreset'
  | 'incidents.deleteImportPreset'
> = {
  ...incidentReportingHandlers,

  'incidents.list': (ctx, q) => {
    const page = queryIncidents(ctx.db.sqlite, q, { offset: q.startRow, limit: q.endRow - q.startRow });
    return { ...page, rows: withReporting(ctx, page.rows) };
  },

  'incidents.get': (ctx, { id }) => requireIncident(ctx, id),

  'incidents.create': (ctx, input) => {
    const created = ctx.transact((audit) => {
      requireAreaIfAny(ctx, input.areaId);
      const now = ctx.nowIso();
      const id = newId();
      incidentWriter(ctx.db.sqlite).insert({ ...withTotals(input), id, externalId: null, source: null, createdAt: now, updatedAt: now });
      const after = requireIncident(ctx, id);
      audit({ entity: 'incident', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('incidents.changed', [created.id]);
    return created;
  },

  'incidents.update': (ctx, { id, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requireIncident(ctx, id);
      requireAreaIfAny(ctx, input.areaId);
      incidentWriter(ctx.db.sqlite).update(id, withTotals(input), ctx.nowIso());
      const after = requireIncident(ctx, id);
      audit({ entity: 'incident', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('incidents.changed', [id]);
    return updated;
  },

  'incidents.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requireIncident(ctx, id);
      deleteIncident(ctx.db.sqlite, id);
      audit({ entity: 'incident', entityId: id, action: 'delete', before });
    });
    ctx.emit('incidents.changed', [id]);
    return { id };
  },

  'incidents.summary': (ctx, { days }) => {
    const from = new Date(ctx.now().getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
    return { lastDays: days, ...incidentSummary(ctx.db.sqlite, from) };
  },

  'incidents.stats': (ctx, input) => incidentStats(ctx.db.sqlite, input),

  'incidents.groups': (ctx, { by, view }) => {
    const groups = groupIncidents(ctx.db.sqlite, by, view);
    return { groups, total: groups.reduce((sum, g) => sum + g.count, 0) };
  },

  'incidents.export': async (ctx, request) => {
    const extension = request.format;
    const target = checkExportTarget(request.path, extension);
    const settings = loadSettings(ctx.db.sqlite);
    const lang = request.lang ?? settings.language;
    const t = translator(lang);
    const km = request.anonymiseKm;
    const wanted = (request.columns ?? INCIDENT_COLUMNS).filter(
      (c): c is IncidentColumn => (INCIDENT_COLUMNS as readonly string[]).includes(c) && !(km && ANONYMISED_DROPPED_COLUMNS.includes(c as IncidentColumn)),
    );
    if (wanted.length === 0) throw new AppError('VALIDATION', 'Choose at least one column to export.');
    const rows = iterateIncidents(ctx.db.sqlite, request.view, null);
    let count = 0;
    const counted = (function* () {
      for (const r of km ? anonymised(rows, km) : rows) {
        count++;
        yield r;
      }
    })();
    const demoMarker = settings.isDemo ? t('demoMarker') : null;
    let data: Buffer;
    if (request.format === 'geojson') {
      data = toGeoJson(counted, wanted, demoMarker);
    } else if (request.format === 'kml' || request.format === 'gpx') {
      // Only located incidents become map points; the result counts the points written.
      const written = (request.format === 'kml' ? toKml : toGpx)(counted, pointText(t), t('incidents.sheet'), demoMarker);
      data = written.data;
      count = written.written;
    } else {
      const columns = exportColumns(lang, wanted);
      const options = { sheetName: t('incidents.sheet'), demoMarker };
      data = request.format === 'csv' ? toCsv(columns, counted, options) : await toXlsx(columns, counted, options);
    }
    const written = writeExport(target, data);
    ctx.logger.info('export written', { command: ctx.command, rows: count, bytes: written.bytes, format: request.format, anonymised: Boolean(km) });
    return { ...written, rows: count, verified: true };
  },

  'incidents.flashReport': (ctx, { id, lang }) => {
    const settings = loadSettings(ctx.db.sqlite);
    return flashReport(requireIncident(ctx, id), lang ?? settings.language, settings.timeZone, readTaxonomy(ctx.db.sqlite));
  },

  'incidents.importPreview': async (ctx, input) => {
    const say = importSay(importLanguage(ctx, input.lang));
    const options = importOptions(ctx, input, say);
    const file = loadImportFile(input.file, ctx, say);
    const { preview } = await previewImport(file, options);
    return preview;
  },

  'incidents.importRun': (ctx, input) => runImport(ctx, input),

  'incidents.importCancel': (ctx) => ({ cancelled: cancelImportJobs(ctx.vault) }),

  'incidents.importPresets': (ctx) => listImportPresets(ctx.db.sqlite, MODULE),

  'incidents.saveImportPreset': (ctx, input) => {
    const saved = ctx.transact((audit) => {
      const existing = listImportPresets(ctx.db.sqlite, MODULE).find((p) => p.name === input.name);
      const preset = { ...input, mapping: input.mapping as ImportMapping, id: existing?.id ?? newId(), updatedAt: ctx.nowIso() };
      upsertImportPreset(ctx.db.sqlite, MODULE, preset);
      const after = listImportPresets(ctx.db.sqlite, MODULE).find((p) => p.name === input.name)!;
      audit({ entity: 'importPreset', entityId: after.id, action: existing ? 'update' : 'create', before: existing, after });
      return after;
    });
    return saved;
  },

  'incidents.deleteImportPreset': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = listImportPresets(ctx.db.sqlite, MODULE).find((p) => p.id === id);
      if (!before) throw new AppError('NOT_FOUND', 'That saved mapping no longer exists.');
      deleteImportPreset(ctx.db.sqlite, id);
      audit({ entity: 'importPreset', entityId: id, action: 'delete', before });
    });
    return { id };
  },
};
