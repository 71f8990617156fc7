import type { TFunction } from 'i18next';
import { contract, type CommandName } from '../../../../shared/contract';
import type { Language } from '../../../../shared/contract/common';
import { AppError } from '../../../../shared/envelope';
import type { CommandContext } from '../../context';
import { translator } from '../../i18n';
import { handlers } from '../../registry';
import { loadSettings } from '../../services/settingsService';
import { registeredSections } from '../sections/index';
import { lastCompletePeriod, parsePeriod, PeriodError, type ReportKind, type ReportPeriod } from './period';
import type { ReportContext, ReportSection } from './types';

export interface BuiltSection {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the data goes back to the section that made it
  section: ReportSection<any>;
  title: string;
  /** Null: the section has nothing for this period and says so in one line. */
  data: unknown;
}

export interface BuiltReport {
  rc: ReportContext;
  period: ReportPeriod;
  title: string;
  sections: BuiltSection[];
}

export interface BuildOptions {
  kind: ReportKind;
  period?: string | undefined;
  lang?: Language | undefined;
  includeRestricted: boolean;
  /** Sections switched off (the cover cannot be). */
  disabled: ReadonlySet<string>;
}

/** The period asked for, or the last complete one in the delegation time zone; a bad id is a VALIDATION error. */
export function resolvePeriod(kind: ReportKind, id: string | undefined, now: Date, timeZone: string): ReportPeriod {
  if (!id) return lastCompletePeriod(kind, now, timeZone);
  if (kind === 'weekly' ? !/-W/.test(id) : !/-Q/.test(id)) {
    throw new AppError('VALIDATION', `${id} is not a ${kind === 'weekly' ? 'week (YYYY-Www)' : 'quarter (YYYY-Qn)'}.`, { field: 'period' });
  }
  try {
    return parsePeriod(kind, id, timeZone);
  } catch (error) {
    if (error instanceof PeriodError) throw new AppError('VALIDATION', error.message, { field: 'period' });
    throw error;
  }
}

/** Runs every enabled section's collect() for the period; sections run one after the other (one database). */
export async function buildReport(ctx: CommandContext, options: BuildOptions): Promise<BuiltReport> {
  const settings = loadSettings(ctx.db.sqlite);
  const lang = options.lang ?? settings.language;
  const t: TFunction = translator(lang);
  const period = resolvePeriod(options.kind, options.period, ctx.now(), settings.timeZone);
  const memo = new Map<string, Promise<unknown>>();
  const rc: ReportContext = {
    ctx,
    period,
    lang,
    t,
    settings,
    includeRestricted: options.includeRestricted,
    generatedAt: ctx.nowIso(),
    call: async (name, input) => {
      const parsed: unknown = contract[name].input.parse(input);
      const handler = handlers[name as Exclude<CommandName, 'dialog.saveFile' | 'dialog.openFile'>] as (c: CommandContext, i: unknown) => unknown;
      return (await handler(ctx, parsed)) as never;
    },
    memo: (key, load) => {
      if (!memo.has(key)) memo.set(key, load());
      return memo.get(key) as ReturnType<typeof load>;
    },
  };
  const sections: BuiltSection[] = [];
  for (const section of registeredSections()) {
    if (section.optional !== false && options.disabled.has(section.id)) continue;
    sections.push({ section, title: t(section.titleKey), data: await section.collect(rc) });
  }
  return { rc, period, title: t(`reports.title.${period.kind}`), sections };
}
