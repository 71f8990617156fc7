import { insertPremises } from '../../../db/repositories/premises';
import type { PremisesType } from '../../../shared/contract/premises';
import { demoId, type DemoSeeder } from './seedDemo';
import { DEMO_CITY_COORDS, nearby } from './demoPlaces';


const PREMISES: Array<{ name: string; type: PremisesType; city: number; safeRoom: boolean }> = [
  { name: 'Delegation office (demo)', type: 'office', city: 0, safeRoom: true },
  { name: 'Head of delegation residence (demo)', type: 'residence', city: 0, safeRoom: true },
  { name: 'Port warehouse (demo)', type: 'warehouse', city: 0, safeRoom: false },
  { name: 'Kessin sub-office (demo)', type: 'office', city: 1, safeRoom: false },
  { name: 'Dunmore field office (demo)', type: 'office', city: 2, safeRoom: true },
  { name: 'Dunmore guest house (demo)', type: 'guest_house', city: 2, safeRoom: true },
  { name: 'Orsk warehouse (demo)', type: 'warehouse', city: 3, safeRoom: false },
  { name: 'Tamsin team house (demo)', type: 'residence', city: 4, safeRoom: false },
];

export const seedPremisesDemo: DemoSeeder = (ctx) => {
  const cities = ctx.shared.get('cities') ?? [];
  const at = new Date(ctx.now.getTime() - 90 * 86_400_000);
  const ids: string[] = [];
  for (const [n, p] of PREMISES.entries()) {
    // In its city (the fictional country lies in open sea, far from any real town), a few km from the centre.
    const place = nearby(DEMO_CITY_COORDS[p.city]!, n, 0.04);
    const id = demoId(ctx, at);
    ids.push(id);
    insertPremises(ctx.db.orm, {
      id,
      name: p.name,
      type: p.type,
      areaId: cities[p.city] ?? null,
      address: `${ctx.faker.location.buildingNumber()} ${ctx.faker.location.street()} (fictional)`,
      ...place,
      focalPoint: ctx.faker.person.fullName(),
      safeRoom: p.safeRoom,
      safeRoomNotes: p.safeRoom ? 'Water for 3 days, HF radio, first aid kit, steel door (demo).' : '',
      notes: '',
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
  }
  ctx.shared.set('premises', ids);
};
