import type { ReactNode } from 'react';
import './components.css';

export interface EmptyStateProps {
  title: ReactNode;
  hint?: ReactNode;
  /** Usually one Button that creates the first record. */
  action?: ReactNode;
  /** Compact variant for use inside a tile or panel. */
  compact?: boolean;
}

export function EmptyState({ title, hint, action, compact }: EmptyStateProps) {
  return (
    <div className={compact ? 'v-empty v-empty--compact' : 'v-empty'}>
      <p className="v-empty__title">{title}</p>
      {hint && <p className="v-empty__hint">{hint}</p>}
      {action && <div className="v-empty__action">{action}</div>}
    </div>
  );
}
