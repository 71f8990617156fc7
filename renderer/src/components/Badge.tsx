import type { ReactNode } from 'react';
import './components.css';

export interface BadgeProps {
  /** Background colour, e.g. a phase colour from shared/presets/phaseScales. */
  colour?: string;
  /** Text colour readable on `colour`. */
  ink?: string;
  children: ReactNode;
  title?: string;
  className?: string;
}

export function Badge({ colour, ink, children, title, className }: BadgeProps) {
  // Inline style is the point here: the colour is data (a phase, a category), not a fixed theme token.
  const style = colour ? { backgroundColor: colour, color: ink ?? 'inherit' } : undefined;
  return (
    <span className={['v-badge', colour ? '' : 'v-badge--neutral', className ?? ''].filter(Boolean).join(' ')} style={style} title={title}>
      {children}
    </span>
  );
}
