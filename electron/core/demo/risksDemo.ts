import { insertMeasure, insertReview, insertRisk, linkMeasure, setRiskLocations } from '../../../db/repositories/risks';
import { RISK_MATRIX_PRESETS } from '../../../shared/presets/riskMatrices';
import { riskLevel } from '../../../shared/domain/riskScoring';
import { demoId, type DemoSeeder } from './seedDemo';

type Exposed = 'nationalStaff' | 'internationalStaff' | 'volunteers' | 'assets' | 'operations';
type Status = 'open' | 'mitigated' | 'accepted' | 'closed';

interface DemoRisk {
  title: string;
  category: string;
  threat: string;
  cause: string;
  consequence: string;
  /** Index into the demo cities, or -1 for the whole country. */
  city: number;
  /** Further demo cities the risk also concerns (a road between two towns). */
  alsoCities?: number[];
  /** A recent change for the "changes since" view: the residual likelihood before it, days ago, why. */
  recent?: { likelihoodBefore: number; daysAgo: number; comment: string };
  programme?: string;
  exposed: Exposed[];
  inherent: [number, number];
  residual: [number, number];
  status?: Status;
  owner: string;
  measures: number[];
  /** Days from today to the next review: negative = overdue. */
  review: number;
}

const MEASURES: Array<{ title: string; type: 'acceptance' | 'protection' | 'deterrence'; owner: string; status: 'planned' | 'inProgress' | 'done'; cost?: string }> = [
  { title: 'Two-vehicle convoys on intercity roads', type: 'protection', owner: 'Logistics coordinator', status: 'done' },
  { title: 'No road movement after dark', type: 'protection', owner: 'Security officer', status: 'done' },
  { title: 'HF/VHF radio check-in every 30 minutes', type: 'protection', owner: 'Radio room', status: 'done' },
  { title: 'Community acceptance meetings in Dunmore district', type: 'acceptance', owner: 'Head of sub-office', status: 'inProgress' },
  { title: 'Emblem visibility on vehicles and premises', type: 'acceptance', owner: 'Logistics coordinator', status: 'done' },
  { title: 'Perimeter wall raised to 2.5 m with razor wire', type: 'protection', owner: 'Logistics coordinator', status: 'planned', cost: 'About 4,000 CHF' },
  { title: 'Guards at all residences 24/7', type: 'deterrence', owner: 'Security officer', status: 'done', cost: 'Monthly guard contract' },
  { title: 'Safe room stocked for 72 hours', type: 'protection', owner: 'Security officer', status: 'inProgress' },
  { title: 'Defensive driving training for all drivers', type: 'protection', owner: 'Fleet manager', status: 'planned', cost: 'Trainer from the region' },
  { title: 'Medical evacuation agreement with the regional hospital', type: 'protection', owner: 'Health coordinator', status: 'done' },
  { title: 'Cholera vaccination and hygiene briefing', type: 'protection', owner: 'Health coordinator', status: 'inProgress' },
  { title: 'Cash kept below the insured limit; armoured transport', type: 'deterrence', owner: 'Finance manager', status: 'done' },
  { title: 'Daily context analysis shared with the team', type: 'acceptance', owner: 'Security officer', status: 'done' },
  { title: 'Relocation plan tested twice a year', type: 'protection', owner: 'Head of delegation', status: 'planned' },
  { title: 'Fire extinguishers checked monthly', type: 'protection', owner: 'Premises focal points', status: 'done' },
];

const RISKS: DemoRisk[] = [
  { title: 'Carjacking on the Port Amarel airport road', category: 'crime', threat: 'Armed carjacking of a delegation vehicle', cause: 'Resale market for 4x4 vehicles; unlit road', consequence: 'Injury to staff, loss of vehicle and radio', city: 0, exposed: ['nationalStaff', 'internationalStaff', 'assets'], inherent: [4, 4], residual: [2, 4], owner: 'Security officer', measures: [0, 1, 2], review: 40 },
  { title: 'Ambush on the Dunmore–Orsk road', category: 'armedConflict', threat: 'Armed group ambush of a convoy', cause: 'Front line moving along the Upper Vale', consequence: 'Death or abduction of staff', city: 2, alsoCities: [3], recent: { likelihoodBefore: 1, daysAgo: 3, comment: 'Two ambushes on this road reported by INSO this week (demo)' }, exposed: ['nationalStaff', 'volunteers', 'operations'], inherent: [4, 5], residual: [3, 5], owner: 'Head of sub-office', measures: [0, 1, 2, 3], review: -12 },
  { title: 'Crossfire near Orsk checkpoints', category: 'armedConflict', threat: 'Exchange of fire at checkpoints', cause: 'Clashes between armed groups', consequence: 'Injury of volunteers during distributions', city: 3, exposed: ['volunteers'], inherent: [3, 5], residual: [2, 5], owner: 'Head of sub-office', measures: [2, 4, 12], review: 90 },
  { title: 'Burglary of the Port warehouse', category: 'crime', threat: 'Night-time burglary', cause: 'Stock of relief items and fuel', consequence: 'Loss of stock, delays to distributions', city: 0, exposed: ['assets', 'operations'], inherent: [4, 3], residual: [2, 3], owner: 'Logistics coordinator', measures: [5, 6], review: 20 },
  { title: 'Demonstrations in central Port Amarel', category: 'civilUnrest', threat: 'Violent demonstrations after fuel price rises', cause: 'Economic crisis', consequence: 'Staff trapped, vehicles damaged', city: 0, exposed: ['nationalStaff', 'internationalStaff'], inherent: [4, 3], residual: [3, 2], owner: 'Security officer', measures: [12, 1], review: -3 },
  { title: 'Roadblocks by protesters in Kessin', category: 'civilUnrest', threat: 'Roadblocks and stone throwing', cause: 'Land dispute with the port authority', consequence: 'Movements blocked, minor injuries', city: 1, exposed: ['nationalStaff', 'operations'], inherent: [3, 2], residual: [2, 2], owner: 'Head of sub-office', measures: [12, 3], review: 60 },
  { title: 'Improvised explosive device in the market area', category: 'terrorism', threat: 'IED attack in a crowded place', cause: 'Armed group claims in the region', consequence: 'Mass casualties including staff', city: 0, exposed: ['nationalStaff', 'internationalStaff', 'volunteers'], inherent: [2, 5], residual: [2, 4], owner: 'Security officer', measures: [12], review: 120 },
  { title: 'Abduction of an international delegate', category: 'terrorism', threat: 'Kidnap for ransom', cause: 'Perceived wealth of foreigners', consequence: 'Prolonged captivity, suspension of operations', city: -1, exposed: ['internationalStaff'], inherent: [3, 5], residual: [2, 5], owner: 'Head of delegation', measures: [1, 2, 12], review: 15 },
  { title: 'Cyclone hitting the coast', category: 'hazards', threat: 'Category 3+ cyclone', cause: 'Cyclone season November–April', consequence: 'Damage to premises, staff injured, communications down', city: 0, exposed: ['nationalStaff', 'internationalStaff', 'assets'], inherent: [3, 4], residual: [3, 3], owner: 'Head of delegation', measures: [7, 13], review: -30 },
  { title: 'Flooding of the Tamsin team house', category: 'hazards', threat: 'Lake flooding', cause: 'Heavy rains, house in a low area', consequence: 'Loss of equipment, relocation needed', city: 4, exposed: ['assets', 'volunteers'], inherent: [3, 3], residual: [2, 2], status: 'mitigated', owner: 'Premises focal points', measures: [13], review: 150 },
  { title: 'Fire in the delegation office', category: 'hazards', threat: 'Electrical fire', cause: 'Old wiring, generator fuel stored inside', consequence: 'Injury, loss of files and equipment', city: 0, exposed: ['nationalStaff', 'assets'], inherent: [2, 4], residual: [1, 3], status: 'mitigated', owner: 'Premises focal points', measures: [14], review: 75 },
  { title: 'Cholera outbreak in Dunmore', category: 'health', threat: 'Waterborne epidemic', cause: 'Damaged water network', consequence: 'Staff sick, programme suspended', city: 2, programme: 'Water and sanitation', exposed: ['volunteers', 'nationalStaff'], inherent: [4, 3], residual: [2, 3], owner: 'Health coordinator', measures: [10, 9], review: 30 },
  { title: 'Malaria among field teams', category: 'health', threat: 'Malaria infection', cause: 'Endemic in the lake region', consequence: 'Severe illness, medical evacuation', city: 4, exposed: ['internationalStaff', 'volunteers'], inherent: [4, 3], residual: [2, 3], status: 'accepted', owner: 'Health coordinator', measures: [9], review: 100 },
  { title: 'Serious road accident', category: 'roadSafety', threat: 'Vehicle crash on mountain roads', cause: 'Poor roads, speeding, fatigue', consequence: 'Death or serious injury of staff', city: -1, exposed: ['nationalStaff', 'internationalStaff', 'volunteers'], inherent: [4, 4], residual: [3, 3], owner: 'Fleet manager', measures: [8, 1, 9], review: 10 },
  { title: 'Motorbike accident of volunteers', category: 'roadSafety', threat: 'Crash of volunteer motorbikes', cause: 'No helmets, unpaved tracks', consequence: 'Injury of volunteers', city: 3, programme: 'Community health', exposed: ['volunteers'], inherent: [4, 3], residual: [3, 3], owner: 'Volunteer coordinator', measures: [8], review: -45 },
  { title: 'Robbery during cash distribution', category: 'crime', threat: 'Armed robbery of cash', cause: 'Cash transfer programme announced publicly', consequence: 'Loss of funds, injury of staff and beneficiaries', city: 1, alsoCities: [0], recent: { likelihoodBefore: 3, daysAgo: 5, comment: 'Armoured transport now in place (demo)' }, programme: 'Cash assistance', exposed: ['nationalStaff', 'volunteers', 'assets'], inherent: [3, 4], residual: [2, 3], owner: 'Finance manager', measures: [11, 6], review: 50 },
  { title: 'Residential burglary of delegates', category: 'crime', threat: 'Break-in at residences', cause: 'Residences known in the neighbourhood', consequence: 'Theft, trauma, possible assault', city: 0, exposed: ['internationalStaff'], inherent: [3, 3], residual: [2, 2], status: 'mitigated', owner: 'Security officer', measures: [6, 5], review: 80 },
  { title: 'Hostile rumours on social media', category: 'civilUnrest', threat: 'Misinformation about the delegation', cause: 'Aid seen as favouring one community', consequence: 'Loss of acceptance, threats to volunteers', city: 2, exposed: ['volunteers', 'operations'], inherent: [3, 3], residual: [2, 3], owner: 'Communications officer', measures: [3, 12], review: 25 },
  { title: 'Detention of national staff at checkpoints', category: 'armedConflict', threat: 'Arbitrary arrest', cause: 'Staff from a community seen as hostile', consequence: 'Detention, ill-treatment', city: 3, exposed: ['nationalStaff'], inherent: [3, 4], residual: [2, 4], owner: 'Head of delegation', measures: [3, 12], review: 35 },
  { title: 'Shelling near the Dunmore field office', category: 'armedConflict', threat: 'Indirect fire', cause: 'Artillery positions 5 km north', consequence: 'Damage, casualties', city: 2, exposed: ['nationalStaff', 'assets'], inherent: [2, 5], residual: [2, 4], owner: 'Head of sub-office', measures: [7, 13], review: -8 },
  { title: 'Loss of communications during an incident', category: 'other', threat: 'Network shutdown', cause: 'Authorities cut mobile data during unrest', consequence: 'Teams unreachable', city: -1, exposed: ['operations'], inherent: [3, 3], residual: [2, 2], owner: 'IT and telecoms', measures: [2], review: 110 },
  { title: 'Sexual harassment and assault', category: 'crime', threat: 'Harassment of staff in public places', cause: 'Weak rule of law', consequence: 'Harm to staff, long-term trauma', city: -1, exposed: ['nationalStaff', 'internationalStaff', 'volunteers'], inherent: [3, 4], residual: [2, 4], owner: 'Head of delegation', measures: [1, 12], review: 45 },
  { title: 'Earthquake affecting the Highlands', category: 'hazards', threat: 'Strong earthquake', cause: 'Active fault line', consequence: 'Building collapse', city: 2, exposed: ['nationalStaff', 'assets'], inherent: [1, 5], residual: [1, 4], status: 'accepted', owner: 'Head of delegation', measures: [13], review: 170 },
  { title: 'Fuel shortage stopping operations', category: 'other', threat: 'Fuel supply interrupted', cause: 'Port blockade', consequence: 'Generators and vehicles stopped', city: 0, exposed: ['operations'], inherent: [3, 3], residual: [3, 2], owner: 'Logistics coordinator', measures: [], review: 5 },
  { title: 'Old landmines on lake shore tracks', category: 'hazards', threat: 'Unexploded ordnance', cause: 'Past conflict, unmarked areas', consequence: 'Death or injury', city: 4, exposed: ['volunteers', 'nationalStaff'], inherent: [2, 5], residual: [1, 5], status: 'closed', owner: 'Security officer', measures: [1], review: -60 },
];

/** A register a security officer of the fictional delegation would keep: every risk and measure invented. */
export const seedRisksDemo: DemoSeeder = (ctx) => {
  const cities = ctx.shared.get('cities') ?? [];
  const matrix = RISK_MATRIX_PRESETS.ifrc;
  const created = new Date(ctx.now.getTime() - 60 * 86_400_000);
  const at = created.toISOString();
  const day = (offset: number) => new Date(ctx.now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const measureIds = MEASURES.map((m, i) => {
    const id = demoId(ctx, created);
    insertMeasure(ctx.db.orm, {
      id,
      title: `${m.title} (demo)`,
      description: '',
      type: m.type,
      owner: m.owner,
      status: m.status,
      dueDate: m.status === 'done' ? null : day(20 + i * 7),
      costNote: m.cost ?? '',
      createdAt: at,
      updatedAt: at,
    });
    return id;
  });
  // The MSR demo links its checklist items to these measures.
  ctx.shared.set('measures', measureIds);
  RISKS.forEach((r, i) => {
    const id = demoId(ctx, created);
    const inherentLevel = riskLevel(matrix, r.inherent[0], r.inherent[1]);
    const residualLevel = riskLevel(matrix, r.residual[0], r.residual[1]);
    const status = r.status ?? 'open';
    insertRisk(ctx.db.orm, {
      id,
      seq: i + 1,
      reference: `R-${String(i + 1).padStart(3, '0')}`,
      title: `${r.title} (demo)`,
      threat: r.threat,
      cause: r.cause,
      consequence: r.consequence,
      category: r.category,
      areaId: r.city >= 0 ? (cities[r.city] ?? null) : null,
      premisesId: null,
      programme: r.programme ?? '',
      exposed: r.exposed,
      inherentLikelihood: r.inherent[0],
      inherentImpact: r.inherent[1],
      inherentLevel,
      residualLikelihood: r.residual[0],
      residualImpact: r.residual[1],
      residualLevel,
      owner: r.owner,
      status,
      acceptedBy: status === 'accepted' ? 'Head of delegation (demo)' : '',
      acceptedOn: status === 'accepted' ? day(-50) : null,
      acceptanceValidUntil: status === 'accepted' ? day(130) : null,
      nextReview: day(r.review),
      notes: '',
      createdAt: at,
      updatedAt: at,
    });
    insertReview(ctx.db.orm, {
      id: demoId(ctx, created),
      riskId: id,
      at,
      actor: ctx.actor,
      kind: 'created',
      changes: [],
      inherentLevelBefore: null,
      inherentLevelAfter: inherentLevel,
      residualLevelBefore: null,
      residualLevelAfter: residualLevel,
      comment: 'Initial security risk assessment (demo)',
    });
    const areaIds = [r.city, ...(r.alsoCities ?? [])].filter((c) => c >= 0).map((c) => cities[c]).filter((a): a is string => Boolean(a));
    setRiskLocations(ctx.db.orm, id, [...new Set(areaIds)], []);
    for (const m of r.measures) linkMeasure(ctx.db.orm, id, measureIds[m]!);
    if (r.recent) {
      const when = new Date(ctx.now.getTime() - r.recent.daysAgo * 86_400_000);
      const before = riskLevel(matrix, r.recent.likelihoodBefore, r.residual[1]);
      insertReview(ctx.db.orm, {
        id: demoId(ctx, when),
        riskId: id,
        at: when.toISOString(),
        actor: ctx.actor,
        kind: 'updated',
        changes: [{ field: 'residualLikelihood', before: r.recent.likelihoodBefore, after: r.residual[0] }],
        inherentLevelBefore: inherentLevel,
        inherentLevelAfter: inherentLevel,
        residualLevelBefore: before,
        residualLevelAfter: residualLevel,
        comment: r.recent.comment,
      });
    }
  });
};
