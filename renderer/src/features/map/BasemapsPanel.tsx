import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog } from '../../components';
import { notify } from '../../app/notify';
import { queryClient, useVigilMutation } from '../../lib/queries';
import { isDesktop, vigil } from '../../lib/vigil';
import { uploadFile } from '../../lib/transports';
import type { Basemap } from '../../../../shared/contract/map';
import { formatBytes } from '../files/paths';
import { isolate } from '../files/bidi';

/**
 * Detailed basemaps for the area of operations (.pmtiles / .mbtiles). The file is copied into the data
 * folder, unencrypted: it is public map data, and a file left on a USB stick would vanish with the stick.
 */
export function BasemapsPanel({
  basemaps,
  active,
  onSelect,
}: {
  basemaps: readonly Basemap[];
  active: string | null;
  onSelect(id: string | null): void;
}) {
  const { t, i18n } = useTranslation('map');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Basemap | null>(null);
  const remove = useVigilMutation('map.removeBasemap', {
    onSuccess: (r) => {
      if (r.id === active) onSelect(null);
      setRemoving(null);
    },
    successMessageKey: 'map:basemaps.removed',
  });

  const add = async (file: () => Promise<string>) => {
    setBusy(true);
    try {
      const added = await vigil.call('map.addBasemap', { file: await file() });
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('map.') });
      onSelect(added.id);
      notify.success(t(added.schema === 'unknown' ? 'basemaps.addedUnknown' : 'basemaps.added', { name: isolate(added.name) }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    if (!isDesktop) {
      input.current?.click();
      return;
    }
    const picked = await vigil.call('dialog.openFile', { filters: [{ name: t('basemaps.fileTypes'), extensions: ['pmtiles', 'mbtiles'] }] });
    const path = picked.path;
    if (path) await add(() => Promise.resolve(path));
  };

  const activeMap = basemaps.find((b) => b.id === active);
  return (
    <fieldset className="map-panel__section">
      <legend>{t('basemaps.title')}</legend>
      <label className="map-layer__toggle">
        <input type="radio" name="map-basemap" checked={active === null} onChange={() => onSelect(null)} />
        {t('basemaps.builtIn')}
      </label>
      {basemaps.map((b) => (
        <div key={b.id} className="map-basemap">
          <label className="map-layer__toggle">
            <input type="radio" name="map-basemap" checked={active === b.id} onChange={() => onSelect(b.id)} />
            <bdi>{b.name}</bdi>
            <span className="map-layer__count">{formatBytes(b.bytes, i18n.language)}</span>
          </label>
          <Button size="sm" variant="ghost" aria-label={t('basemaps.remove', { name: b.name })} onClick={() => setRemoving(b)}>
            ×
          </Button>
        </div>
      ))}
      {activeMap?.schema === 'unknown' && <p className="map-panel__hint">{t('basemaps.unknownSchema')}</p>}
      <Button size="sm" busy={busy} onClick={() => void choose()}>
        {t('basemaps.add')}
      </Button>
      <p className="map-panel__hint">{t('basemaps.note')}</p>
      {!isDesktop && (
        <input
          ref={input}
          type="file"
          hidden
          data-testid="map-basemap-file"
          accept=".pmtiles,.mbtiles"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void add(async () => `upload:${await uploadFile(file)}`);
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        danger
        title={t('basemaps.removeTitle')}
        message={t('basemaps.removeMessage', { name: removing?.name ?? '' })}
        confirmLabel={t('basemaps.removeConfirm')}
        cancelLabel={t('common.cancel')}
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
        onCancel={() => setRemoving(null)}
      />
    </fieldset>
  );
}
