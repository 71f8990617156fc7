import { AREA_LEVELS, type Area, type AreaLevel } from '../../../../shared/contract/areas';

/** One visible line of the tree: the flat list the core returns, ordered depth-first. */
export interface TreeRow {
  area: Area;
  depth: number;
  hasChildren: boolean;
  /** Position among its siblings, 1-based, and the sibling count (aria-posinset / aria-setsize). */
  position: number;
  siblings: number;
}

/** The level a new child of `level` gets; a city is the last level and has none. */
export function childLevel(level: AreaLevel): AreaLevel | null {
  const next = AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1];
  return next ?? null;
}

/**
 * Depth-first rows of the areas whose ancestors are all expanded. Siblings sort by name in the user's
 * language so the tree reads the same way the user's alphabet does.
 */
export function visibleRows(areas: readonly Area[], collapsed: ReadonlySet<string>, locale: string): TreeRow[] {
  const children = new Map<string | null, Area[]>();
  const ids = new Set(areas.map((a) => a.id));
  for (const area of areas) {
    // An orphan (parent not in the list) is shown at the top rather than lost.
    const parent = area.parentId !== null && ids.has(area.parentId) ? area.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(area);
    children.set(parent, list);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  for (const list of children.values()) list.sort((a, b) => collator.compare(a.name, b.name));

  const rows: TreeRow[] = [];
  const walk = (parentId: string | null, depth: number) => {
    const list = children.get(parentId) ?? [];
    list.forEach((area, index) => {
      const hasChildren = (children.get(area.id)?.length ?? 0) > 0;
      rows.push({ area, depth, hasChildren, position: index + 1, siblings: list.length });
      if (hasChildren && !collapsed.has(area.id)) walk(area.id, depth + 1);
    });
  };
  walk(null, 1);
  return rows;
}
