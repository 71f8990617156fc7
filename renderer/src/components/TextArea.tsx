import type { ComponentPropsWithRef } from 'react';
import './components.css';

export type TextAreaProps = ComponentPropsWithRef<'textarea'>;

export function TextArea({ className, rows, ...rest }: TextAreaProps) {
  return <textarea rows={rows ?? 4} className={['v-input', 'v-textarea', className ?? ''].filter(Boolean).join(' ')} {...rest} />;
}
