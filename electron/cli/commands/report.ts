import path from 'node:path';
import { Option, type Command } from 'commander';
import { LanguageSchema } from '../../../shared/contract/common';
import type { ReportExportResult } from '../../../shared/contract/reports';
import { parsePeriod, PeriodError, type ReportKind } from '../../core/report/periodic/period';
import { findChromium, findElectron } from '../../core/report/renderPdf';
import { CliExit, EXIT } from '../exitCodes';
import { printResult } from '../output';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';

const FORMATS = ['pdf', 'xlsx', 'docx'] as const;
type Format = (typeof FORMATS)[number];

interface ReportOptions {
  period?: string;
  out: string;
  paper: 'a4' | 'letter';
  chromium?: string;
  includeRestricted?: boolean;
  without?: string;
}

/** Usage errors are caught before the vault is opened: nothing is read, nothing is written. */
function checkPeriod(kind: ReportKind, period: string | undefined): void {
  if (period === undefined) return;
  try {
    // The time zone does not change whether an id exists; the core resolves the real bounds.
    parsePeriod(kind, period, 'UTC');
  } catch (error) {
    if (error instanceof PeriodError) throw new CliExit(EXIT.usage, `--period: ${error.message}`);
    throw error;
  }
}

function formatOf(out: string): Format {
  const ext = path.extname(out).slice(1).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(ext)) throw new CliExit(EXIT.usage, `--out must end in .pdf, .xlsx or .docx (got "${path.basename(out)}").`);
  return ext as Format;
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('weekly or quarterly security report (PDF, XLSX or DOCX)');
  for (const kind of ['weekly', 'quarterly'] as const) {
    report
      .command(kind)
      .description(`the ${kind} security report; default period: the last complete one in the delegation time zone`)
      .option('--period <id>', kind === 'weekly' ? 'ISO week, YYYY-Www (e.g. 2026-W47)' : 'quarter, YYYY-Qn (e.g. 2026-Q3)')
      .requiredOption('--out <file>', 'file.pdf, file.xlsx or file.docx (replaced atomically, checked, SHA256SUMS updated)')
      .addOption(new Option('--paper <size>', 'paper size (PDF)').choices(['a4', 'letter']).default('a4'))
      .option('--chromium <path>', 'Chromium used to print (else VIGIL_CHROMIUM, /usr/bin/chromium, then the Electron of the app)')
      .option('--include-restricted', 'include restricted incidents (left out by default)')
      .option('--without <ids>', 'sections to leave out, comma-separated (e.g. incidentMap,movements)')
      .action(async (opts: ReportOptions, cmd: Command) => {
        const global = cmd.optsWithGlobals<GlobalOptions>();
        checkPeriod(kind, opts.period);
        const format = formatOf(opts.out);
        // --lang is the global option (en, fr, es, ar; checked by commander): it sets the report language.
        const lang = global.lang === undefined ? undefined : LanguageSchema.safeParse(global.lang);
        // PDF needs a browser (--chromium, VIGIL_CHROMIUM, /usr/bin/chromium, then Electron); DOCX uses
        // Chromium for the pictures and says so in the file when there is none.
        const chromium = findChromium(opts.chromium);
        if (format === 'pdf' && !chromium && (opts.chromium || !findElectron())) {
          throw new CliExit(EXIT.usage, `No Chromium found${opts.chromium ? ` at ${opts.chromium}` : ''}: install chromium, or pass --chromium <path> or VIGIL_CHROMIUM.`);
        }
        const core = openCore(global);
        try {
          await unlock(core);
          const result = valueOf<ReportExportResult>(
            await core.dispatch('reports.export', {
              kind,
              format,
              path: path.resolve(opts.out),
              paper: opts.paper,
              includeRestricted: Boolean(opts.includeRestricted),
              ...(opts.period ? { period: opts.period } : {}),
              ...(lang?.success ? { lang: lang.data } : {}),
              ...(chromium ? { chromium } : {}),
              ...(opts.without ? { disabled: opts.without.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
            }),
          );
          printResult(
            global,
            result,
            `${kind === 'weekly' ? 'Weekly' : 'Quarterly'} report ${result.period}${result.pages ? ` (${result.pages} page(s))` : ''} written to ${result.path} (sha256 ${result.sha256}).`,
          );
        } finally {
          core.close();
        }
      });
  }
}
