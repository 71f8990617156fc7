import { insertPlan, insertPlanVersion, setPlanMsrItems } from '../../../db/repositories/plans';
import type { PlanKind } from '../../../shared/contract/plans';
import { demoId, type DemoSeeder } from './seedDemo';

interface DemoPlan {
  kind: PlanKind;
  title: string;
  owner: string;
  /** Days from today; negative is in the past. */
  approved?: number;
  reviewDue: number;
  tested?: number;
  versions: Array<{ day: number; note: string }>;
  msr: string[];
}

const PLANS: DemoPlan[] = [
  { kind: 'riskRegister', title: 'Security risk register Port Amarel (demo)', owner: 'Security officer', approved: -40, reviewDue: 142, versions: [{ day: -200, note: 'First issue' }, { day: -40, note: 'Quarterly revision' }], msr: ['MSR-1.1', 'MSR-1.2'] },
  { kind: 'securityRegulations', title: 'Security regulations and field movement control v3 (demo)', owner: 'Head of delegation', approved: -25, reviewDue: 157, versions: [{ day: -25, note: 'Signed version' }], msr: ['MSR-2.1'] },
  { kind: 'medicalEvacuation', title: 'Medical evacuation plan (demo)', owner: 'Health coordinator', approved: -220, reviewDue: -37, versions: [{ day: -220, note: '' }], msr: ['MSR-3.2'] },
  { kind: 'relocation', title: 'Relocation plan, northern districts (demo)', owner: 'Head of delegation', approved: -150, reviewDue: 32, tested: -300, versions: [{ day: -150, note: 'Routes updated' }], msr: ['MSR-3.1'] },
  { kind: 'welcomeBrief', title: 'Security welcome brief for new staff (demo)', owner: 'Security officer', reviewDue: 90, versions: [{ day: -12, note: 'Draft for comments' }], msr: [] },
  { kind: 'criticalIncident', title: 'Critical incident management plan (demo)', owner: 'Head of delegation', reviewDue: -5, versions: [], msr: [] },
];

const day = (now: Date, offset: number) => new Date(now.getTime() + offset * 86_400_000);

/** Six fictional plans: two overdue for review, one never exercised, one still a draft. */
export const seedPlansDemo: DemoSeeder = (ctx) => {
  const sqlite = ctx.db.sqlite;
  const itemIdByCode = new Map((sqlite.prepare('SELECT id, code FROM msr_items').all() as Array<{ id: string; code: string }>).map((r) => [r.code, r.id]));
  for (const p of PLANS) {
    const created = day(ctx.now, Math.min(-220, ...p.versions.map((v) => v.day)));
    const id = demoId(ctx, created);
    insertPlan(sqlite, {
      id,
      kind: p.kind,
      title: p.title,
      owner: p.owner,
      approvedBy: p.approved === undefined ? '' : 'Head of delegation (demo)',
      approvedOn: p.approved === undefined ? null : day(ctx.now, p.approved).toISOString().slice(0, 10),
      reviewDue: day(ctx.now, p.reviewDue).toISOString().slice(0, 10),
      testedOn: p.tested === undefined ? null : day(ctx.now, p.tested).toISOString().slice(0, 10),
      notes: 'FICTIONAL DEMO DATA',
      createdAt: created.toISOString(),
      updatedAt: ctx.now.toISOString(),
    });
    for (const v of p.versions) {
      const at = day(ctx.now, v.day);
      const text = `${p.title}\n\nFICTIONAL DEMO DATA: this document is invented for the Vigil demo vault.\nVersion of ${at.toISOString().slice(0, 10)}. ${v.note}\n`;
      insertPlanVersion(sqlite, {
        id: demoId(ctx, at),
        planId: id,
        fileName: `${p.kind}-${at.toISOString().slice(0, 10)}-demo.txt`,
        mime: 'text/plain',
        size: Buffer.byteLength(text),
        bytes: Buffer.from(text),
        uploadedBy: ctx.actor,
        uploadedAt: at.toISOString(),
        note: v.note,
      });
    }
    setPlanMsrItems(sqlite, id, p.msr.map((c) => itemIdByCode.get(c)).filter((x): x is string => Boolean(x)));
  }
};
