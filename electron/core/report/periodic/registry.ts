import type { ReportSection } from './types';

// Each section's data type is private to its file; the registry only passes collect()'s result back to it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous section data, see above
type AnySection = ReportSection<any>;

const sections = new Map<string, AnySection>();

/** Adds a section to every periodic report; called once by each file in electron/core/report/sections. */
export function registerSection<D>(section: ReportSection<D>): ReportSection<D> {
  if (sections.has(section.id)) throw new Error(`report section ${section.id} is registered twice`);
  sections.set(section.id, section as AnySection);
  return section;
}

/** The registered sections in report order. */
export function registeredSections(): AnySection[] {
  return [...sections.values()].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
