import { AppError } from '../../../shared/envelope';
import type { ReportExportResult } from '../../../shared/contract/reports';
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

const included = (report: BuiltReport) => report.sections.map((s) => s.section.id);

export const reportsHandlers: Handlers<'reports.options' | 'reports.getSummary' | 'reports.saveSummary' | 'reports.saveSections' | 'reports.preview' | 'reports.export'> = {
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
