import { useTranslation } from 'react-i18next';
import { Button } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { usePickFile } from '../files/usePickFile';
import { MAX_LOGO_BYTES } from '../../../../shared/contract/reports';
import './reports.css';

/** Settings: the delegation logo printed on the cover of reports (PNG or JPEG, checked by core). */
export function ReportLogoSettings() {
  const { t, i18n } = useTranslation('reports');
  const current = useVigilQuery('reports.getLogo', {});
  const set = useVigilMutation('reports.setLogo', { successMessageKey: 'reports:logo.saved' });
  const clear = useVigilMutation('reports.clearLogo', { successMessageKey: 'reports:logo.removed' });
  const { choose, fileInput, onInputChange, uploading } = usePickFile({
    filters: [{ name: t('logo.fileTypes'), extensions: ['png', 'jpg', 'jpeg'] }],
    maxBytes: MAX_LOGO_BYTES,
    tooLarge: (name) => t('logo.tooLarge', { name }),
    send: async (file) => {
      try {
        await set.mutateAsync({ file });
      } catch {
        // The mutation already told the user why.
      }
    },
  });
  const logo = current.data?.logo ?? null;
  const busy = uploading || set.isPending;

  const size = (bytes: number) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(bytes / 1024);

  return (
    <div className="report-logo">
      <p className="reports-hint">{t('logo.hint')}</p>
      <div className="report-logo__row">
        <div className="report-logo__preview" data-testid="report-logo-preview">
          {logo ? <img src={logo} alt={t('logo.alt')} /> : <span className="reports-hint">{t('logo.none')}</span>}
        </div>
        <div className="report-logo__actions">
          {logo && current.data?.bytes != null && (
            <span className="reports-hint">
              {current.data.mime === 'image/png' ? 'PNG' : 'JPEG'} · <bdi>{size(current.data.bytes)}</bdi>
            </span>
          )}
          <div className="reports-row">
            <Button size="sm" busy={busy} onClick={() => void choose()}>
              {logo ? t('logo.replace') : t('logo.choose')}
            </Button>
            {logo && (
              <Button size="sm" variant="ghost" busy={clear.isPending} onClick={() => clear.mutate({})}>
                {t('logo.remove')}
              </Button>
            )}
          </div>
        </div>
      </div>
      <input
        ref={fileInput}
        type="file"
        hidden
        accept="image/png,image/jpeg"
        data-testid="report-logo-input"
        onChange={onInputChange}
      />
    </div>
  );
}
