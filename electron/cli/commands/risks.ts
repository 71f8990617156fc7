import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ExportResult } from '../../../shared/contract/grid';
import type { RisksImportReport } from '../../../shared/contract/risks';
import type { Envelope } from '../../../shared/envelope';
import { GridViewSchema } from '../../../shared/contract/grid';
import { CliExit, EXIT } from '../exitCodes';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';
import { printResult } from '../output';

/** The `export` parent is shared by every module: reuse it when another module registered it first. */
export function exportParent(program: Command): Command {
  return program.commands.find((c) => c.name() === 'export') ?? program.command('export').description('export a module to a file');
}

/** Like `export`, the `import` parent is shared by every module. */
export function importParent(program: Command): Command {
  return program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import records from a file (dry run first)');
}

/** An unreadable, empty or unsupported file (or a vanished upload) is a usage error: exit 2. */
function importReport(envelope: Envelope<unknown>): RisksImportReport {
  if (!envelope.ok && (envelope.error.code === 'IO' || envelope.error.code === 'NOT_FOUND')) throw new CliExit(EXIT.usage, envelope.error.message);
  return valueOf<RisksImportReport>(envelope);
}

function humanImport(r: RisksImportReport): string {
  const verb = r.committed ? 'Imported' : r.dryRun && !r.problems.length ? 'Dry run, would import' : 'Nothing imported; the file holds';
  const lines = [`${verb}: ${r.created} new risks, ${r.updated} updates of existing risks, ${r.skipped} rows refused.`];
  for (const i of r.items) if (i.action === 'update') lines.push(`row ${i.row}: ${i.reference} already exists, that risk ${r.committed ? 'was' : 'will be'} updated.`);
  for (const p of r.problems) lines.push(`row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
  if (r.problems.length) lines.push('Nothing was committed: fix the rows above and import again.');
  return lines.join('\n');
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
  if (!view.success) throw new CliExit(EXIT.refused, `--filter is not a valid risk view: ${view.error.issues[0]?.message ?? ''}`);
  return view.data;
}

export function registerRisks(program: Command): void {
  importParent(program)
    .command('risks')
    .description('risks from XLSX or CSV (headers in English, French, Spanish or Arabic); a known reference updates that risk; all or nothing')
    .argument('<file>', 'an .xlsx or .csv file, e.g. one written by `vigil export risks`')
    .option('--dry-run', 'check every row and report, commit nothing')
    .option('--sheet <name|n>', 'the workbook sheet to read')
    .action(async (file: string, opts: { dryRun?: boolean; sheet?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const core = openCore(global);
      try {
        await unlock(core);
        const report = importReport(
          await core.dispatch('risks.import', {
            file: path.resolve(file),
            dryRun: Boolean(opts.dryRun),
            ...(opts.sheet ? { sheet: opts.sheet } : {}),
            ...(global.lang ? { lang: global.lang } : {}),
          }),
        );
        printResult(global, report, humanImport(report));
        process.exitCode = report.problems.length > 0 ? EXIT.refused : EXIT.ok;
      } finally {
        core.close();
      }
    });

  exportParent(program)
    .command('risks')
    .description('the security risk register (XLSX laid out as a register, or CSV)')
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
          await core.dispatch('risks.export', {
            format: opts.format,
            path: path.resolve(opts.out),
            ...(view ? { view } : {}),
            ...(opts.columns ? { columns: opts.columns.split(',').map((c) => c.trim()) } : {}),
            ...(global.lang ? { lang: global.lang } : {}),
          }),
        );
        printResult(global, result, `${result.rows} risks written to ${result.path} (sha256 ${result.sha256}).`);
      } finally {
        core.close();
      }
    });
}
