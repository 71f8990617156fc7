import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ExportResult } from '../../../shared/contract/grid';
import { GridViewSchema } from '../../../shared/contract/grid';
import { findChromium } from '../../core/report/renderPdf';
import { CliExit, EXIT } from '../exitCodes';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';
import { printResult } from '../output';

/** The `export` parent is shared by every module: reuse it when another module registered it first. */
function exportParent(program: Command): Command {
  return program.commands.find((c) => c.name() === 'export') ?? program.command('export').description('export a module to a file');
}

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

function gridExport(program: Command, name: string, command: 'inspections.exportActions' | 'equipment.export', what: string): void {
  exportParent(program)
    .command(name)
    .description(`${what} (CSV or XLSX of the grid view)`)
    .addOption(new Option('--format <fmt>', 'file format').choices(['xlsx', 'csv']).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write (replaced atomically)')
    .option('--filter <json>', 'grid view: { quickFilter, filterModel, sortModel }')
    .option('--columns <a,b>', 'columns to export, in order')
    .action(async (opts: { format: 'xlsx' | 'csv'; out: string; filter?: string; columns?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const view = parseFilter(opts.filter);
      const core = openCore(global);
      try {
        await unlock(core);
        const result = valueOf<ExportResult>(
          await core.dispatch(command, {
            format: opts.format,
            path: path.resolve(opts.out),
            ...(view ? { view } : {}),
            ...(opts.columns ? { columns: opts.columns.split(',').map((c) => c.trim()) } : {}),
            ...(global.lang ? { lang: global.lang } : {}),
          }),
        );
        printResult(global, result, `${result.rows} rows written to ${result.path} (sha256 ${result.sha256}).`);
      } finally {
        core.close();
      }
    });
}

export function registerInspections(program: Command): void {
  exportParent(program)
    .command('inspection')
    .description('one premises inspection as a PDF report')
    .argument('<id>', 'inspection id')
    .addOption(new Option('--format <fmt>', 'file format').choices(['pdf']).default('pdf'))
    .requiredOption('--out <file>', 'where to write (replaced atomically)')
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
    .option('--chromium <path>', 'Chromium used to print (else VIGIL_CHROMIUM, then /usr/bin/chromium)')
    .action(async (id: string, opts: { out: string; paper: 'a4' | 'letter'; chromium?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const chromium = findChromium(opts.chromium);
      if (!chromium) {
        throw new CliExit(EXIT.usage, `No Chromium found${opts.chromium ? ` at ${opts.chromium}` : ''}: install chromium, or pass --chromium <path> or VIGIL_CHROMIUM.`);
      }
      const core = openCore(global);
      try {
        await unlock(core);
        const result = valueOf<ExportResult & { pages: number }>(
          await core.dispatch('inspections.report', {
            id,
            path: path.resolve(opts.out),
            paper: opts.paper,
            chromium,
            ...(global.lang ? { lang: global.lang } : {}),
          }),
        );
        printResult(global, result, `Inspection report (${result.pages} page(s)) written to ${result.path} (sha256 ${result.sha256}).`);
      } finally {
        core.close();
      }
    });
  gridExport(program, 'inspection-actions', 'inspections.exportActions', 'corrective actions from inspections');
  gridExport(program, 'equipment', 'equipment.export', 'the equipment register');
}
