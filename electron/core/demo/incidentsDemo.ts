import type { Db } from '../../../db/openDb';
import { incidentWriter } from '../../../db/repositories/incidents';
import type { IncidentFields } from '../../../shared/contract/incidents';
import { AWSD_ATTACK_CONTEXT, II_PERPETRATOR_TYPES, II_WEAPONS, ORGANISATIONS_AFFECTED } from '../../../shared/presets/incidentTaxonomy';
import { demoId, type DemoSeeder } from './seedDemo';
import { writeSetting } from '../../../db/repositories/settings';
import { presetTaxonomy, TAXONOMY_KEY } from '../../../db/repositories/incidentTaxonomy';
import type { IncidentTaxonomy, TaxonomyTerm } from '../../../shared/contract/incidentTaxonomy';

const CITIES = [
  { name: 'Port Amarel', province: 'Coastal Province', lat: -3.05, lon: 61.8 },
  { name: 'Kessin', province: 'Coastal Province', lat: -3.6, lon: 61.2 },
  { name: 'Dunmore', province: 'Highlands Province', lat: -2.4, lon: 62.9 },
  { name: 'Orsk', province: 'Highlands Province', lat: -2.0, lon: 63.3 },
  { name: 'Tamsin', province: 'Lake Province', lat: -4.1, lon: 62.6 },
];

const KINDS: { category: string; weight: number; story: string[] }[] = [
  { category: 'Armed robbery', weight: 5, story: ['Vehicle stopped at an improvised checkpoint; phones and cash taken', 'Staff member robbed at gunpoint near the market'] },
  { category: 'Burglary', weight: 4, story: ['Warehouse fence cut during the night; fuel stolen', 'Residence entered while the guard was on patrol; laptop taken'] },
  { category: 'Threat', weight: 4, story: ['Threatening phone calls to the sub-office after the distribution', 'Verbal threats at the clinic gate over recruitment'] },
  { category: 'Shooting', weight: 2, story: ['Gunfire exchanged near the team house; staff moved to the safe room', 'Convoy passed through crossfire; no injuries'] },
  { category: 'Kidnapping', weight: 1, story: ['Driver held for six hours by an armed group, released unharmed'] },
  { category: 'Road traffic accident', weight: 3, story: ['Vehicle rolled on the mountain road in heavy rain', 'Collision with a motorbike at a junction'] },
  { category: 'Civil unrest', weight: 3, story: ['Demonstration blocked the road to the port; movement postponed', 'Stones thrown at a marked vehicle during a protest'] },
];

/**
 * The demo delegation's own taxonomy: the presets plus the everyday categories its incidents use, with
 * their translations, as a delegation would configure it in Settings.
 */
const DEMO_CATEGORIES: TaxonomyTerm[] = [
  { value: 'Armed robbery', labels: { fr: 'Vol à main armée', es: 'Robo a mano armada', ar: 'سطو مسلح' } },
  { value: 'Burglary', labels: { fr: 'Cambriolage', es: 'Robo con allanamiento', ar: 'سطو على مبنى' } },
  { value: 'Threat', labels: { fr: 'Menace', es: 'Amenaza', ar: 'تهديد' } },
  { value: 'Road traffic accident', labels: { fr: 'Accident de la route', es: 'Accidente de tráfico', ar: 'حادث مروري' } },
  { value: 'Civil unrest', labels: { fr: 'Troubles civils', es: 'Disturbios civiles', ar: 'اضطرابات مدنية' } },
];

function demoTaxonomy(): IncidentTaxonomy {
  const preset = presetTaxonomy();
  const known = new Set(preset.category.map((t) => t.value));
  return { ...preset, category: [...DEMO_CATEGORIES.filter((t) => !known.has(t.value)), ...preset.category] };
}

/** About 150 invented incidents over the last year in the fictional country, a few of them restricted. */
export const seedIncidentsDemo: DemoSeeder = (ctx) => {
  const cityIds = ctx.shared.get('cities') ?? [];
  const writer = incidentWriter(ctx.db.sqlite);
  const weighted = KINDS.flatMap((k) => Array<typeof k>(k.weight).fill(k));
  for (let i = 0; i < 150; i++) {
    const daysAgo = i < 6 ? i : ctx.faker.number.int({ min: 0, max: 365 });
    const at = new Date(ctx.now.getTime() - daysAgo * 86_400_000);
    const cityIndex = ctx.faker.number.int({ min: 0, max: CITIES.length - 1 });
    const city = CITIES[cityIndex]!;
    const kind = ctx.faker.helpers.arrayElement(weighted);
    const partial = i % 25 === 7 ? 'month' : 'day';
    const date = partial === 'month' ? at.toISOString().slice(0, 7) : at.toISOString().slice(0, 10);
    const located = i % 10 !== 3;
    const injured = kind.category === 'Shooting' || kind.category === 'Road traffic accident' ? ctx.faker.number.int({ min: 0, max: 3 }) : 0;
    const killed = kind.category === 'Shooting' && i % 7 === 0 ? 1 : 0;
    const kidnapped = kind.category === 'Kidnapping' ? 1 : 0;
    const fields: IncidentFields = {
      date,
      country: 'Norvalia (fictional)',
      adminArea: city.province,
      areaId: cityIds[cityIndex] ?? null,
      placeName: city.name,
      latitude: located ? Number((city.lat + ctx.faker.number.float({ min: -0.2, max: 0.2 })).toFixed(5)) : null,
      longitude: located ? Number((city.lon + ctx.faker.number.float({ min: -0.2, max: 0.2 })).toFixed(5)) : null,
      locationPrecision: located ? ctx.faker.helpers.arrayElement(['exact', 'km5'] as const) : 'admin',
      category: kind.category,
      subCategory: ctx.faker.helpers.arrayElement(AWSD_ATTACK_CONTEXT),
      organisationAffected: ctx.faker.helpers.arrayElement(ORGANISATIONS_AFFECTED),
      perpetratorType: ctx.faker.helpers.arrayElement(II_PERPETRATOR_TYPES),
      perpetratorName: '',
      weapon: kind.category === 'Road traffic accident' ? '' : ctx.faker.helpers.arrayElement(II_WEAPONS),
      killed,
      killedNational: killed,
      killedInternational: 0,
      injured,
      injuredNational: injured,
      injuredInternational: 0,
      kidnapped,
      kidnappedNational: kidnapped,
      kidnappedInternational: 0,
      arrested: 0,
      arrestedNational: 0,
      arrestedInternational: 0,
      nearMiss: i % 6 === 0,
      severity: killed || kidnapped ? 'critical' : ctx.faker.helpers.arrayElement(['low', 'moderate', 'high'] as const),
      narrative: `${ctx.faker.helpers.arrayElement(kind.story)} in ${city.name} (fictional demo incident).`,
      actionsTaken: 'Manager informed; movements in the area reviewed (demo).',
      followUp: i % 4 === 0 ? 'Follow up with local authorities (demo).' : '',
      confidentiality: i % 37 === 5 ? 'restricted' : 'normal',
      needsReview: false,
    };
    const stamp = at.toISOString();
    writer.insert({ ...fields, id: demoId(ctx, at), externalId: null, source: null, createdAt: stamp, updatedAt: stamp });
  }
  seedReportTimes(ctx.db.sqlite, ctx.now);
  writeSetting(ctx.db.sqlite, TAXONOMY_KEY, demoTaxonomy());
};

/**
 * Reports made for the demo incidents: older ones reported in time (one late), the most recent ones still
 * waiting for the regional or written report, so the overdue marking shows in the grid and on Home.
 */
function seedReportTimes(sqlite: Db['sqlite'], now: Date): void {
  const rows = sqlite.prepare('SELECT id, created_at AS createdAt, severity FROM incidents WHERE source IS NULL ORDER BY created_at DESC').all() as Array<{
    id: string;
    createdAt: string;
    severity: string | null;
  }>;
  const update = sqlite.prepare('UPDATE incidents SET manager_reported_at = ?, regional_reported_at = ?, written_reported_at = ? WHERE id = ?');
  const after = (iso: string, hours: number) => {
    const t = Math.min(new Date(iso).getTime() + hours * 3_600_000, now.getTime());
    return new Date(t).toISOString();
  };
  rows.forEach((r, i) => {
    const critical = r.severity === 'critical';
    if (i < 2) return; // the two latest: nothing reported yet
    if (i < 5) {
      update.run(after(r.createdAt, 0.5), null, null, r.id); // manager told, regional and written report pending
      return;
    }
    update.run(after(r.createdAt, i === 7 ? 3 : 0.5), after(r.createdAt, 30), critical ? after(r.createdAt, 20) : null, r.id);
  });
}
