import './components.css';

export interface SpinnerProps {
  /** What is being waited for; read by screen readers and shown unless `labelHidden`. */
  label: string;
  labelHidden?: boolean;
  size?: 'sm' | 'md' | 'lg';
}

export function Spinner({ label, labelHidden, size = 'md' }: SpinnerProps) {
  return (
    <span className={`v-spinner v-spinner--${size}`} role="status">
      <span className="v-spinner__wheel" aria-hidden="true" />
      <span className={labelHidden ? 'v-visually-hidden' : 'v-spinner__label'}>{label}</span>
    </span>
  );
}

export interface ProgressProps {
  label: string;
  /** 0..max; leave undefined for an indeterminate bar (the KDF gives no progress to report). */
  value?: number;
  max?: number;
}

export function Progress({ label, value, max = 100 }: ProgressProps) {
  return (
    <div className="v-progress">
      <div className="v-progress__label" aria-hidden="true">
        {label}
      </div>
      <div
        className={value === undefined ? 'v-progress__track v-progress__track--indeterminate' : 'v-progress__track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
      >
        <div className="v-progress__bar" style={value === undefined ? undefined : { inlineSize: `${(100 * value) / max}%` }} />
      </div>
    </div>
  );
}
