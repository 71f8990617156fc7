import { insertArea, insertPhaseDeclaration } from '../../../db/repositories/areas';
import type { AreaLevel } from '../../../shared/contract/areas';
import { demoId, type DemoSeeder } from './seedDemo';

interface DemoArea {
  name: string;
  level: AreaLevel;
  children?: DemoArea[];
}

const TREE: DemoArea = {
  name: 'Republic of Norvalia (fictional)',
  level: 'country',
  children: [
    {
      name: 'Coastal Province',
      level: 'province',
      children: [
        { name: 'Port Amarel', level: 'city' },
        { name: 'Salt Bay District', level: 'district', children: [{ name: 'Kessin', level: 'city' }] },
      ],
    },
    {
      name: 'Highlands Province',
      level: 'province',
      children: [
        { name: 'Dunmore', level: 'city' },
        { name: 'Upper Vale District', level: 'district', children: [{ name: 'Orsk', level: 'city' }] },
      ],
    },
    { name: 'Lake Province', level: 'province', children: [{ name: 'Tamsin', level: 'city' }] },
  ],
};

const DECLARATIONS: Array<{ area: string; level: number; daysAgo: number; reason: string }> = [
  { area: 'Republic of Norvalia (fictional)', level: 2, daysAgo: 120, reason: 'Demo: national elections scheduled; sporadic unrest in the capital.' },
  { area: 'Highlands Province', level: 3, daysAgo: 40, reason: 'Demo: armed clashes reported on the main supply route north of Dunmore.' },
  { area: 'Orsk', level: 4, daysAgo: 6, reason: 'Demo: fighting inside the town; staff relocated to Dunmore.' },
  { area: 'Coastal Province', level: 2, daysAgo: 15, reason: 'Demo: situation stable after the port strike ended.' },
];

export const seedAreasDemo: DemoSeeder = (ctx) => {
  const byName = new Map<string, string>();
  const created = new Date(ctx.now.getTime() - 200 * 86_400_000);
  const add = (area: DemoArea, parentId: string | null) => {
    const id = demoId(ctx, created);
    const at = created.toISOString();
    insertArea(ctx.db.orm, { id, parentId, level: area.level, name: area.name, notes: '', createdAt: at, updatedAt: at });
    byName.set(area.name, id);
    for (const child of area.children ?? []) add(child, id);
  };
  add(TREE, null);
  for (const d of DECLARATIONS) {
    const at = new Date(ctx.now.getTime() - d.daysAgo * 86_400_000);
    insertPhaseDeclaration(ctx.db.orm, {
      id: demoId(ctx, at),
      areaId: byName.get(d.area)!,
      scale: 'ifrc',
      level: d.level,
      reason: d.reason,
      declaredAt: at.toISOString(),
      declaredBy: ctx.actor,
    });
  }
  ctx.shared.set('cities', ['Port Amarel', 'Kessin', 'Dunmore', 'Orsk', 'Tamsin'].map((n) => byName.get(n)!));
};
