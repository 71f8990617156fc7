import { readInputFile } from '../files/inputFile';
import type { CommandContext } from '../context';
import { AppError } from '../../../shared/envelope';
import type {
  LOCATION_PRECISIONS,
  SEVERITIES} from '../../../shared/contract/incidents';
import {
  CASUALTY_FIELDS,
  IncidentInputSchema,
  type DateOrder,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
  type IncidentFields,
  type ImportValueMap,
} from '../../../shared/contract/incidents';
import type { IncidentTaxonomy, TaxonomyField } from '../../../shared/contract/incidentTaxonomy';
import { createTaxonomyMatcher, createValueMapper, summariseFieldValues, type TaxonomyMatcher } from './taxonomyValues';
import { cellText, isNothing, parseBoolean, parseCoordinate, parseCount, parseDate, parseTime, sayEnglish, slashDateParts, type MessageParams, type Parsed, type Say } from './values';
import { MAX_CELL_CHARS, readTable, type Table } from './readTable';
import { suggestMapping, type HxlConflict } from './mapping';
import { translator } from '../i18n';
import type { Language } from '../../../shared/contract/common';

/**
 * Import messages in `lang` (keys under `incidentsImport.messages`): numbers formatted for the language,
 * the cell's own number (`value`) without thousands grouping, a list as quoted items.
 */
export function importSay(lang: Language): Say {
  const t = translator(lang);
  const grouped = new Intl.NumberFormat(lang);
  const plain = new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 20 });
  const shown = (name: string, v: MessageParams[string]): string => {
    if (typeof v === 'number') return (name === 'value' ? plain : grouped).format(v);
    if (typeof v === 'string') return v;
    return v.map((item) => t('incidentsImport.messages.quoted', { value: item })).join(t('incidentsImport.messages.listSeparator'));
  };
  return (key, params) => t(`incidentsImport.messages.${key}`, Object.fromEntries(Object.entries(params).map(([name, v]) => [name, shown(name, v)])));
}

/** A path or `upload:<id>` (browser mode) to bytes and a display name. */
export function loadImportFile(ref: string, ctx: Pick<CommandContext, 'uploads' | 'noteInputFile'>, say: Say = sayEnglish): { bytes: Buffer; name: string } {
  let tooLarge: AppError | null = null;
  try {
    return readInputFile(ctx, ref, {
      label: 'The file to import',
      maxBytes: 512 * 1024 * 1024,
      tooLarge: (name) => (tooLarge = new AppError('IO', say('fileTooLarge', { name, limit: 512 }, `${name} is larger than 512 MB.`), { reason: 'UNREADABLE' })),
      ioDetails: { reason: 'UNREADABLE' },
    });
  } catch (error) {
    if (say === sayEnglish || error === tooLarge || !(error instanceof AppError)) throw error;
    throw inLanguage(error, ref, say);
  }
}

/** The shared file reader's errors (worded in English there) in the user's language, with the same code and details. */
function inLanguage(error: AppError, ref: string, say: Say): AppError {
  const again = (message: string) => new AppError(error.code, message, error.details, error.ref);
  if (error.code === 'NOT_FOUND') return again(say('fileGone', {}, error.message));
  if (error.code === 'VALIDATION') return again(say('fileFullPath', {}, error.message));
  if (error.code === 'IO') {
    if (error.message.endsWith(' is not a file.')) return again(say('notAFile', { path: ref }, error.message));
    const errno = /\(([A-Za-z0-9_]+)\)\.$/.exec(error.message)?.[1];
    if (errno) return again(say('fileUnreadable', { path: ref, code: errno }, error.message));
  }
  return error;
}

export function defaultSource(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').trim() || 'import';
}

/** The column's day/month order, when some value settles it (a first number above 12 means day first). */
export function inferDateOrder(values: unknown[]): { order: DateOrder | null; ambiguous: boolean } {
  let dmy = false;
  let mdy = false;
  let slashed = false;
  for (const v of values) {
    const parts = slashDateParts(v);
    if (!parts) continue;
    slashed = true;
    if (parts.a > 12 && parts.b <= 12) dmy = true;
    if (parts.b > 12 && parts.a <= 12) mdy = true;
  }
  if (dmy && !mdy) return { order: 'dmy', ambiguous: false };
  if (mdy && !dmy) return { order: 'mdy', ambiguous: false };
  return { order: null, ambiguous: slashed };
}

function columnOf(mapping: ImportMapping, field: ImportField): string | null {
  for (const [column, f] of Object.entries(mapping)) if (f === field) return column;
  return null;
}

export async function previewImport(
  file: { bytes: Buffer; name: string },
  options: {
    sheet?: string | number;
    mapping?: ImportMapping;
    dateOrder?: DateOrder;
    source?: string;
    values?: ImportValueMap;
    strictTaxonomy?: boolean;
    /** Given: the preview lists each taxonomy column's distinct values against it. */
    taxonomy?: IncidentTaxonomy;
    /** The mapping came from a saved preset: its mapped columns this file lacks are reported. */
    fromPreset?: boolean;
    /** File and mapping errors in the user's language; default English. */
    say?: Say;
  },
): Promise<{ preview: ImportPreview; table: Table }> {
  const say = options.say ?? sayEnglish;
  const table = await readTable(file.bytes, file.name, { sheet: options.sheet, say });
  const suggestion = suggestMapping(table.columns, table.hxl);
  const mapping = options.mapping ? normaliseMapping(table, options.mapping, say) : suggestion.mapping;
  const presetMissingColumns =
    options.fromPreset && options.mapping ? Object.entries(options.mapping).filter(([column, field]) => field && !table.columns.includes(column)).map(([column]) => column) : [];
  const dateColumn = columnOf(mapping, 'date');
  const dateIndex = dateColumn ? table.columns.indexOf(dateColumn) : -1;
  const inferred = dateIndex >= 0 ? inferDateOrder(table.rows.map((r) => r.cells[dateIndex])) : { order: null, ambiguous: false };
  const preview: ImportPreview = {
    fileName: file.name,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheets: table.sheets,
    sheet: table.sheet,
    columns: table.columns.map((name, i) => ({
      name,
      hxl: table.hxl?.[i] ?? null,
      samples: table.rows
        .slice(0, 5)
        .map((r) => cellText(r.cells[i]).slice(0, 200)),
    })),
    hasHxlRow: table.hxl !== null,
    dataRows: table.rows.length,
    mapping,
    conflicts: suggestion.conflicts,
    dateOrder: options.dateOrder ?? inferred.order,
    dateOrderAmbiguous: !options.dateOrder && inferred.ambiguous,
    source: options.source ?? defaultSource(file.name),
    fieldValues: options.taxonomy ? summariseFieldValues(table, mapping, createTaxonomyMatcher(options.taxonomy)) : [],
    values: options.values ?? {},
    strictTaxonomy: options.strictTaxonomy ?? false,
    ...(options.taxonomy ? { taxonomy: options.taxonomy } : {}),
    presetMissingColumns,
  };
  return { preview, table };
}

/** A mapping from a preset or the UI: only this file's columns, each field at most once. */
function normaliseMapping(table: Table, mapping: ImportMapping, say: Say): ImportMapping {
  const out: ImportMapping = {};
  const seen = new Set<ImportField>();
  for (const column of table.columns) {
    const field = mapping[column] ?? null;
    if (field && seen.has(field)) {
      throw new AppError('VALIDATION', say('duplicateField', { field }, `Two columns are mapped to the same field "${field}"; map each field once.`), {
        issues: [{ path: column, message: 'duplicateField' }],
      });
    }
    if (field) seen.add(field);
    out[column] = field;
  }
  return out;
}

export interface PlannedRow {
  row: number;
  fields: IncidentFields;
  externalId: string | null;
  /** The row had a bad location: kept without it and flagged for review if the user skips invalid values. */
  locationProblem: boolean;
  /** Problems other than the location: the row cannot be imported. */
  fatal: boolean;
}

const TEXT_LIMITS: Partial<Record<ImportField, number>> = { narrative: 20_000, actionsTaken: 10_000, followUp: 10_000 };

const PRECISION_WORDS: [RegExp, (typeof LOCATION_PRECISIONS)[number]][] = [
  [/\bexact|\(1\)|\bpoint\b|precise/i, 'exact'],
  [/\b5\s*km/i, 'km5'],
  [/\b25\s*km|\(2\)/i, 'km25'],
  [/district|province|admin|state|governorate|region|commune|\(3\)|\(4\)|\(5\)/i, 'admin'],
  [/country|pays|pa[ií]s|\(6\)/i, 'country'],
];

const SEVERITY_WORDS: Record<string, (typeof SEVERITIES)[number]> = {
  low: 'low', faible: 'low', baja: 'low', minor: 'low', '1': 'low',
  moderate: 'moderate', medium: 'moderate', moyenne: 'moderate', modérée: 'moderate', media: 'moderate', '2': 'moderate',
  high: 'high', élevée: 'high', haute: 'high', alta: 'high', serious: 'high', '3': 'high',
  critical: 'critical', critique: 'critical', crítica: 'critical', '4': 'critical',
};

/** How taxonomy values are treated while planning rows. */
export interface ValueOptions {
  values?: ImportValueMap;
  /** A value neither in the taxonomy nor mapped is a row problem (UNKNOWN_CATEGORY). */
  strictTaxonomy?: boolean;
  taxonomy?: IncidentTaxonomy;
  /** The UNKNOWN_CATEGORY message, in the user's language. */
  unknownMessage?: (field: TaxonomyField, value: string, suggestion: string | null) => string;
  /** Every other row problem's message in the user's language (see importSay); default English. */
  say?: Say;
}

const defaultUnknownMessage = (field: TaxonomyField, value: string, suggestion: string | null) =>
  `"${value}" (${field}) is not in the taxonomy; map it or add it${suggestion ? ` (perhaps "${suggestion}")` : ''}.`;

export function planImport(
  table: Table,
  mapping: ImportMapping,
  dateOrder: DateOrder | null,
  problems: ImportProblem[],
  valueOptions: ValueOptions = {},
): PlannedRow[] {
  const planRow = createRowPlanner(table, mapping, dateOrder, problems, valueOptions);
  return table.rows.map(planRow);
}

/**
 * The same plan, a chunk of rows at a time: `between` runs after each chunk (with the rows done so far),
 * where the caller reports progress, yields to the event loop and may stop by throwing (cancel).
 */
export async function planImportInChunks(
  table: Table,
  mapping: ImportMapping,
  dateOrder: DateOrder | null,
  problems: ImportProblem[],
  valueOptions: ValueOptions,
  chunkRows: number,
  between: (done: number) => Promise<void>,
): Promise<PlannedRow[]> {
  const planRow = createRowPlanner(table, mapping, dateOrder, problems, valueOptions);
  const planned: PlannedRow[] = [];
  for (let start = 0; start < table.rows.length; start += chunkRows) {
    for (const r of table.rows.slice(start, start + chunkRows)) planned.push(planRow(r));
    await between(planned.length);
  }
  return planned;
}

function createRowPlanner(
  table: Table,
  mapping: ImportMapping,
  dateOrder: DateOrder | null,
  problems: ImportProblem[],
  valueOptions: ValueOptions,
): (row: Table['rows'][number]) => PlannedRow {
  const index = new Map<ImportField, { column: string; i: number }>();
  for (const [column, field] of Object.entries(mapping)) {
    const i = table.columns.indexOf(column);
    if (field && i >= 0) index.set(field, { column, i });
  }
  const say = valueOptions.say ?? sayEnglish;
  if (!index.has('date')) {
    throw new AppError('VALIDATION', say('noDateColumn', {}, 'No column is mapped to the incident date; map one to import.'), { issues: [{ path: 'date', message: 'required' }] });
  }
  const externalSeen = new Map<string, number>();
  const mapValue = createValueMapper(valueOptions.values);
  const strict = Boolean(valueOptions.strictTaxonomy && valueOptions.taxonomy);
  const matcher: TaxonomyMatcher | null = valueOptions.taxonomy ? createTaxonomyMatcher(valueOptions.taxonomy) : null;
  const unknownMessage = valueOptions.unknownMessage ?? defaultUnknownMessage;
  return ({ row, cells: original }) => {
    let cells = original;
    let fatal = false;
    let locationProblem = false;
    const report = (field: ImportField, code: string, message: string, location = false) => {
      problems.push({ row, column: index.get(field)?.column ?? null, code, message });
      if (location) locationProblem = true;
      else fatal = true;
    };
    const raw = (field: ImportField) => {
      const at = index.get(field);
      return at ? cells[at.i] : undefined;
    };
    const take = <T>(field: ImportField, parsed: Parsed<T>, location = false): T | null => {
      if (parsed.ok) return parsed.value;
      report(field, parsed.code, say(parsed.key, parsed.params, parsed.message), location);
      return null;
    };
    const textOf = (field: ImportField, limit = 300): string => {
      const value = raw(field);
      if (isNothing(value)) return '';
      const t = cellText(value);
      const max = TEXT_LIMITS[field] ?? limit;
      if (t.length > max) {
        report(field, 'TOO_LONG', say('textTooLong', { length: t.length, max }, `The text is ${t.length.toLocaleString('en')} characters long; at most ${max.toLocaleString('en')} fit.`));
        return '';
      }
      return t;
    };
    /** A taxonomy field: the file's value through the value mapping; with strictTaxonomy, known or mapped only. */
    const termOf = (field: TaxonomyField, limit = 300): string => {
      const t = textOf(field, limit);
      if (!t) return '';
      const mapped = mapValue(field, t);
      if (mapped !== null) return mapped;
      if (strict && matcher && !matcher.known(field, t)) report(field, 'UNKNOWN_CATEGORY', unknownMessage(field, t.slice(0, 100), matcher.suggest(field, t)));
      return t;
    };
    const huge = cells.findIndex((value) => typeof value === 'string' && value.length > MAX_CELL_CHARS);
    if (huge >= 0) {
      const size = (cells[huge] as string).length;
      const message = say('cellTooLarge', { size, max: MAX_CELL_CHARS }, `A cell holds ${size.toLocaleString('en')} characters; at most ${MAX_CELL_CHARS.toLocaleString('en')} are read.`);
      problems.push({ row, column: table.columns[huge] ?? null, code: 'TOO_LONG', message });
      fatal = true;
      cells = cells.map((value) => (typeof value === 'string' && value.length > MAX_CELL_CHARS ? null : value));
    }

    const parsedDate = parseDate(raw('date'), dateOrder);
    let date = take('date', parsedDate);
    if (parsedDate.ok && date === null) report('date', 'MISSING_DATE', say('missingDate', {}, 'The incident date is empty.'));
    if (date && date.length === 10 && index.has('time')) {
      const t = take('time', parseTime(raw('time')));
      if (t) date = `${date}T${String(t.h).padStart(2, '0')}:${String(t.min).padStart(2, '0')}:00Z`;
    }

    let latitude = take('latitude', parseCoordinate(raw('latitude'), 'lat'), true);
    let longitude = take('longitude', parseCoordinate(raw('longitude'), 'lon'), true);
    if ((latitude === null) !== (longitude === null) && !locationProblem) {
      report(latitude === null ? 'latitude' : 'longitude', 'COORDINATES_INCOMPLETE', say('coordinatesIncomplete', {}, 'Only one of latitude and longitude is given.'), true);
    }
    if (locationProblem) {
      latitude = null;
      longitude = null;
    }

    const counts: Partial<Record<(typeof CASUALTY_FIELDS)[number], number | null>> = {};
    for (const f of CASUALTY_FIELDS) counts[f] = index.has(f) ? take(f, parseCount(raw(f))) : null;
    // A total below its national + international parts would misreport; the parts are the finer record.
    for (const kind of ['killed', 'injured', 'kidnapped', 'arrested'] as const) {
      const parts = [counts[`${kind}National`], counts[`${kind}International`]];
      if (parts.some((p) => p != null)) {
        const sum = parts.reduce<number>((n, p) => n + (p ?? 0), 0);
        counts[kind] = Math.max(counts[kind] ?? 0, sum);
      }
    }

    let locationPrecision: IncidentFields['locationPrecision'] = null;
    const precisionText = textOf('locationPrecision');
    if (precisionText) {
      locationPrecision = PRECISION_WORDS.find(([re]) => re.test(precisionText))?.[1] ?? null;
      if (!locationPrecision) {
        const value = precisionText.slice(0, 40);
        report('locationPrecision', 'UNKNOWN_PRECISION', say('unknownPrecision', { value }, `"${value}" is not a known location precision.`));
      }
    }
    let severity: IncidentFields['severity'] = null;
    const severityText = textOf('severity').toLowerCase();
    if (severityText) {
      severity = SEVERITY_WORDS[severityText] ?? null;
      if (!severity) {
        const value = severityText.slice(0, 40);
        report('severity', 'UNKNOWN_SEVERITY', say('unknownSeverity', { value }, `"${value}" is not a severity (low, moderate, high, critical).`));
      }
    }
    const restricted = take('confidentiality', parseConfidentiality(raw('confidentiality')));
    const nearMiss = take('nearMiss', parseBoolean(raw('nearMiss')));
    const externalRaw = raw('externalId');
    const externalId = isNothing(externalRaw) ? null : cellText(externalRaw).slice(0, 200);
    if (externalId) {
      const first = externalSeen.get(externalId);
      // Row numbers as the spreadsheet shows them: no thousands grouping.
      if (first !== undefined) report('externalId', 'DUPLICATE_ID', say('duplicateId', { id: externalId, first: String(first) }, `The same id ${externalId} is on row ${first} too.`));
      else externalSeen.set(externalId, row);
    }

    const fields: IncidentFields = {
      date: date ?? '1900',
      country: textOf('country'),
      adminArea: textOf('adminArea'),
      areaId: null,
      placeName: textOf('placeName'),
      latitude,
      longitude,
      locationPrecision: latitude === null ? (locationPrecision === 'exact' || locationPrecision === 'km5' || locationPrecision === 'km25' ? null : locationPrecision) : locationPrecision,
      category: termOf('category', 200),
      subCategory: termOf('subCategory', 200),
      organisationAffected: termOf('organisationAffected'),
      perpetratorType: termOf('perpetratorType'),
      perpetratorName: textOf('perpetratorName'),
      weapon: termOf('weapon', 200),
      killed: counts.killed ?? null,
      killedNational: counts.killedNational ?? null,
      killedInternational: counts.killedInternational ?? null,
      injured: counts.injured ?? null,
      injuredNational: counts.injuredNational ?? null,
      injuredInternational: counts.injuredInternational ?? null,
      kidnapped: counts.kidnapped ?? null,
      kidnappedNational: counts.kidnappedNational ?? null,
      kidnappedInternational: counts.kidnappedInternational ?? null,
      arrested: counts.arrested ?? null,
      arrestedNational: counts.arrestedNational ?? null,
      arrestedInternational: counts.arrestedInternational ?? null,
      nearMiss: nearMiss ?? false,
      severity,
      narrative: textOf('narrative'),
      actionsTaken: textOf('actionsTaken'),
      followUp: textOf('followUp'),
      confidentiality: restricted ? 'restricted' : 'normal',
      needsReview: locationProblem,
    };
    if (!fatal) {
      // The contract's own schema is the last word, so an import can never store what the form would refuse.
      const checked = IncidentInputSchema.safeParse(fields);
      if (!checked.success) {
        for (const issue of checked.error.issues.slice(0, 3)) {
          const field = String(issue.path[0] ?? '') as ImportField;
          report(field, 'INVALID_VALUE', say('invalidValue', { field, detail: issue.message }, `${field}: ${issue.message}`));
        }
      }
    }
    return { row, fields, externalId, locationProblem, fatal };
  };
}

function parseConfidentiality(value: unknown): Parsed<boolean> {
  if (isNothing(value)) return { ok: true, value: null };
  const s = cellText(value).toLowerCase();
  if (/^(restricted|confidential|confidentiel|restreint|restringido|confidencial|secret|sensitive|sensible)/.test(s)) return { ok: true, value: true };
  if (/^(normal|public|open|ouvert|abierto|unrestricted|internal|interne)/.test(s)) return { ok: true, value: false };
  return parseBoolean(value);
}

export type { HxlConflict };
