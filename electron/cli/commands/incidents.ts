import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ExportResult } from '../../../shared/contract/grid';
import { INCIDENT_EXPORT_FORMATS, IncidentViewSchema, type ImportReport, type IncidentExportFormat } from '../../../shared/contract/incidents';
import type { Envelope } from '../../../shared/envelope';
import { CliExit, EXIT } from '../exitCodes';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';
import { printResult } from '../output';

/** `import` and `export` parents are shared by every module: reuse them when another module made them first. */
function parent(program: Command, name: 'import' | 'export', description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

interface ImportOpts {
  mapping?: string;
  sheet?: string;
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  skipInvalid?: boolean;
  dryRun?: boolean;
  strictTaxonomy?: boolean;
}

/** IO (unreadable, empty, unsupported file) and a sheet or preset that does not exist are usage errors: exit 2. */
function importValue(envelope: Envelope<unknown>): ImportReport {
  if (envelope.ok) return envelope.value as ImportReport;
  const reason = (envelope.error.details as { reason?: string } | undefined)?.reason;
  const usage = envelope.error.code === 'IO' || reason === 'NO_SUCH_SHEET' || reason === 'NO_SUCH_PRESET' || envelope.error.code === 'NOT_FOUND';
  if (usage) throw new CliExit(EXIT.usage, envelope.error.message);
  return valueOf<ImportReport>(envelope);
}

function humanReport(report: ImportReport, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Dry run: would create' : report.committed ? 'Created' : 'Nothing imported; would create'} ${report.created}, ${dryRun || !report.committed ? 'update' : 'updated'} ${report.updated}, skip ${report.skipped}${report.flagged ? `, flag ${report.flagged} for review (location dropped)` : ''}.`,
  ];
  if (report.sheet) lines.push(`Sheet: ${report.sheet}`);
  for (const c of report.conflicts) lines.push(`HXL conflict: column "${c.column}" is tagged ${c.tag} (${c.tagField ?? '?'}) but its header says ${c.headerField ?? '?'}; the header wins.`);
  const shown = report.problems.slice(0, 200);
  for (const p of shown) lines.push(`row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.code} ${p.message}`);
  if (report.problems.length > shown.length) lines.push(`... and ${report.problems.length - shown.length} more problems (use --json for all).`);
  if (!dryRun && !report.committed && report.problems.length) lines.push('Nothing was committed. Fix the file, or run again with --skip-invalid to skip the bad rows.');
  return lines.join('\n');
}

interface ExportOpts {
  format: IncidentExportFormat;
  out: string;
  filter?: string;
  columns?: string;
  includeRestricted?: boolean;
  anonymise?: string;
}

function parseFilter(raw: string | undefined): unknown {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new CliExit(EXIT.usage, '--filter is not valid JSON.');
  }
  const view = IncidentViewSchema.safeParse(parsed);
  if (!view.success) throw new CliExit(EXIT.refused, `--filter is not a valid incidents view: ${view.error.issues[0]?.message ?? ''}`);
  return view.data;
}

export function registerIncidents(program: Command): void {
  parent(program, 'import', 'import records from a file (dry run first)')
    .command('incidents')
    .description('incidents from CSV, XLSX or JSON; exit 0 clean or committed, 1 problems and nothing committed, 2 unreadable or empty file')
    .argument('<file>', 'the CSV, XLSX or JSON file')
    .option('--mapping <preset>', 'a saved mapping preset, or auto (suggested from headers and HXL tags)', 'auto')
    .option('--sheet <name|n>', 'the workbook sheet to read (name or 1-based number)')
    .addOption(new Option('--date-order <order>', 'how to read dates like 03/04/2024').choices(['dmy', 'mdy', 'ymd']))
    .option('--skip-invalid', 'skip rows with problems; bad coordinates keep the incident without a location, flagged for review')
    .option('--dry-run', 'check everything and report, commit nothing')
    .option('--strict-taxonomy', 'a category, weapon, perpetrator or organisation value that is neither in the taxonomy nor mapped (preset) is a row problem')
    .action(async (file: string, opts: ImportOpts, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const core = openCore(global);
      try {
        await unlock(core);
        const dryRun = Boolean(opts.dryRun);
        const report = importValue(
          await core.dispatch('incidents.importRun', {
            file: path.resolve(file),
            dryRun,
            skipInvalid: Boolean(opts.skipInvalid),
            ...(opts.mapping && opts.mapping !== 'auto' ? { preset: opts.mapping } : {}),
            ...(opts.sheet ? { sheet: /^\d+$/.test(opts.sheet) ? Number(opts.sheet) : opts.sheet } : {}),
            ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
            ...(opts.strictTaxonomy ? { strictTaxonomy: true } : {}),
            // Problem messages are English on the command line (scripts read them) unless --lang asks otherwise.
            lang: global.lang ?? 'en',
          }),
        );
        printResult(global, report, humanReport(report, dryRun));
        const refused = report.problems.length > 0 && !opts.skipInvalid;
        process.exitCode = refused ? EXIT.refused : EXIT.ok;
      } finally {
        core.close();
      }
    });

  parent(program, 'export', 'export a module to a file')
    .command('incidents')
    .description('incidents of a view to CSV, XLSX, GeoJSON (RFC 7946), KML or GPX; restricted incidents only with --include-restricted')
    .addOption(new Option('--format <fmt>', 'file format (KML and GPX: located incidents only)').choices([...INCIDENT_EXPORT_FORMATS]).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write (replaced atomically)')
    .option('--filter <json>', 'view: { quickFilter, filterModel, sortModel, from, to, search }')
    .option('--columns <a,b>', 'columns to export, in order')
    .option('--include-restricted', 'include restricted incidents (left out by default)')
    .option('--anonymise <km>', 'for partners: drop names, narrative and free text; snap coordinates to a grid of <km> km')
    .action(async (opts: ExportOpts, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const anonymiseKm = opts.anonymise === undefined ? undefined : Number(opts.anonymise);
      if (anonymiseKm !== undefined && !(Number.isFinite(anonymiseKm) && anonymiseKm > 0 && anonymiseKm <= 1000)) {
        throw new CliExit(EXIT.usage, '--anonymise takes a distance in km above 0 (at most 1000), e.g. --anonymise 10.');
      }
      const view = (parseFilter(opts.filter) ?? {}) as Record<string, unknown>;
      const core = openCore(global);
      try {
        await unlock(core);
        const result = valueOf<ExportResult>(
          await core.dispatch('incidents.export', {
            format: opts.format,
            path: path.resolve(opts.out),
            view: { ...view, includeRestricted: Boolean(opts.includeRestricted) },
            ...(opts.columns ? { columns: opts.columns.split(',').map((c) => c.trim()) } : {}),
            ...(global.lang ? { lang: global.lang } : {}),
            ...(anonymiseKm !== undefined ? { anonymiseKm } : {}),
          }),
        );
        printResult(global, result, `${result.rows} incidents written to ${result.path} (sha256 ${result.sha256}).`);
      } finally {
        core.close();
      }
    });
}
