import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ExportResult } from '../../../shared/contract/grid';
import { GridViewSchema } from '../../../shared/contract/grid';
import { isCalendarDate } from '../../../shared/domain/equipmentExpiry';
import { findChromium } from '../../core/report/renderPdf';
import { CliExit, EXIT } from '../exitCodes';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';
import { printResult } from '../output';
import { exportParent } from './risks';

function parseFilter(raw: string | undefined): unknown {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new CliExit(EXIT.usage, '--filter is not valid JSON.');
  }
  const view = GridViewSchema.safeParse(parsed);
  if (!view.success) throw new CliExit(EXIT.refused, `--filter is not a valid view: ${view.error.issues[0]?.message ?? ''}`);
  return view.data;
}

function requireChromium(format: string, explicit: string | undefined): string | undefined {
  if (format !== 'pdf') return undefined;
  const found = findChromium(explicit);
  if (!found) {
    throw new CliExit(EXIT.usage, `No Chromium found${explicit ? ` at ${explicit}` : ''}: install chromium, or pass --chromium <path> or VIGIL_CHROMIUM.`);
  }
  return found;
}

interface PeopleOpts {
  format: 'csv' | 'xlsx' | 'pdf';
  out: string;
  inCountry?: boolean;
  filter?: string;
  columns?: string;
  includeRestricted?: boolean;
  paper: 'a4' | 'letter';
  chromium?: string;
}

export function registerPeople(program: Command): void {
  exportParent(program)
    .command('people')
    .description('the personnel list (CSV or XLSX), or the one-page headcount of who is in country (PDF)')
    .addOption(new Option('--format <fmt>', 'file format').choices(['csv', 'xlsx', 'pdf']).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write (replaced atomically)')
    .option('--in-country', 'only the people in country today (always so for PDF)')
    .option('--filter <json>', 'grid view: { quickFilter, filterModel, sortModel }')
    .option('--columns <a,b>', 'columns to export, in order')
    .option('--include-restricted', 'include blood group, passport expiry and emergency contact')
    .addOption(new Option('--paper <size>', 'paper size (PDF)').choices(['a4', 'letter']).default('a4'))
    .option('--chromium <path>', 'Chromium used to print (else VIGIL_CHROMIUM, then /usr/bin/chromium)')
    .action(async (opts: PeopleOpts, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const view = parseFilter(opts.filter);
      const chromium = requireChromium(opts.format, opts.chromium);
      const core = openCore(global);
      try {
        await unlock(core);
        const result = valueOf<ExportResult>(
          await core.dispatch('people.export', {
            format: opts.format,
            path: path.resolve(opts.out),
            inCountry: Boolean(opts.inCountry),
            includeRestricted: Boolean(opts.includeRestricted),
            paper: opts.paper,
            ...(chromium ? { chromium } : {}),
            ...(view ? { view } : {}),
            ...(opts.columns ? { columns: opts.columns.split(',').map((c) => c.trim()) } : {}),
            ...(global.lang ? { lang: global.lang } : {}),
          }),
        );
        printResult(global, result, `${result.rows} people written to ${result.path} (sha256 ${result.sha256}).`);
      } finally {
        core.close();
      }
    });

  exportParent(program)
    .command('movements')
    .description("one day's movements (local day in the delegation time zone) as CSV or PDF")
    .requiredOption('--day <YYYY-MM-DD>', 'the day')
    .addOption(new Option('--format <fmt>', 'file format').choices(['csv', 'pdf']).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write (replaced atomically)')
    .addOption(new Option('--paper <size>', 'paper size (PDF)').choices(['a4', 'letter']).default('a4'))
    .option('--chromium <path>', 'Chromium used to print (else VIGIL_CHROMIUM, then /usr/bin/chromium)')
    .action(async (opts: { day: string; format: 'csv' | 'pdf'; out: string; paper: 'a4' | 'letter'; chromium?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      if (!isCalendarDate(opts.day)) throw new CliExit(EXIT.usage, `--day must be a date as YYYY-MM-DD, not "${opts.day}".`);
      const chromium = requireChromium(opts.format, opts.chromium);
      const core = openCore(global);
      try {
        await unlock(core);
        const result = valueOf<ExportResult>(
          await core.dispatch('movements.export', {
            day: opts.day,
            format: opts.format,
            path: path.resolve(opts.out),
            paper: opts.paper,
            ...(chromium ? { chromium } : {}),
            ...(global.lang ? { lang: global.lang } : {}),
          }),
        );
        printResult(global, result, `${result.rows} movements of ${opts.day} written to ${result.path} (sha256 ${result.sha256}).`);
      } finally {
        core.close();
      }
    });
}
