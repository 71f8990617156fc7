import { AppError } from '../../../shared/envelope';
import {
  EXPOSED_GROUPS,
  RISK_STATUSES,
  RiskInputSchema,
  RiskReferenceSchema,
  type RiskImportProblem,
  type RisksImportReport,
  type RiskStatus,
} from '../../../shared/contract/risks';
import { referenceTaken } from '../../../db/repositories/risks';
import type { CommandContext } from '../context';
import type { Language } from '../../../shared/contract/common';
import { translator } from '../i18n';
import { loadSettings } from '../services/settingsService';
import type { Handlers } from '../registry';
import en from '../locales/en.json';
import fr from '../locales/fr.json';
import es from '../locales/es.json';
import ar from '../locales/ar.json';
import { readTable, uniqueHeaders, type Table, type TableRow } from './readTable';
import { importSay, loadImportFile } from './incidentsImport';
import { cellText, isNothing, parseDate } from './values';
import { createRiskInTransaction, loadRiskConfig, updateRiskInTransaction, type RiskFields } from '../services/risksService';

/**
 * `vigil import risks` / risks.import: a register kept in Excel (or exported by Vigil) read through the
 * shared table reader, columns recognised by their header in English, French, Spanish or Arabic, every
 * row checked before anything is written, then committed all or nothing.
 */

const FIELDS = [
  'reference',
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
] as const;
type Field = (typeof FIELDS)[number];
const REQUIRED: Field[] = ['title', 'inherentLikelihood', 'inherentImpact'];

const LOCALES = [en, fr, es, ar] as const;
type RisksLocale = (typeof en)['risks'];

/** Header and label comparison: case, accents, punctuation and spacing do not matter. */
export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Names seen in registers kept by hand, beside the headers Vigil itself writes in every language. */
const SYNONYMS: Record<Field, string[]> = {
  reference: ['reference', 'ref', 'ref no', 'risk id', 'id', 'no', 'référence', 'referencia', 'المرجع'],
  title: ['title', 'risk title', 'risk', 'titre', 'risque', 'título', 'titulo', 'riesgo', 'العنوان', 'الخطر'],
  threat: ['threat', 'event', 'menace', 'événement', 'amenaza', 'evento', 'التهديد'],
  cause: ['cause', 'causa', 'السبب'],
  consequence: ['consequence', 'impact description', 'conséquence', 'consecuencia', 'العاقبة'],
  category: ['category', 'type', 'catégorie', 'categoría', 'الفئة'],
  locations: ['locations', 'location', 'location s', 'locations premises or area', 'area', 'areas', 'premises', 'place', 'lieu', 'lieux', 'zone', 'zones', 'ubicacion', 'ubicaciones', 'zona', 'الموقع', 'المواقع', 'المنطقة'],
  programme: ['programme', 'program', 'programa', 'البرنامج'],
  exposed: ['exposed', 'who is exposed', 'exposés', 'expuestos', 'المعرضون'],
  inherentLikelihood: ['likelihood', 'probability', 'inherent probability', 'probabilité', 'vraisemblance', 'probabilidad', 'الاحتمال'],
  inherentImpact: ['impact', 'severity', 'inherent severity', 'gravité', 'impacto', 'gravedad', 'الأثر'],
  residualLikelihood: ['residual probability', 'probabilité résiduelle', 'probabilidad residual'],
  residualImpact: ['residual severity', 'gravité résiduelle', 'gravedad residual'],
  owner: ['owner', 'risk owner', 'responsible', 'responsable', 'propriétaire', 'المسؤول'],
  status: ['status', 'statut', 'état', 'estado', 'الحالة'],
  acceptedBy: ['accepted by', 'accepté par', 'aceptado por'],
  acceptedOn: ['accepted on', 'accepté le', 'aceptado el'],
  acceptanceValidUntil: ['acceptance valid until', 'valid until', "valable jusqu'au", 'válido hasta'],
  nextReview: ['next review', 'review date', 'review due', 'prochaine revue', 'prochaine révision', 'próxima revisión'],
  notes: ['notes', 'comments', 'remarks', 'remarques', 'commentaires', 'notas', 'comentarios', 'ملاحظات'],
};

const HEADER_TO_FIELD: Map<string, Field> = (() => {
  const map = new Map<string, Field>();
  for (const field of FIELDS) {
    for (const locale of LOCALES) {
      const header = (locale.risks.columns as Record<string, string>)[field];
      if (header) map.set(normalise(header), field);
    }
  }
  // Vigil's own headers win over a synonym that happens to match another field.
  for (const field of FIELDS) for (const name of SYNONYMS[field]) if (!map.has(normalise(name))) map.set(normalise(name), field);
  return map;
})();

function labelsOf(group: 'statuses' | 'exposed' | 'categories'): Map<string, string> {
  const map = new Map<string, string>();
  for (const locale of LOCALES) {
    for (const [key, label] of Object.entries((locale.risks as RisksLocale)[group])) {
      map.set(normalise(key), key);
      map.set(normalise(label), key);
    }
  }
  return map;
}
const STATUS_LABELS = labelsOf('statuses');
const EXPOSED_LABELS = labelsOf('exposed');
const CATEGORY_LABELS = labelsOf('categories');

export interface HeaderMatch {
  /** Spreadsheet row of the header (1 unless a title or demo marker sits above it). */
  headerRow: number;
  columns: string[];
  fields: (Field | null)[];
  rows: TableRow[];
}

/** Headers Vigil itself writes: a file that has one claims its field before any synonym does. */
const OWN_HEADERS: Set<string> = new Set(
  LOCALES.flatMap((locale) => FIELDS.map((f) => (locale.risks.columns as Record<string, string>)[f]).filter((h): h is string => Boolean(h)).map(normalise)),
);

function fieldsOf(columns: string[]): (Field | null)[] {
  const seen = new Set<Field>();
  const fields: (Field | null)[] = columns.map(() => null);
  // Two passes: Vigil's own "Locations" column wins over an "Area" column matched by synonym.
  for (const own of [true, false]) {
    columns.forEach((c, i) => {
      const key = normalise(c);
      if (fields[i] || OWN_HEADERS.has(key) !== own) return;
      const field = HEADER_TO_FIELD.get(key) ?? null;
      if (!field || seen.has(field)) return;
      seen.add(field);
      fields[i] = field;
    });
  }
  return fields;
}

/**
 * The header is the first row that names a title column: Vigil's own exports put a demo marker and the
 * register's title above it, and hand-made sheets often have a heading too.
 */
export function findHeader(table: Table): HeaderMatch {
  const first = fieldsOf(table.columns);
  const firstRow = (table.rows[0]?.row ?? 2) - 1;
  if (first.includes('title')) return { headerRow: firstRow, columns: table.columns, fields: first, rows: table.rows };
  for (let i = 0; i < Math.min(10, table.rows.length); i++) {
    const columns = uniqueHeaders(table.rows[i]!.cells);
    const fields = fieldsOf(columns);
    if (fields.includes('title')) return { headerRow: table.rows[i]!.row, columns, fields, rows: table.rows.slice(i + 1) };
  }
  return { headerRow: firstRow, columns: table.columns, fields: first, rows: table.rows };
}

/** Vigil's exports prefix = + - @ with an apostrophe so spreadsheets keep them as text: undo that. */
function text(value: unknown): string {
  const s = cellText(value);
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

/** Areas (by full path "Country › Province › City", or by name when only one area has it) and premises by name. */
function locationIndex(sqlite: CommandContext['db']['sqlite']): (name: string) => { kind: 'area' | 'premises'; id: string } | 'ambiguous' | null {
  const areas = sqlite.prepare('SELECT a.id, a.name, ap.path FROM areas a JOIN area_paths ap ON ap.area_id = a.id').all() as Array<{ id: string; name: string; path: string }>;
  const premises = sqlite.prepare('SELECT id, name FROM premises').all() as Array<{ id: string; name: string }>;
  const byPath = new Map(areas.map((a) => [normalise(a.path), a.id]));
  const byName = new Map<string, string[]>();
  for (const a of areas) byName.set(normalise(a.name), [...(byName.get(normalise(a.name)) ?? []), a.id]);
  const premisesByName = new Map<string, string[]>();
  for (const p of premises) premisesByName.set(normalise(p.name), [...(premisesByName.get(normalise(p.name)) ?? []), p.id]);
  return (name) => {
    const key = normalise(name);
    const path = byPath.get(key);
    if (path) return { kind: 'area', id: path };
    const named = byName.get(key);
    const building = premisesByName.get(key);
    if (named?.length === 1 && !building) return { kind: 'area', id: named[0]! };
    if (building?.length === 1 && !named) return { kind: 'premises', id: building[0]! };
    return named || building ? 'ambiguous' : null;
  };
}

const FIELD_LABEL: Record<Field, string> = Object.fromEntries(FIELDS.map((f) => [f, (en.risks.columns as Record<string, string>)[f] ?? f])) as Record<Field, string>;

interface PlannedRisk {
  row: number;
  reference: string | null;
  existingId: string | null;
  fields: RiskFields & { reference?: string; comment: string };
}

export function planRisks(
  ctx: CommandContext,
  table: Table,
  lang: Language = loadSettings(ctx.db.sqlite).language,
): { match: HeaderMatch; planned: PlannedRisk[]; problems: RiskImportProblem[]; invalid: Array<{ row: number; title: string; reference: string | null }> } {
  const match = findHeader(table);
  const problems: RiskImportProblem[] = [];
  // Messages in the user's language (English fallback); the column names stay those of the file.
  const tr = translator(lang);
  const msg = (key: string, params: Record<string, unknown> = {}) => tr(`risksImport.${key}`, params);
  const label = (f: Field) => tr(`risks.columns.${f}`, { defaultValue: FIELD_LABEL[f] });
  const list = (items: readonly string[]) => items.join(tr('risksImport.listSeparator'));
  const missing = REQUIRED.filter((f) => !match.fields.includes(f));
  if (missing.length) {
    for (const f of missing) {
      problems.push({
        row: match.headerRow,
        column: FIELD_LABEL[f],
        code: 'missingColumn',
        message: msg('missingColumn', { column: label(f), found: list(match.columns) }),
      });
    }
    return { match, planned: [], problems, invalid: [] };
  }
  const config = loadRiskConfig(ctx.db.sqlite);
  const categoryKeys = new Map(config.categories.map((c) => [normalise(c), c]));
  const defaultCategory = config.categories.includes('other') ? 'other' : config.categories[0]!;
  const index = new Map<Field, number>();
  match.fields.forEach((f, i) => f && index.set(f, i));
  const columnName = (f: Field) => match.columns[index.get(f)!] ?? FIELD_LABEL[f];
  const seenReferences = new Map<string, number>();
  const findLocation = index.has('locations') ? locationIndex(ctx.db.sqlite) : null;
  const planned: PlannedRisk[] = [];
  const invalid: Array<{ row: number; title: string; reference: string | null }> = [];

  for (const { row, cells } of match.rows) {
    const before = problems.length;
    const problem = (f: Field | null, code: string, message: string) => problems.push({ row, column: f ? columnName(f) : null, code, message });
    const raw = (f: Field): unknown => (index.has(f) ? cells[index.get(f)!] : undefined);
    const str = (f: Field) => text(raw(f));
    const step = (f: Field, fallback: number | null): number => {
      const v = raw(f);
      if (isNothing(v)) {
        if (fallback === null) problem(f, 'required', msg('stepEmpty', { field: label(f) }));
        return fallback ?? 1;
      }
      // "4", 4 or "4 - Likely": the leading number is the step.
      const m = /^\s*(\d+)(?:[.,]0+)?(?:\s*[-–:]\s*\S.*)?$/.exec(text(v));
      const n = m ? Number(m[1]) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > 5) {
        problem(f, 'scaleStep', msg('scaleStep', { field: label(f), value: text(v) }));
        return 1;
      }
      return n;
    };
    const date = (f: Field): string | null => {
      const v = raw(f);
      if (isNothing(v)) return null;
      const parsed = parseDate(v, 'dmy');
      const value = parsed.ok ? parsed.value : null;
      if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        problem(f, 'dateFormat', msg('dateFormat', { field: label(f), value: text(v) }));
        return null;
      }
      return value;
    };

    const title = str('title');
    if (!title) problem('title', 'required', msg('noTitle'));
    const inherentLikelihood = step('inherentLikelihood', null);
    const inherentImpact = step('inherentImpact', null);
    // No residual rating yet: the risk is as bad as before any measure.
    const residualLikelihood = step('residualLikelihood', inherentLikelihood);
    const residualImpact = step('residualImpact', inherentImpact);

    let category = defaultCategory;
    const categoryText = str('category');
    if (categoryText) {
      const key = categoryKeys.get(normalise(categoryText)) ?? CATEGORY_LABELS.get(normalise(categoryText));
      if (key && config.categories.includes(key)) category = key;
      else {
        const known = config.categories.map((c) => tr(`risks.categories.${c}`, { defaultValue: c }));
        problem('category', 'unknownCategory', msg('unknownCategory', { value: categoryText, list: list(known) }));
      }
    }

    let status: RiskStatus = 'open';
    const statusText = str('status');
    if (statusText) {
      const key = STATUS_LABELS.get(normalise(statusText));
      if (key && (RISK_STATUSES as readonly string[]).includes(key)) status = key as RiskStatus;
      else problem('status', 'unknownStatus', msg('unknownStatus', { value: statusText, list: list(RISK_STATUSES.map((k) => tr(`risks.statuses.${k}`))) }));
    }

    const exposed: Array<(typeof EXPOSED_GROUPS)[number]> = [];
    for (const part of str('exposed').split(/[,;/]/).map((p) => p.trim()).filter(Boolean)) {
      const key = EXPOSED_LABELS.get(normalise(part));
      if (key && (EXPOSED_GROUPS as readonly string[]).includes(key)) {
        if (!exposed.includes(key as (typeof exposed)[number])) exposed.push(key as (typeof exposed)[number]);
      } else problem('exposed', 'unknownExposed', msg('unknownExposed', { value: part, list: list(EXPOSED_GROUPS.map((k) => tr(`risks.exposed.${k}`))) }));
    }

    // Several locations in one cell, separated by ";" (or new lines), as Vigil's own export writes them.
    // A name this vault does not know (a register from another delegation) does not stop the import: the
    // risk keeps it in its notes, so nothing is lost and the officer can link the area later.
    const areaIds: string[] = [];
    const premisesIds: string[] = [];
    const unmatched: string[] = [];
    if (findLocation) {
      for (const part of str('locations').split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
        const found = findLocation(part);
        if (found === 'ambiguous' || !found) unmatched.push(part);
        else if (found.kind === 'area') {
          if (!areaIds.includes(found.id)) areaIds.push(found.id);
        } else if (!premisesIds.includes(found.id)) premisesIds.push(found.id);
      }
    }

    let reference: string | null = null;
    let existingId: string | null = null;
    const referenceText = str('reference');
    if (referenceText) {
      const parsed = RiskReferenceSchema.safeParse(referenceText.toUpperCase());
      if (!parsed.success) {
        problem('reference', 'referenceFormat', msg('referenceFormat', { value: referenceText }));
      } else {
        reference = parsed.data;
        const earlier = seenReferences.get(reference);
        if (earlier !== undefined) {
          problem('reference', 'duplicateReference', msg('duplicateReference', { reference, row: earlier }));
        } else {
          seenReferences.set(reference, row);
          if (referenceTaken(ctx.db.sqlite, reference)) {
            existingId = (ctx.db.sqlite.prepare('SELECT id FROM risks WHERE reference = ?').get(reference) as { id: string }).id;
          }
        }
      }
    }

    // No locations column: an updated risk keeps its locations (its first ones stand for the list).
    const kept =
      !findLocation && existingId
        ? (ctx.db.sqlite.prepare('SELECT area_id AS areaId, premises_id AS premisesId FROM risks WHERE id = ?').get(existingId) as {
            areaId: string | null;
            premisesId: string | null;
          })
        : null;
    const fields = {
      title,
      threat: str('threat'),
      cause: str('cause'),
      consequence: str('consequence'),
      category,
      areaId: kept ? kept.areaId : (areaIds[0] ?? null),
      premisesId: kept ? kept.premisesId : (premisesIds[0] ?? null),
      ...(findLocation ? { areaIds, premisesIds } : {}),
      programme: str('programme'),
      exposed,
      inherentLikelihood,
      inherentImpact,
      residualLikelihood,
      residualImpact,
      owner: str('owner'),
      status,
      acceptedBy: str('acceptedBy'),
      acceptedOn: date('acceptedOn'),
      acceptanceValidUntil: date('acceptanceValidUntil'),
      nextReview: date('nextReview'),
      notes: [str('notes'), unmatched.length ? msg('unmatchedLocations', { list: unmatched.join('; ') }) : ''].filter(Boolean).join('\n'),
    };
    if (fields.acceptedOn && fields.acceptanceValidUntil && fields.acceptanceValidUntil < fields.acceptedOn) {
      problem('acceptanceValidUntil', 'beforeAcceptance', msg('beforeAcceptance'));
    }
    if (problems.length === before) {
      // Lengths and the remaining rules of the form, exactly as risks.create checks them.
      const checked = RiskInputSchema.safeParse({ ...fields, ...(reference ? { reference } : {}) });
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const f = FIELDS.find((x) => x === issue.path[0]) ?? null;
          const where = f ? label(f) : msg('row');
          problem(f, issue.message, issue.message === 'tooLong' ? msg('tooLong', { field: where }) : msg('invalid', { field: where, issue: issue.message }));
        }
      }
    }
    if (problems.length === before) {
      planned.push({ row, reference, existingId, fields: { ...fields, ...(reference && !existingId ? { reference } : {}), comment: 'Imported' } });
    } else {
      invalid.push({ row, title, reference });
    }
  }
  return { match, planned, problems, invalid };
}

export const risksImportHandlers: Handlers<'risks.import'> = {
  'risks.import': async (ctx, { file, dryRun, sheet, lang: wantedLang }) => {
    const lang = wantedLang ?? loadSettings(ctx.db.sqlite).language;
    // File errors (empty, not a spreadsheet, unknown sheet…) in the officer's language, as for incidents.
    const say = importSay(lang);
    const loaded = loadImportFile(file, ctx, say);
    const table = await readTable(loaded.bytes, loaded.name, sheet === undefined ? { say } : { sheet, say });
    const { match, planned, problems, invalid } = planRisks(ctx, table, lang);
    const items: RisksImportReport['items'] = [
      ...planned.map((p) => ({ row: p.row, reference: p.reference, title: p.fields.title, action: p.existingId ? ('update' as const) : ('create' as const), riskId: p.existingId })),
      ...invalid.map((i) => ({ ...i, action: 'invalid' as const, riskId: null })),
    ].sort((a, b) => a.row - b.row);
    const report: RisksImportReport = {
      format: table.format,
      dryRun,
      committed: false,
      created: planned.filter((p) => !p.existingId).length,
      updated: planned.filter((p) => p.existingId).length,
      skipped: invalid.length,
      problems,
      columns: match.columns.map((name, i) => ({ name, field: match.fields[i] ?? null })),
      items,
    };
    if (dryRun || problems.length > 0 || planned.length === 0) return report;
    const ids = ctx.transact((audit) =>
      planned.map((p) => {
        try {
          return p.existingId
            ? updateRiskInTransaction(ctx, p.existingId, p.fields, audit, 'imported').id
            : createRiskInTransaction(ctx, p.fields, audit, 'imported').id;
        } catch (error) {
          // Everything was checked in the plan; a late refusal still names its row, and the transaction rolls back.
          if (error instanceof AppError) {
            throw new AppError(error.code, translator(lang)('risksImport.lateRefusal', { row: p.row, message: error.message }), error.details);
          }
          throw error;
        }
      }),
    );
    ctx.emit('risks.changed', ids);
    return { ...report, committed: true, items: items.map((i) => ({ ...i, riskId: i.riskId ?? ids[planned.findIndex((p) => p.row === i.row)] ?? null })) };
  },
};
