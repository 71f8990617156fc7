import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import './components.css';

export interface CheckboxProps extends Omit<ComponentPropsWithRef<'input'>, 'type'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

/** The label wraps the box so the whole line is clickable; hint and error are announced with it. */
export function Checkbox({ label, hint, error, id, className, ...rest }: CheckboxProps) {
  const generated = useId();
  const boxId = id ?? `c${generated}`;
  const hintId = hint ? `${boxId}-hint` : undefined;
  const errorId = error ? `${boxId}-error` : undefined;
  return (
    <div className={['v-check', error ? 'v-field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="v-check__label" htmlFor={boxId}>
        <input
          type="checkbox"
          id={boxId}
          className="v-check__box"
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          {...rest}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <div className="v-field__hint v-check__hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="v-field__error v-check__hint" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}
