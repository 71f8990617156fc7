import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from './Button';

export interface MenuButtonItem {
  id: string;
  label: string;
  hint?: string;
}

export interface MenuButtonProps {
  label: string;
  items: readonly MenuButtonItem[];
  onChoose(id: string): void;
  busy?: boolean;
  disabled?: boolean;
  /** Items shown but refused (for example while an option beside them is invalid). */
  itemsDisabled?: boolean;
  /** Extra controls under the items, inside the popup (Tab reaches them; leaving the popup closes it). */
  children?: ReactNode;
}

/**
 * A button that opens a menu (WAI-ARIA menu button pattern): Enter/Space or ArrowDown opens it, arrows
 * move between items, Escape closes it and returns focus, a click outside or focus leaving closes it.
 */
export function MenuButton({ label, items, onChoose, busy, disabled, itemsDisabled, children }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[0]?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const onPopupKeyDown = (event: KeyboardEvent) => {
    const index = itemRefs.current.findIndex((el) => el === document.activeElement);
    const count = items.length;
    if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (index === -1) return;
    else if (event.key === 'ArrowDown') itemRefs.current[(index + 1) % count]?.focus();
    else if (event.key === 'ArrowUp') itemRefs.current[(index - 1 + count) % count]?.focus();
    else return;
    event.preventDefault();
  };

  const choose = (id: string) => {
    if (itemsDisabled) return;
    setOpen(false);
    onChoose(id);
  };

  return (
    <div
      className="v-menu-button"
      ref={root}
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Button
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        busy={busy}
        disabled={disabled}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
        <span className="v-menu-button__caret" aria-hidden="true" />
      </Button>
      {open && (
        <div className="v-menu-button__popup" onKeyDown={onPopupKeyDown}>
          <ul id={menuId} role="menu" aria-label={label} className="v-menu-button__list">
            {items.map((item, index) => (
              <li key={item.id} role="none">
                <button
                  ref={(el) => {
                    itemRefs.current[index] = el;
                  }}
                  type="button"
                  role="menuitem"
                  tabIndex={index === 0 ? 0 : -1}
                  aria-disabled={itemsDisabled ? true : undefined}
                  className="v-menu-button__item"
                  onClick={() => choose(item.id)}
                >
                  <span>{item.label}</span>
                  {item.hint && <span className="v-menu-button__hint">{item.hint}</span>}
                </button>
              </li>
            ))}
          </ul>
          {children && <div className="v-menu-button__extra">{children}</div>}
        </div>
      )}
    </div>
  );
}
