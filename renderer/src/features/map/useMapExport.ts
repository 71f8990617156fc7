import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { notify } from '../../app/notify';
import { vigil } from '../../lib/vigil';
import { isolate } from '../files/bidi';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The current view as a PNG: the canvas (kept with preserveDrawingBuffer) goes to the core, which writes,
 * reads back and checksums the file like every export. Desktop asks for the path in the native dialog;
 * browser mode opens the save-location picker.
 */
export function useMapExport(getMap: () => MapLibreMap | null) {
  const { t } = useTranslation('map');
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const defaultName = `map-${today()}.png`;

  const save = async (path: string) => {
    const map = getMap();
    if (!map) return;
    setBusy(true);
    try {
      const png = map.getCanvas().toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
      const result = await vigil.call('map.exportPng', { png, path });
      setPicking(false);
      notify.success(t('export.done', { path: isolate(result.path) }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  // Desktop and browser alike: SaveLocationDialog asks (the system dialog on the desktop, then warnings and the password option).
  const start = () => setPicking(true);

  return { start, save, picking, busy, defaultName, cancel: () => setPicking(false) };
}
