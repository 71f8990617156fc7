import path from 'node:path';
import { Option, type Command } from 'commander';
import { MonthSchema } from '../../../shared/contract/rosters';
import { IdSchema } from '../../../shared/contract/common';
import { findChromium } from '../../core/report/renderPdf';
import { CliExit, EXIT } from '../exitCodes';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';
import { printResult } from '../output';
import { exportParent } from './risks';

interface RosterOpts {
  month: string;
  format: 'pdf' | 'xlsx' | 'ics';
  out: string;
  premises?: string;
  person?: string;
  paper: 'a4' | 'letter';
  chromium?: string;
}

interface RosterExportResult {
  path: string;
  rows: number;
  sha256: string;
  pages?: number;
}

export function registerRosters(program: Command): void {
  exportParent(program)
    .command('roster')
    .description('the duty roster of a month: PDF (one page per premises), XLSX overview, or iCalendar (.ics)')
    .requiredOption('--month <YYYY-MM>', 'the month, e.g. 2026-12')
    .addOption(new Option('--format <fmt>', 'file format').choices(['pdf', 'xlsx', 'ics']).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write (replaced atomically)')
    .option('--premises <id>', 'PDF/XLSX: only the posts of these premises')
    .option('--person <id>', 'ICS: only this person\'s shifts (without it: every shift, with the person in each event)')
    .addOption(new Option('--paper <size>', 'paper size (PDF)').choices(['a4', 'letter']).default('a4'))
    .option('--chromium <path>', 'Chromium used to print (else VIGIL_CHROMIUM, then /usr/bin/chromium)')
    .action(async (opts: RosterOpts, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      if (!MonthSchema.safeParse(opts.month).success) throw new CliExit(EXIT.usage, `--month must be a month like 2026-12 (got "${opts.month}").`);
      if (opts.premises && !IdSchema.safeParse(opts.premises).success) throw new CliExit(EXIT.usage, '--premises must be a premises id.');
      if (opts.person && !IdSchema.safeParse(opts.person).success) throw new CliExit(EXIT.usage, '--person must be a person id from the guards and drivers register.');
      if (opts.person && opts.format !== 'ics') throw new CliExit(EXIT.usage, '--person goes with --format ics.');
      if (opts.premises && opts.format === 'ics') throw new CliExit(EXIT.usage, '--premises goes with --format pdf or xlsx.');
      let chromium: string | undefined;
      if (opts.format === 'pdf') {
        chromium = findChromium(opts.chromium) ?? undefined;
        if (!chromium) throw new CliExit(EXIT.usage, `No Chromium found${opts.chromium ? ` at ${opts.chromium}` : ''}: install chromium, or pass --chromium <path> or VIGIL_CHROMIUM.`);
      }
      const core = openCore(global);
      try {
        await unlock(core);
        const result = valueOf<RosterExportResult>(
          await core.dispatch('rosters.export', {
            month: opts.month,
            format: opts.format,
            path: path.resolve(opts.out),
            paper: opts.paper,
            ...(opts.premises ? { premisesId: opts.premises } : {}),
            ...(opts.person ? { staffId: opts.person } : {}),
            ...(chromium ? { chromium } : {}),
            ...(global.lang ? { lang: global.lang } : {}),
          }),
        );
        const what = opts.format === 'pdf' ? `${result.pages ?? 0} page(s)` : opts.format === 'ics' ? `${result.rows} shifts` : `${result.rows} people`;
        printResult(global, result, `Roster ${opts.month}: ${what} written to ${result.path} (sha256 ${result.sha256}).`);
      } finally {
        core.close();
      }
    });
}
