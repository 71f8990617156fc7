import * as repo from '../../../db/repositories/inspections';
import { getPremises } from '../../../db/repositories/premises';
import type { EquipmentKind } from '../../../shared/contract/inspections';
import { addDays } from '../../../shared/domain/equipmentExpiry';
import { scoreInspection } from '../../../shared/domain/inspectionScoring';
import { seedPresetTemplates } from '../services/inspectionsService';
import { demoId, type DemoSeeder } from './seedDemo';

const EQUIPMENT: Array<{ kind: EquipmentKind; type: string; capacity: string; location: string; expiresIn: number; checkIn: number | null }> = [
  { kind: 'fire_extinguisher', type: 'CO2', capacity: '5 kg', location: 'Server room', expiresIn: 400, checkIn: 20 },
  { kind: 'fire_extinguisher', type: 'Dry powder ABC', capacity: '6 kg', location: 'Kitchen', expiresIn: 12, checkIn: null },
  { kind: 'first_aid_kit', type: 'Office kit (demo)', capacity: '25 persons', location: 'Reception', expiresIn: 150, checkIn: 60 },
  { kind: 'smoke_detector', type: 'Optical, battery', capacity: '', location: 'Corridor', expiresIn: 900, checkIn: 45 },
  { kind: 'satellite_phone', type: 'Handset with prepaid credit (demo)', capacity: '500 units', location: 'Safe room', expiresIn: 75, checkIn: 25 },
  { kind: 'radio', type: 'VHF handheld', capacity: '', location: 'Guard post', expiresIn: 700, checkIn: 90 },
  { kind: 'generator', type: 'Diesel 20 kVA', capacity: '20 kVA', location: 'Yard', expiresIn: 2000, checkIn: 35 },
];

/** Items answered "no" / "partial" in the two finished demo inspections, by preset key. */
const FINDINGS: Array<Record<string, 'no' | 'partial'>> = [
  { 'perimeter.vegetation': 'partial', 'lighting.backup': 'no', 'fire.extinguishers': 'no', 'safe.water': 'partial' },
  { 'locks.windows': 'partial', 'generator.fuelStorage': 'no', 'comms.list': 'no' },
];

/**
 * Equipment for every demo premises (some due within 30 days, one overdue) and, for two of them, a
 * finished inspection with failed items and corrective actions. All fictional.
 */
export const seedInspectionsDemo: DemoSeeder = (ctx) => {
  const premisesIds = ctx.shared.get('premises') ?? [];
  const today = ctx.now.toISOString().slice(0, 10);
  const at = new Date(ctx.now.getTime() - 60 * 86_400_000);
  const iso = at.toISOString();
  const templateIds = seedPresetTemplates(ctx.db.orm, ctx.db.sqlite, iso, () => demoId(ctx, at));
  const byPreset = new Map(templateIds.map((id) => [repo.getTemplate(ctx.db.orm, id)!.presetKey!, id]));

  premisesIds.forEach((premisesId, p) => {
    const count = 3 + (p % 3);
    for (let k = 0; k < count; k++) {
      const e = EQUIPMENT[(p + k) % EQUIPMENT.length]!;
      // The very first item of the first premises is overdue; spread the rest.
      const expiresIn = p === 0 && k === 0 ? -9 : e.expiresIn + p * 3;
      const purchase = addDays(today, -(200 + ctx.faker.number.int({ min: 0, max: 400 })));
      repo.insertEquipment(ctx.db.orm, {
        id: demoId(ctx, at),
        premisesId,
        kind: e.kind,
        type: e.type,
        capacity: e.capacity,
        location: e.location,
        purchaseDate: purchase,
        lastCheck: addDays(today, -ctx.faker.number.int({ min: 10, max: 120 })),
        expiryDate: addDays(today, expiresIn),
        nextCheck: e.checkIn === null ? null : addDays(today, e.checkIn + p),
        notes: '',
        createdAt: iso,
        updatedAt: iso,
      });
    }
  });

  FINDINGS.forEach((findings, n) => {
    const premisesId = premisesIds[n === 0 ? 0 : 1];
    if (!premisesId) return;
    const type = getPremises(ctx.db.sqlite, premisesId)?.type;
    const templateId = byPreset.get(type === 'residence' ? 'residence' : type === 'warehouse' ? 'warehouse' : type === 'guest_house' ? 'guest_house' : 'office');
    if (!templateId) return;
    const template = repo.getTemplate(ctx.db.orm, templateId)!;
    const inspectedOn = addDays(today, -(20 + n * 9));
    const when = new Date(`${inspectedOn}T10:00:00Z`);
    const id = demoId(ctx, when);
    const items = repo.templateItems(ctx.db.orm, templateId).map((i) => ({
      ...i,
      id: demoId(ctx, when),
      inspectionId: id,
      value:
        i.answerType === 'check'
          ? (findings[i.itemKey] ?? 'yes')
          : i.answerType === 'number'
            ? String(ctx.faker.number.int({ min: 2, max: 40 }))
            : i.answerType === 'date'
              ? addDays(inspectedOn, -90)
              : i.answerType === 'text'
                ? 'Route via the back gate kept clear (demo).'
                : null,
      note: findings[i.itemKey] ? 'Seen during the walk-round (demo).' : '',
      answeredAt: when.toISOString(),
      // Photo items of the demo are left optional: no invented photos.
      required: i.answerType === 'photo' ? false : i.required,
    }));
    const score = scoreInspection(
      items.map((i) => ({ ...i, key: i.itemKey, photoCount: 0 })),
      template.passThreshold,
    );
    repo.insertInspection(
      ctx.db.orm,
      {
        id,
        premisesId,
        templateId,
        passThreshold: template.passThreshold,
        inspector: ctx.actor,
        inspectedOn,
        status: 'finished',
        score: score.total,
        passed: score.passed,
        notes: '',
        finishedAt: when.toISOString(),
        createdAt: when.toISOString(),
        updatedAt: when.toISOString(),
      },
      items,
    );
    items
      .filter((i) => score.failed.includes(i.id))
      .forEach((item, k) => {
        repo.insertAction(ctx.db.orm, {
          id: demoId(ctx, when),
          inspectionId: id,
          itemId: item.id,
          premisesId,
          title: `Fix: ${item.label}`,
          owner: ctx.faker.person.fullName(),
          // One action already late, the others due in the coming weeks.
          dueDate: addDays(today, k === 0 ? -5 : 10 + k * 7),
          status: 'open',
          closingNote: '',
          closedAt: null,
          createdAt: when.toISOString(),
          updatedAt: when.toISOString(),
        });
      });
  });
};
