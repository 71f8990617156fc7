import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './components.css';

export interface DialogProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children?: ReactNode;
  /** Buttons, laid out at the inline end. */
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
}

/**
 * Native <dialog> opened with showModal(): the browser gives us the focus trap, the inert background and
 * Escape. Escape fires "cancel", which we turn into onClose so the parent's `open` stays the one truth.
 */
export function Dialog({ open, title, onClose, children, footer, size = 'md' }: DialogProps) {
  const { t } = useTranslation('shell');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, []);

  return (
    <dialog ref={ref} className={`v-dialog v-dialog--${size}`} aria-labelledby={titleId}>
      {open && (
        <div className="v-dialog__frame">
          <header className="v-dialog__header">
            <h2 id={titleId} className="v-dialog__title">
              {title}
            </h2>
            <button type="button" className="v-dialog__close" onClick={onClose} aria-label={t('common.close')} title={t('common.close')}>
              <span aria-hidden="true">×</span>
            </button>
          </header>
          <div className="v-dialog__body">{children}</div>
          {footer && <footer className="v-dialog__footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
