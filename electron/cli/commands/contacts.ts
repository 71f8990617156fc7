import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ContactsImportReport } from '../../../shared/contract/contacts';
import type { Envelope } from '../../../shared/envelope';
import { CliExit, EXIT } from '../exitCodes';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';
import { printResult } from '../output';

/** `import` and `export` parents are shared by every module: reuse them when another module made them first. */
function parent(program: Command, name: 'import' | 'export', description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** An unreadable, empty or unsupported file, or a file with no name column, is a usage error: exit 2. */
function importValue(envelope: Envelope<unknown>): ContactsImportReport {
  if (envelope.ok) return envelope.value as ContactsImportReport;
  if (envelope.error.code === 'IO' || envelope.error.code === 'NOT_FOUND' || (envelope.error.details as { reason?: string } | undefined)?.reason === 'NO_NAME_COLUMN') {
    throw new CliExit(EXIT.usage, envelope.error.message);
  }
  return valueOf<ContactsImportReport>(envelope);
}

function humanReport(r: ContactsImportReport, dryRun: boolean): string {
  const what = r.format === 'vcf' ? 'card' : 'row';
  const lines = [`${r.committed ? 'Imported' : dryRun ? 'Dry run: would import' : 'Nothing imported; would import'}: ${r.created} new, ${r.updated} merged into existing contacts, ${r.skipped} refused.`];
  for (const p of r.problems) lines.push(`${what} ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
  for (const n of r.notes) lines.push(`note, ${what} ${n.row}: ${n.message}`);
  if (!r.committed && !dryRun && r.problems.length) lines.push('Nothing was committed: fix the cards above and import again.');
  return lines.join('\n');
}

export function registerContacts(program: Command): void {
  parent(program, 'import', 'import records from a file (dry run first)')
    .command('contacts')
    .description('contacts from vCard 3.0/4.0 or CSV; duplicates (same phone or e-mail) are merged; all or nothing')
    .argument('<file>', 'a .vcf or .csv file')
    .option('--dry-run', 'check everything and report, commit nothing')
    .action(async (file: string, opts: { dryRun?: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const core = openCore(global);
      try {
        await unlock(core);
        const dryRun = Boolean(opts.dryRun);
        const report = importValue(await core.dispatch('contacts.import', { file: path.resolve(file), dryRun }));
        printResult(global, report, humanReport(report, dryRun));
        process.exitCode = report.problems.length > 0 ? EXIT.refused : EXIT.ok;
      } finally {
        core.close();
      }
    });

  parent(program, 'export', 'export a module to a file')
    .command('contacts')
    .description('contacts to vCard 4.0, CSV or XLSX; sensitive contacts only with --include-restricted')
    .addOption(new Option('--format <fmt>', 'file format').choices(['vcf', 'csv', 'xlsx']).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write (replaced atomically)')
    .option('--filter <json>', 'view: { quickFilter, filterModel, sortModel }')
    .option('--columns <a,b>', 'columns to export, in order (CSV, XLSX)')
    .option('--include-restricted', 'include contacts marked sensitive (left out by default)')
    .action(async (opts: { format: 'vcf' | 'csv' | 'xlsx'; out: string; filter?: string; columns?: string; includeRestricted?: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      let view: unknown;
      try {
        view = opts.filter ? JSON.parse(opts.filter) : undefined;
      } catch {
        throw new CliExit(EXIT.usage, '--filter is not valid JSON.');
      }
      const core = openCore(global);
      try {
        await unlock(core);
        const result = valueOf<{ path: string; rows: number; leftOut: number; sha256: string }>(
          await core.dispatch('contacts.export', {
            format: opts.format,
            path: path.resolve(opts.out),
            includeRestricted: Boolean(opts.includeRestricted),
            ...(view ? { view } : {}),
            ...(opts.columns ? { columns: opts.columns.split(',').map((c) => c.trim()) } : {}),
            ...(global.lang ? { lang: global.lang } : {}),
          }),
        );
        const leftOut = result.leftOut ? ` ${result.leftOut} sensitive contacts left out (use --include-restricted to include them).` : '';
        printResult(global, result, `${result.rows} contacts written to ${result.path} (sha256 ${result.sha256}).${leftOut}`);
      } finally {
        core.close();
      }
    });
}
