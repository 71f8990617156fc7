import { useTranslation } from 'react-i18next';
import { dismiss, useToasts, type Toast } from './notify';
import './toaster.css';

function ToastView({ toast }: { toast: Toast }) {
  const { t } = useTranslation('shell');
  return (
    // Errors interrupt (alert); successes are announced politely (status).
    <div className={`v-toast v-toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <span className="v-toast__icon" aria-hidden="true">
        {toast.kind === 'error' ? '!' : '✓'}
      </span>
      <div className="v-toast__text">
        {/* Core messages are English; "auto" keeps their punctuation right inside an Arabic page. */}
        <p dir="auto">{toast.text}</p>
        {toast.ref && <p className="v-toast__ref">{t('errors.ref', { ref: toast.ref })}</p>}
      </div>
      <button type="button" className="v-toast__close" onClick={() => dismiss(toast.id)} aria-label={t('common.dismiss')} title={t('common.dismiss')}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

export function Toaster() {
  const toasts = useToasts();
  return (
    <div className="v-toaster">
      {toasts.map((toast) => (
        <ToastView key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
