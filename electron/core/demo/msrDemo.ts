import { insertMsrItem, insertSnapshot, listMsrItems, putEvidenceFile, setItemMeasures, updateMsrItem } from '../../../db/repositories/msr';
import { complianceSummary, type MsrStatus } from '../../../shared/domain/msrCompliance';
import { seedMsrPreset } from '../services/msrService';
import { demoId, type DemoSeeder } from './seedDemo';

interface DemoAssessment {
  status: MsrStatus;
  /** Status at the previous assessment, three months ago, when it differed. */
  before?: MsrStatus;
  responsible?: string;
  /** Days from today. */
  due?: number;
  evidence?: string;
  evidenceDay?: number;
  /** Indexes into the risk demo's measures. */
  measures?: number[];
  file?: string;
}

const ASSESSMENT: Record<string, DemoAssessment> = {
  'MSR-1.1': { status: 'compliant', responsible: 'Security officer', evidence: 'Risk assessment of all five areas, signed', evidenceDay: -40, file: 'Risk assessment summary (demo).txt' },
  'MSR-1.2': { status: 'compliant', before: 'partial', responsible: 'Security officer', evidence: 'Register reviewed with the management team', evidenceDay: -20 },
  'MSR-1.3': { status: 'partial', responsible: 'Security officer', due: 30, evidence: 'Monthly context analysis sent in two of the last three months', measures: [12] },
  'MSR-1.4': { status: 'compliant', responsible: 'Head of delegation', evidence: 'Phases shown on the premises board' },
  'MSR-1.5': { status: 'nonCompliant', responsible: 'Head of delegation', due: 14 },
  'MSR-1.6': { status: 'partial', responsible: 'Programme coordinator', due: 45 },
  'MSR-2.1': { status: 'compliant', before: 'nonCompliant', responsible: 'Head of delegation', evidence: 'Security regulations v3 signed', evidenceDay: -25, file: 'Security regulations v3 signature page (demo).txt' },
  'MSR-2.2': { status: 'partial', responsible: 'Security officer', due: 60, evidence: 'Cash handling SOP still in draft', measures: [11] },
  'MSR-2.3': { status: 'partial', before: 'nonCompliant', responsible: 'Premises focal points', due: 90, evidence: 'Three of five premises assessed' },
  'MSR-2.4': { status: 'partial', responsible: 'Logistics coordinator', due: 120, measures: [5, 6, 7, 14] },
  'MSR-2.5': { status: 'compliant', responsible: 'Fleet manager', evidence: 'Monthly vehicle checklist', evidenceDay: -10, measures: [4] },
  'MSR-2.6': { status: 'compliant', responsible: 'Radio room', measures: [2, 0] },
  'MSR-2.7': { status: 'compliant', before: 'partial', responsible: 'Fleet manager', measures: [1] },
  'MSR-2.8': { status: 'notApplicable', evidence: 'No visitors programme this year' },
  'MSR-3.1': { status: 'partial', before: 'compliant', responsible: 'Head of delegation', due: 21, evidence: 'Relocation plan written; exercise overdue', measures: [13] },
  'MSR-3.2': { status: 'compliant', responsible: 'Health coordinator', evidence: 'Agreement with the regional hospital', evidenceDay: -70, measures: [9] },
  'MSR-3.3': { status: 'nonCompliant', responsible: 'Head of delegation', due: 30 },
  'MSR-3.4': { status: 'partial', responsible: 'Logistics coordinator', due: 40, measures: [7] },
  'MSR-3.5': { status: 'compliant', responsible: 'Security officer' },
  'MSR-3.6': { status: 'notAssessed' },
  'MSR-4.1': { status: 'compliant', responsible: 'Security officer', evidence: 'Incident log kept in Vigil' },
  'MSR-4.2': { status: 'partial', responsible: 'Security officer', due: 20 },
  'MSR-4.3': { status: 'compliant', responsible: 'Security officer', evidence: 'Monthly NGO security forum attended' },
  'MSR-4.4': { status: 'nonCompliant', before: 'partial', responsible: 'IT and telecoms', due: 10 },
  'MSR-4.5': { status: 'compliant', responsible: 'Radio room', measures: [2] },
  'MSR-4.6': { status: 'partial', responsible: 'Head of delegation', due: 75 },
  'MSR-5.1': { status: 'compliant', responsible: 'Security officer', evidence: 'Briefing sign-off sheets filed' },
  'MSR-5.2': { status: 'partial', responsible: 'HR officer', due: 50, evidence: '34 of 52 staff completed the e-learning' },
  'MSR-5.3': { status: 'nonCompliant', responsible: 'Head of delegation', due: 180 },
  'MSR-5.4': { status: 'nonCompliant', responsible: 'Fleet manager', due: 90, measures: [8] },
  'MSR-5.5': { status: 'partial', responsible: 'Health coordinator', due: 60 },
  'MSR-5.6': { status: 'partial', before: 'nonCompliant', responsible: 'Security officer', due: 30, evidence: 'Fire drill held at the office' },
  'MSR-5.7': { status: 'compliant', responsible: 'Volunteer coordinator' },
  'MSR-6.1': { status: 'compliant', responsible: 'Head of delegation' },
  'MSR-6.2': { status: 'compliant', responsible: 'Head of delegation' },
  'MSR-6.3': { status: 'partial', responsible: 'HR officer', due: 100 },
  'MSR-6.4': { status: 'compliant', responsible: 'Head of delegation', evidence: 'Security is item 1 of the weekly management meeting' },
  'MSR-6.5': { status: 'partial', responsible: 'HR officer', due: 30 },
  'MSR-6.6': { status: 'notAssessed' },
};

/** An MSR checklist mid-way through the year: a realistic mix, one organisation item and last quarter's assessment. */
export const seedMsrDemo: DemoSeeder = (ctx) => {
  const measureIds = ctx.shared.get('measures') ?? [];
  const day = (offset: number) => new Date(ctx.now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const seededAt = new Date(ctx.now.getTime() - 120 * 86_400_000);
  const at = seededAt.toISOString();
  seedMsrPreset(ctx.db, at, () => demoId(ctx, seededAt));
  insertMsrItem(ctx.db.orm, {
    id: demoId(ctx, seededAt),
    code: 'ORG-2.1',
    part: 2,
    title: 'Cash distributions follow the cash security SOP (escort, varied routes, no public announcement of dates) (demo)',
    origin: 'custom',
    status: 'partial',
    responsible: 'Finance manager',
    dueDate: day(35),
    evidenceNote: 'Applied in Kessin, not yet in Dunmore',
    createdAt: at,
    updatedAt: at,
  });
  const items = listMsrItems(ctx.db.sqlite);
  const previous = items.map((i) => ({ itemId: i.id, code: i.code, part: i.part, title: i.title, status: (ASSESSMENT[i.code]?.before ?? ASSESSMENT[i.code]?.status ?? i.status) as MsrStatus }));
  const previousAt = new Date(ctx.now.getTime() - 90 * 86_400_000);
  insertSnapshot(ctx.db.orm, {
    id: demoId(ctx, previousAt),
    takenAt: previousAt.toISOString(),
    actor: ctx.actor,
    note: 'Quarterly MSR self-assessment (demo)',
    items: previous,
    overall: complianceSummary(previous).overall.percent,
  });
  for (const item of items) {
    const a = ASSESSMENT[item.code];
    if (!a) continue;
    updateMsrItem(ctx.db.orm, item.id, {
      status: a.status,
      responsible: a.responsible ?? '',
      dueDate: a.due === undefined ? null : day(a.due),
      evidenceNote: a.evidence ?? '',
      evidenceDate: a.evidence ? day(a.evidenceDay ?? -30) : null,
    });
    const links = (a.measures ?? []).map((m) => measureIds[m]).filter((id): id is string => Boolean(id));
    if (links.length) setItemMeasures(ctx.db.orm, item.id, links);
    if (a.file) {
      const bytes = Buffer.from(`FICTIONAL DEMO DATA\n${item.code}: ${a.evidence ?? ''}\n`, 'utf8');
      putEvidenceFile(ctx.db.orm, { itemId: item.id, name: a.file, mime: 'text/plain', size: bytes.length, bytes, addedAt: at });
    }
  }
};
