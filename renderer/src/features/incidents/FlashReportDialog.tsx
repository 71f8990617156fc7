import { useTranslation } from 'react-i18next';
import { Button, Dialog, Spinner } from '../../components';
import { notify } from '../../app/notify';
import { useVigilQuery } from '../../lib/queries';
import { LANGUAGES, type Language } from '../../../../shared/contract/common';

/** "Copy as message": the incident as a short plain-text alert, shown, then copied to the clipboard. */
export function FlashReportDialog({ id, onClose }: { id: string; onClose(): void }) {
  const { t, i18n } = useTranslation('incidents');
  const lang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : undefined;
  const report = useVigilQuery('incidents.flashReport', { id, ...(lang ? { lang } : {}) });
  const copy = async () => {
    if (!report.data) return;
    try {
      await navigator.clipboard.writeText(report.data.text);
      notify.success(t('flash.copied'));
    } catch {
      notify.error(new Error(t('flash.copyFailed')));
    }
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('flash.title')}
      footer={
        <>
          <Button onClick={onClose}>{t('flash.close')}</Button>
          <Button variant="primary" onClick={() => void copy()} disabled={!report.data}>
            {t('flash.copy')}
          </Button>
        </>
      }
    >
      {report.data ? (
        <>
          {report.data.restricted && <p role="note">{t('flash.restricted')}</p>}
          <pre className="incidents-flash__text" dir="auto">
            {report.data.text}
          </pre>
        </>
      ) : (
        <Spinner label={t('flash.loading')} />
      )}
    </Dialog>
  );
}
