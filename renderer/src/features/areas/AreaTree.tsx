import { useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreeRow } from './areaTree';
import { EffectivePhaseView } from './PhaseBadge';

interface AreaTreeProps {
  rows: readonly TreeRow[];
  selectedId: string | null;
  collapsed: ReadonlySet<string>;
  onSelect(id: string): void;
  onToggle(id: string, expand: boolean): void;
}

/**
 * The WAI-ARIA tree pattern, flattened: one treeitem per visible area with aria-level / posinset / setsize,
 * a single tab stop (roving tabindex), and selection that follows focus so the detail panel always shows
 * the area the keyboard is on.
 */
export function AreaTree({ rows, selectedId, collapsed, onSelect, onToggle }: AreaTreeProps) {
  const { t } = useTranslation('areas');
  const items = useRef(new Map<string, HTMLLIElement>());
  // Focus moves only after a key press; a click or a data refresh must not pull focus into the tree.
  const focusPending = useRef(false);

  useEffect(() => {
    if (!focusPending.current || !selectedId) return;
    focusPending.current = false;
    items.current.get(selectedId)?.focus();
  }, [selectedId, rows]);

  const current = Math.max(
    0,
    rows.findIndex((r) => r.area.id === selectedId),
  );

  const moveTo = (index: number) => {
    const row = rows[index];
    if (!row) return;
    focusPending.current = true;
    onSelect(row.area.id);
    // Selecting the area already selected does not re-run the effect; focus it now.
    if (row.area.id === selectedId) items.current.get(row.area.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const row = rows[current];
    if (!row) return;
    const expanded = row.hasChildren && !collapsed.has(row.area.id);
    // In right-to-left text the tree opens towards the left, so the arrow keys swap meaning.
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const key = rtl && event.key === 'ArrowLeft' ? 'ArrowRight' : rtl && event.key === 'ArrowRight' ? 'ArrowLeft' : event.key;
    switch (key) {
      case 'ArrowDown':
        moveTo(current + 1);
        break;
      case 'ArrowUp':
        moveTo(current - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.hasChildren && !expanded) onToggle(row.area.id, true);
        else if (expanded) moveTo(current + 1);
        break;
      case 'ArrowLeft':
        if (expanded) onToggle(row.area.id, false);
        else moveTo(rows.findLastIndex((r, i) => i < current && r.depth === row.depth - 1));
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <ul role="tree" aria-label={t('tree.label')} className="area-tree" onKeyDown={onKeyDown}>
      {rows.map((row, index) => {
        const { area } = row;
        const selected = index === current;
        const expanded = row.hasChildren ? !collapsed.has(area.id) : undefined;
        return (
          <li
            key={area.id}
            ref={(el) => {
              if (el) items.current.set(area.id, el);
              else items.current.delete(area.id);
            }}
            role="treeitem"
            aria-level={row.depth}
            aria-posinset={row.position}
            aria-setsize={row.siblings}
            aria-expanded={expanded}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            className="area-tree__item"
            style={{ '--depth': row.depth - 1 } as CSSProperties}
            onClick={() => onSelect(area.id)}
          >
            <span
              className="area-tree__toggle"
              aria-hidden="true"
              data-state={expanded === undefined ? 'leaf' : expanded ? 'open' : 'closed'}
              onClick={(event) => {
                if (expanded === undefined) return;
                event.stopPropagation();
                onToggle(area.id, !expanded);
              }}
            />
            <span className="area-tree__label">
              <span className="area-tree__name" dir="auto">
                {area.name}
              </span>
              <span className="area-tree__level">{t(`level.${area.level}`)}</span>
            </span>
            <EffectivePhaseView phase={area.phase} stacked />
          </li>
        );
      })}
    </ul>
  );
}
