import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
import './components.css';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  /** One form control (TextInput, Select, TextArea...); the Field gives it an id and its descriptions. */
  children: ReactElement<ControlProps>;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  className?: string;
}

export function Field({ label, children, hint, error, required, className }: FieldProps) {
  const generated = useId();
  const childId = isValidElement(children) ? children.props.id : undefined;
  const id = childId ?? `f${generated}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [children.props['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;

  // The label is tied by htmlFor/id and hint and error by aria-describedby, so screen readers read all three.
  const control = cloneElement(children, {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : children.props['aria-invalid'],
    'aria-required': required || children.props['aria-required'] || undefined,
  });

  return (
    <div className={['v-field', error ? 'v-field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      {/* The asterisk sits outside the label so the accessible name stays the bare label; aria-required says it. */}
      <div className="v-field__label-row">
        <label className="v-field__label" htmlFor={id}>
          {label}
        </label>
        {required && (
          <span className="v-field__required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {control}
      {hint && (
        <div className="v-field__hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="v-field__error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}
