import { registerSection } from '../periodic/registry';
import { phaseLevel, type PhaseScaleId } from '../../../../shared/presets/phaseScales';
import type { CellValue } from '../../export/tabular';
import { type ReportContext } from '../periodic/types';
import { h, sub } from '../periodic/htmlKit';

interface PhaseRow {
  area: string;
  scale: PhaseScaleId;
  level: number;
  since: string;
  inherited: boolean;
  by: string;
  reason: string;
}
interface Phases {
  current: PhaseRow[];
  changes: PhaseRow[];
}

const label = (rc: ReportContext, scale: PhaseScaleId, level: number) => {
  const l = phaseLevel(scale, level);
  return l ? rc.t(`phase.${scale}.${l.key}`) : String(level);
};
const chip = (rc: ReportContext, scale: PhaseScaleId, level: number) => {
  const l = phaseLevel(scale, level);
  return `<span class="chip" style="background:${l?.colour ?? '#eee'};color:${l?.ink ?? '#000'}">${h(label(rc, scale, level))}</span>`;
};

/** The security phase in force on every area at the end of the period, and the declarations made in it. */
export const phasesSection = registerSection<Phases>({
  id: 'phases',
  titleKey: 'reports.sections.phases',
  order: 20,
  collect: async (rc) => {
    const areas = await rc.call('areas.list', {});
    const history = await rc.call('phases.history', {});
    const paths = new Map(areas.map((a) => [a.id, a.path]));
    const current: PhaseRow[] = areas
      .filter((a) => a.phase && !a.phase.inherited)
      .map((a) => ({ area: a.path, scale: a.phase!.scale, level: a.phase!.level, since: a.phase!.declaredAt, inherited: false, by: a.phase!.declaredBy, reason: a.phase!.reason }))
      .sort((x, y) => x.area.localeCompare(y.area));
    const changes: PhaseRow[] = history
      .filter((p) => p.declaredAt >= rc.period.start && p.declaredAt < rc.period.end)
      .map((p) => ({ area: paths.get(p.areaId) ?? p.areaName, scale: p.scale, level: p.level, since: p.declaredAt, inherited: false, by: p.declaredBy, reason: p.reason }))
      .sort((x, y) => x.since.localeCompare(y.since));
    return current.length || changes.length ? { current, changes } : null;
  },
  html: (d, rc) => {
    const t = rc.t;
    const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
    const cur = `${sub(t('reports.phases.current'))}<table><thead><tr><th>${h(t('reports.phases.area'))}</th><th>${h(t('reports.phases.phase'))}</th><th>${h(t('reports.phases.since'))}</th></tr></thead><tbody>
${d.current.map((r) => `<tr><td>${h(r.area)}</td><td>${chip(rc, r.scale, r.level)}</td><td>${h(when(r.since))}</td></tr>`).join('\n')}</tbody></table>`;
    const ch = d.changes.length
      ? `<table><thead><tr><th>${h(t('reports.phases.declaredAt'))}</th><th>${h(t('reports.phases.area'))}</th><th>${h(t('reports.phases.phase'))}</th><th>${h(t('reports.phases.by'))}</th><th>${h(t('reports.phases.reason'))}</th></tr></thead><tbody>
${d.changes.map((r) => `<tr><td>${h(when(r.since))}</td><td>${h(r.area)}</td><td>${chip(rc, r.scale, r.level)}</td><td>${h(r.by)}</td><td>${h(r.reason)}</td></tr>`).join('\n')}</tbody></table>`
      : `<p>${h(t('reports.phases.noChanges'))}</p>`;
    return `${cur}${sub(t('reports.phases.changes'))}${ch}`;
  },
  tables: (d, rc) => {
    const t = rc.t;
    const row = (r: PhaseRow): CellValue[] => [r.since.slice(0, 16).replace('T', ' '), r.area, label(rc, r.scale, r.level), r.by, r.reason];
    const columns = [t('reports.phases.declaredAt'), t('reports.phases.area'), t('reports.phases.phase'), t('reports.phases.by'), t('reports.phases.reason')];
    return [
      { title: t('reports.phases.current'), columns, rows: d.current.map(row) },
      { title: t('reports.phases.changes'), columns, rows: d.changes.map(row) },
    ];
  },
  paragraphs: (d, rc) => (d.changes.length ? [] : [rc.t('reports.phases.noChanges')]),
});
