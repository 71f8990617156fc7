import type { TFunction } from 'i18next';
import type { CommandName, CommandInput, CommandOutput } from '../../../../shared/contract';
import type { Language } from '../../../../shared/contract/common';
import type { Settings } from '../../../../shared/contract/settings';
import type { CommandContext } from '../../context';
import type { CellValue } from '../../export/tabular';
import type { ReportPeriod } from './period';

/** What every section sees while it collects its data. */
export interface ReportContext {
  ctx: CommandContext;
  period: ReportPeriod;
  lang: Language;
  t: TFunction;
  settings: Settings;
  includeRestricted: boolean;
  generatedAt: string;
  /** Runs another module's read command through its own handler (input parsed by its contract). */
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
  /** Shares data between sections of one report (the incidents of the period feed the table and the map). */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** A table of a section, as XLSX sheets and DOCX tables get it. */
export interface ReportTable {
  title: string;
  columns: string[];
  rows: CellValue[][];
}

/** A picture of a section (chart, map): SVG, rasterised to PNG for DOCX. */
export interface ReportImage {
  title: string;
  svg: string;
  width: number;
  height: number;
}

/** What a section renders once its data is collected, for HTML (PDF, preview), XLSX and DOCX alike. */
export interface ReportSection<D = unknown> {
  /** Stable id, used by the on/off choice and the command input. */
  id: string;
  /** Core i18n key of its title (`reports.sections.<id>`). */
  titleKey: string;
  /** Place in the report: lower comes first. */
  order: number;
  /** False for the cover: it cannot be switched off. Default true. */
  optional?: boolean;
  /** The section's data for the period, or null when there is none (the report then says so in one line). */
  collect(rc: ReportContext): D | null | Promise<D | null>;
  /** HTML body of the section (the title is added around it). */
  html(data: D, rc: ReportContext): string;
  /** Text paragraphs for DOCX (default: none). */
  paragraphs?(data: D, rc: ReportContext): string[];
  /** Tables for XLSX and DOCX. */
  tables?(data: D, rc: ReportContext): ReportTable[];
  /** Charts and maps for DOCX. */
  images?(data: D, rc: ReportContext): ReportImage[];
  /** Sections drawn without the standard title (the cover). */
  untitled?: boolean;
}


