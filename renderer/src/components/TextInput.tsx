import type { ComponentPropsWithRef } from 'react';
import './components.css';

export type TextInputProps = ComponentPropsWithRef<'input'>;

/** A text-like input; React 19 passes `ref` as a prop, so react-hook-form's register() spreads straight in. */
export function TextInput({ className, type, ...rest }: TextInputProps) {
  return <input type={type ?? 'text'} className={['v-input', className ?? ''].filter(Boolean).join(' ')} {...rest} />;
}
