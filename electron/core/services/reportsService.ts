import { AppError } from '../../../shared/envelope';
import { MAX_LOGO_BYTES, type ReportExportResult, type ReportLogo } from '../../../shared/contract/reports';
import { writeSetting } from '../../../db/repositories/settings';
import { readInputFile } from '../files/inputFile';
import type { CommandContext } from '../context';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { translator } from '../i18n';
import type { Handlers } from '../registry';
import { buildReport, type BuiltReport } from '../report/periodic/build';
import { reportDocx } from '../report/periodic/docx';
import { headerFooter, reportHtml } from '../report/periodic/html';
import { recentPeriods, type ReportKind } from '../report/periodic/period';
import { reportXlsx } from '../report/periodic/xlsx';
import { printReportPdf } from '../report/renderPdf';
import { registeredSections } from '../report/sections/index';
import { loadSettings } from './settingsService';

function storedDisabled(ctx: CommandContext, kind: ReportKind): string[] {
  const row = ctx.db.sqlite.prepare('select disabled_sections as d from report_preferences where kind = ?').get(kind) as { d: string } | undefined;
  try {
    const v: unknown = row ? JSON.parse(row.d) : [];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function getSummary(ctx: CommandContext, kind: ReportKind, period: string) {
  const row = ctx.db.sqlite.prepare('select text, updated_at as updatedAt, updated_by as updatedBy from report_summaries where kind = ? and period = ?').get(kind, period) as
    | { text: string; updatedAt: string; updatedBy: string }
    | undefined;
  return { kind, period, text: row?.text ?? '', updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null };
}

function checkSectionIds(ids: readonly string[]): void {
  const known = new Set(registeredSections().map((s) => s.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError('VALIDATION', `Unknown report section(s): ${unknown.join(', ')}. Known: ${[...known].join(', ')}.`, { field: 'disabled' });
}

function build(ctx: CommandContext, input: { kind: ReportKind; period?: string | undefined; lang?: BuiltReport['rc']['lang'] | undefined; includeRestricted: boolean; disabled?: string[] | undefined }) {
  if (input.disabled) checkSectionIds(input.disabled);
  return buildReport(ctx, {
    kind: input.kind,
    period: input.period,
    lang: input.lang,
    includeRestricted: input.includeRestricted,
    disabled: new Set(input.disabled ?? storedDisabled(ctx, input.kind)),
  });
}

const LOGO_KEY = 'logo';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What the bytes are, whatever the file is called: a PNG or a JPEG, or null for anything else. */
export function logoMime(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.length > PNG_MAGIC.length && bytes.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

function readLogo(ctx: CommandContext): ReportLogo {
  const row = ctx.db.sqlite.prepare('select value from settings where key = ?').get(LOGO_KEY) as { value: string } | undefined;
  let value: unknown;
  try {
    value = row ? JSON.parse(row.value) : null;
  } catch {
    value = null;
  }
  const m = typeof value === 'string' ? /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(value) : null;
  if (!m) return { logo: null, mime: null, bytes: null };
  return { logo: value as string, mime: m[1] as 'image/png' | 'image/jpeg', bytes: Buffer.from(m[2]!, 'base64').length };
}

function refuseLogo(ctx: CommandContext, key: string, vars: Record<string, unknown>): AppError {
  const t = translator(loadSettings(ctx.db.sqlite).language);
  return new AppError('VALIDATION', t(`reportLogo.errors.${key}`, vars), { issues: [{ path: 'file', message: `logo.${key}` }] });
}

const logoAudit = (l: ReportLogo) => ({ logo: l.logo ? { mime: l.mime, bytes: l.bytes } : null });

const included = (report: BuiltReport) => report.sections.map((s) => s.section.id);

export const reportsHandlers: Handlers<
  | 'reports.options'
  | 'reports.getSummary'
  | 'reports.saveSummary'
  | 'reports.saveSections'
  | 'reports.getLogo'
  | 'reports.setLogo'
  | 'reports.clearLogo'
  | 'reports.preview'
  | 'reports.export'
> = {
  'reports.options': (ctx, { kind, lang }) => {
    const settings = loadSettings(ctx.db.sqlite);
    const t = translator(lang ?? settings.language);
    const periods = recentPeriods(kind, ctx.now(), settings.timeZone, kind === 'weekly' ? 26 : 8);
    const disabled = new Set(storedDisabled(ctx, kind));
    return {
      kind,
      defaultPeriod: periods[0]!.id,
      periods,
      sections: registeredSections().map((s) => ({ id: s.id, title: t(s.titleKey), optional: s.optional !== false, enabled: s.optional === false || !disabled.has(s.id) })),
    };
  },

  'reports.getSummary': (ctx, { kind, period }) => getSummary(ctx, kind, period),

  'reports.saveSummary': (ctx, { kind, period, text }) =>
    ctx.transact((audit) => {
      const before = getSummary(ctx, kind, period);
      ctx.db.sqlite
        .prepare(
          `insert into report_summaries (kind, period, text, updated_at, updated_by) values (?, ?, ?, ?, ?)
           on conflict (kind, period) do update set text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(kind, period, text, ctx.nowIso(), ctx.actor());
      const after = getSummary(ctx, kind, period);
      audit({ entity: 'report_summary', entityId: `${kind}:${period}`, action: before.updatedAt ? 'update' : 'create', before, after });
      return after;
    }),

  'reports.saveSections': (ctx, { kind, disabled }) => {
    checkSectionIds(disabled);
    return ctx.transact((audit) => {
      const before = storedDisabled(ctx, kind);
      const value = [...new Set(disabled)].sort();
      ctx.db.sqlite
        .prepare(
          `insert into report_preferences (kind, disabled_sections, updated_at) values (?, ?, ?)
           on conflict (kind) do update set disabled_sections = excluded.disabled_sections, updated_at = excluded.updated_at`,
        )
        .run(kind, JSON.stringify(value), ctx.nowIso());
      audit({ entity: 'report_preferences', entityId: kind, action: 'update', before: { disabled: before }, after: { disabled: value } });
      return { disabled: value };
    });
  },

  'reports.getLogo': (ctx) => readLogo(ctx),

  'reports.setLogo': (ctx, { file }) => {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    const read = readInputFile(ctx, file, {
      label: 'The logo',
      maxBytes: MAX_LOGO_BYTES,
      tooLarge: (name, size) => refuseLogo(ctx, 'tooLarge', { name, size: mb(size), max: mb(MAX_LOGO_BYTES) }),
      empty: (name) => refuseLogo(ctx, 'empty', { name }),
    });
    const mime = logoMime(read.bytes);
    if (!mime) throw refuseLogo(ctx, 'notImage', { name: read.name });
    const result = ctx.transact((audit) => {
      const before = readLogo(ctx);
      writeSetting(ctx.db.sqlite, LOGO_KEY, `data:${mime};base64,${read.bytes.toString('base64')}`);
      const after = readLogo(ctx);
      audit({ entity: 'settings', entityId: LOGO_KEY, action: before.logo ? 'update' : 'create', before: logoAudit(before), after: { ...logoAudit(after), name: read.name } });
      return after;
    });
    ctx.emit('settings.changed');
    return result;
  },

  'reports.clearLogo': (ctx) => {
    const result = ctx.transact((audit) => {
      const before = readLogo(ctx);
      ctx.db.sqlite.prepare('delete from settings where key = ?').run(LOGO_KEY);
      if (before.logo) audit({ entity: 'settings', entityId: LOGO_KEY, action: 'delete', before: logoAudit(before), after: null });
      return readLogo(ctx);
    });
    ctx.emit('settings.changed');
    return result;
  },

  'reports.preview': async (ctx, input) => {
    const report = await build(ctx, input);
    return { html: reportHtml(report), period: report.period, sections: included(report) };
  },

  'reports.export': async (ctx, input): Promise<ReportExportResult> => {
    const target = checkExportTarget(input.path, input.format);
    const report = await build(ctx, input);
    let data: Buffer;
    let pages: number | null = null;
    if (input.format === 'pdf') {
      const pdf = await printReportPdf(ctx, reportHtml(report), { paper: input.paper, chromium: input.chromium, ...headerFooter(report) });
      data = pdf.data;
      pages = pdf.pages;
    } else if (input.format === 'xlsx') {
      data = await reportXlsx(report);
    } else {
      data = await reportDocx(report, input.chromium);
    }
    const written = writeExport(target, data);
    ctx.logger.info('report written', { command: ctx.command, format: input.format, period: report.period.id, bytes: written.bytes, pages });
    return { path: written.path, bytes: written.bytes, sha256: written.sha256, verified: true, format: input.format, period: report.period.id, pages, sections: included(report) };
  },
};
