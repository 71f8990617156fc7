import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog } from '../../components';
import { notify } from '../../app/notify';
import { queryClient, useVigilMutation } from '../../lib/queries';
import { isDesktop, vigil } from '../../lib/vigil';
import { uploadFile } from '../../lib/transports';
import { AppError } from '../../../../shared/envelope';
import type { Layer } from '../../../../shared/contract/map';
import { isolate } from '../files/bidi';

const EXTENSIONS = ['geojson', 'json', 'kml', 'gpx'];

/**
 * Layers imported from GeoJSON, KML or GPX files: import, toggle, style (colour, line width, opacity) and
 * delete. A file with bad features is refused, naming them; the officer may then import the rest.
 */
export function ImportedLayersPanel({ layers }: { layers: readonly Layer[] }) {
  const { t, i18n } = useTranslation('map');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [retry, setRetry] = useState<{ source: () => Promise<string>; message: string } | null>(null);
  const [deleting, setDeleting] = useState<Layer | null>(null);
  const update = useVigilMutation('map.updateLayer');
  // Colour pickers and sliders fire on every movement: save (and audit) once the hand rests.
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const styleLater = (id: string, patch: { colour?: string; lineWidth?: number; opacity?: number }) => {
    const key = `${id}:${Object.keys(patch)[0] ?? ''}`;
    clearTimeout(timers.current.get(key));
    timers.current.set(key, setTimeout(() => update.mutate({ id, ...patch }), 300));
  };
  const remove = useVigilMutation('map.deleteLayer', { onSuccess: () => setDeleting(null), successMessageKey: 'map:imported.deleted' });

  /** `source` gives the file reference: a path, or a fresh upload (an upload id is good for one command). */
  const run = async (source: () => Promise<string>, skipInvalid: boolean) => {
    setBusy(true);
    try {
      const { layer, skipped } = await vigil.call('map.importLayer', { file: await source(), skipInvalid });
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('map.') });
      setRetry(null);
      notify.success(
        skipped.length
          ? t('imported.doneSkipped', { name: isolate(layer.name), count: layer.featureCount, skipped: skipped.length })
          : t('imported.done', { name: isolate(layer.name), count: layer.featureCount }),
      );
    } catch (error) {
      const details = error instanceof AppError ? (error.details as { code?: string } | undefined) : undefined;
      if (!skipInvalid && details?.code === 'invalidFeatures') setRetry({ source, message: (error as Error).message });
      else notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    if (!isDesktop) {
      input.current?.click();
      return;
    }
    const picked = await vigil.call('dialog.openFile', { filters: [{ name: t('imported.fileTypes'), extensions: EXTENSIONS }] });
    const path = picked.path;
    if (path) await run(() => Promise.resolve(path), false);
  };

  return (
    <fieldset className="map-panel__section" aria-label={t('imported.title')}>
      <legend>{t('imported.title')}</legend>
      {layers.length === 0 && <p className="map-panel__hint">{t('imported.none')}</p>}
      <ul className="map-imported">
        {layers.map((layer) => (
          <li key={layer.id} className="map-imported__item">
            <label className="map-layer__toggle">
              <input type="checkbox" checked={layer.visible} onChange={() => update.mutate({ id: layer.id, visible: !layer.visible })} />
              <span className="map-legend__swatch" style={{ background: layer.colour }} aria-hidden="true" />
              <bdi>{layer.name}</bdi>
              <span className="map-layer__count">{layer.featureCount.toLocaleString(i18n.language)}</span>
            </label>
            <details className="map-imported__style">
              <summary>{t('imported.style', { name: layer.name })}</summary>
              <label>
                {t('imported.colour')}
                <input type="color" defaultValue={layer.colour} onChange={(e) => styleLater(layer.id, { colour: e.target.value })} />
              </label>
              <label>
                {t('imported.lineWidth')}
                <input type="range" min={0.5} max={8} step={0.5} defaultValue={layer.lineWidth} onChange={(e) => styleLater(layer.id, { lineWidth: Number(e.target.value) })} />
              </label>
              <label>
                {t('imported.opacity')}
                <input type="range" min={0.1} max={1} step={0.05} defaultValue={layer.opacity} onChange={(e) => styleLater(layer.id, { opacity: Number(e.target.value) })} />
              </label>
              <Button size="sm" variant="danger" onClick={() => setDeleting(layer)}>
                {t('imported.delete')}
              </Button>
            </details>
          </li>
        ))}
      </ul>
      <Button size="sm" busy={busy} onClick={() => void choose()}>
        {t('imported.import')}
      </Button>
      {!isDesktop && (
        <input
          ref={input}
          type="file"
          hidden
          data-testid="map-import-file"
          accept={EXTENSIONS.map((e) => `.${e}`).join(',')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            void run(async () => `upload:${await uploadFile(file)}`, false);
          }}
        />
      )}
      <ConfirmDialog
        open={retry !== null}
        title={t('imported.badTitle')}
        message={retry?.message ?? ''}
        confirmLabel={t('imported.skipBad')}
        cancelLabel={t('common.cancel')}
        busy={busy}
        onConfirm={() => retry && void run(retry.source, true)}
        onCancel={() => setRetry(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        danger
        title={t('imported.deleteTitle')}
        message={t('imported.deleteMessage', { name: deleting?.name ?? '' })}
        confirmLabel={t('imported.delete')}
        cancelLabel={t('common.cancel')}
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onCancel={() => setDeleting(null)}
      />
    </fieldset>
  );
}
