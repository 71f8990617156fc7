import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ExportWarning } from '../../../../shared/contract/files';
import { isolate } from './bidi';
import { formatBytes } from './paths';

/** The sentence for one warning, in the files namespace's language. */
export function warningText(t: TFunction<'files'>, language: string, w: ExportWarning): string {
  const size = (n: number) => formatBytes(n, language);
  switch (w.code) {
    case 'notRemovable':
      return t('warning.notRemovable');
    case 'nearlyFull':
      return w.neededBytes !== null ? t('warning.nearlyFullFor', { free: size(w.freeBytes), needed: size(w.neededBytes) }) : t('warning.nearlyFull', { free: size(w.freeBytes) });
    case 'fatTooBig':
      return t('warning.fatTooBig', { size: size(w.sizeBytes), fs: isolate(w.fsType.toUpperCase()) });
  }
}

/**
 * What core found wrong with the chosen folder: not on a USB drive, nearly full, or FAT32 with a file of
 * 4 GiB or more (that one blocks saving, so it is an alert; the others only inform).
 */
export function TargetWarnings({ warnings }: { warnings: ExportWarning[] }) {
  const { t, i18n } = useTranslation('files');
  const text = (w: ExportWarning) => warningText(t, i18n.language, w);
  const blocking = warnings.some((w) => w.code === 'fatTooBig');
  return (
    <div className={`save-picker__warnings${blocking ? ' save-picker__warnings--blocking' : ''}`} role={blocking ? 'alert' : 'status'} data-testid="save-warnings">
      <ul>
        {warnings.map((w) => (
          <li key={w.code}>{text(w)}</li>
        ))}
      </ul>
    </div>
  );
}
