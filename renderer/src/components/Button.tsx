import type { ComponentPropsWithRef } from 'react';
import './components.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  /** Shows a small spinner and disables the button while an action runs, so it cannot be sent twice. */
  busy?: boolean;
}

export function Button({ variant = 'secondary', size = 'md', busy = false, className, disabled, children, type, ...rest }: ButtonProps) {
  const classes = ['v-btn', `v-btn--${variant}`, size === 'sm' ? 'v-btn--sm' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    // A plain <button> inside a form would submit it; callers opt in to type="submit" explicitly.
    <button type={type ?? 'button'} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && <span className="v-btn__spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
