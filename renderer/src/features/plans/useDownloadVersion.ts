import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../app/notify';
import { vigil } from '../../lib/vigil';
import type { PlanVersion } from '../../../../shared/contract/plans';
import { isolate } from '../files/bidi';

export const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/**
 * Writes one stored version to a file the user chooses: the native save dialog on the desktop, the
 * save-location picker in browser mode (the page cannot see the disk; the core writes the file).
 */
export function useDownloadVersion() {
  const { t } = useTranslation('plans');
  const [picking, setPicking] = useState<PlanVersion | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (version: PlanVersion, path: string) => {
    setBusy(true);
    try {
      const result = await vigil.call('plans.downloadVersion', { versionId: version.id, path });
      setPicking(null);
      notify.success(t('download.done', { path: isolate(result.path) }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  // Desktop and browser alike: SaveLocationDialog asks (the system dialog on the desktop, then warnings and the password option).
  const start = (version: PlanVersion) => setPicking(version);

  return { start, save, picking, busy, cancel: () => setPicking(null) };
}
