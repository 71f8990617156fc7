import { registerSection } from '../periodic/registry';
import { colourFor } from '../periodic/charts';
import { figure, h, para } from '../periodic/htmlKit';
import { incidentMapSvg } from '../periodic/incidentMap';
import { categoryOf, incidentsOfPeriod } from '../periodic/incidentsOfPeriod';
import { type ReportContext } from '../periodic/types';

interface MapData {
  svg: string;
  located: number;
  total: number;
  legend: Array<[string, string]>;
}

const W = 640;
const H = 440;

const caption = (d: MapData, rc: ReportContext) => rc.t('reports.map.caption', { located: d.located, total: d.total });

/** Where the incidents of the period happened: country shapes and one dot per incident, coloured by category. */
export const incidentMapSection = registerSection<MapData>({
  id: 'incidentMap',
  titleKey: 'reports.sections.incidentMap',
  order: 40,
  collect: async (rc) => {
    const { rows } = await incidentsOfPeriod(rc);
    const uncategorised = rc.t('reports.incidents.uncategorised');
    const colours = colourFor(rows.map((i) => categoryOf(i, uncategorised)));
    const located = rows.filter((i) => i.latitude !== null && i.longitude !== null);
    const svg = incidentMapSvg(
      located.map((i) => ({ latitude: i.latitude!, longitude: i.longitude!, colour: colours.get(categoryOf(i, uncategorised))! })),
      W,
      H,
    );
    if (!svg) return null;
    const used = new Set(located.map((i) => categoryOf(i, uncategorised)));
    return { svg, located: located.length, total: rows.length, legend: [...colours.entries()].filter(([k]) => used.has(k)) };
  },
  html: (d, rc) =>
    `${figure(d.svg)}
<div class="legend">${d.legend.map(([k, c]) => `<span><i style="background:${c}"></i>${h(k)}</span>`).join('')}</div>
${para(caption(d, rc))}`,
  paragraphs: (d, rc) => [caption(d, rc), d.legend.map(([k]) => k).join(' · ')],
  images: (d, rc) => [{ title: rc.t('reports.sections.incidentMap'), svg: d.svg, width: W, height: H }],
});
