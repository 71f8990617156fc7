import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueries } from '@tanstack/react-query';
import type { Map as MapLibreMap, Marker } from 'maplibre-gl';
import { Button, PageHeader, TextInput } from '../../components';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import { SaveLocationDialog } from '../files/SaveLocationDialog';
import { mapEngine } from './mapEngine';
import { basemapStyle, nameField } from './basemapStyle';
import { mapLayers, type LayerData, type TimeWindow } from './layerRegistry';
import { formatDecimal, formatDms, parseCoordinates } from '../../../../shared/domain/coordinates';
import { useMapExport } from './useMapExport';
import './map.css';

const DAY_MS = 86_400_000;
const dayIndex = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayOf = (index: number) => new Date(index * DAY_MS).toISOString().slice(0, 10);

/** The map reads the writing direction when it is created: a change of direction makes a new one. */
export function MapRoute() {
  const { i18n } = useTranslation();
  return <MapPage key={i18n.dir()} />;
}

function MapPage() {
  const { t, i18n } = useTranslation('map');
  const rtl = i18n.dir() === 'rtl';
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const fitted = useRef(false);
  const [loaded, setLoaded] = useState(false);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [cursor, setCursor] = useState<{ lat: number; lon: number } | null>(null);
  const [goTo, setGoTo] = useState('');
  const [goToError, setGoToError] = useState(false);
  const [range, setRange] = useState<[number, number] | null>(null);
  const layers = useMemo(() => mapLayers(), []);
  const exporter = useMapExport(() => mapRef.current);

  const window: TimeWindow = useDebouncedValue(
    useMemo(() => (range ? { from: dayOf(range[0]), to: dayOf(range[1]) } : { from: null, to: null }), [range]),
    250,
  );

  const results = useQueries({
    queries: layers.map((layer) => ({
      queryKey: [layer.command, 'map', layer.id, layer.timeFiltered ? window : null],
      queryFn: () => layer.load(window),
      placeholderData: (previous: LayerData | undefined) => previous,
    })),
  });

  // The map, once per mount (the page remounts it when the writing direction changes: controls sit at the end).
  useEffect(() => {
    const maplibregl = mapEngine();
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: basemapStyle(i18n.language),
      center: [20, 10],
      zoom: 1.3,
      attributionControl: { compact: true },
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    mapRef.current = map;
    const end = rtl ? 'left' : 'right';
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), `top-${end}`);
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), `bottom-${end}`);
    const el = container.current;
    map.on('load', () => {
      for (const layer of layers) {
        layer.add(map);
        for (const id of layer.layerIds) {
          if (!layer.onClick) continue;
          map.on('click', id, (e) => {
            const feature = e.features?.[0];
            if (feature) layer.onClick?.(map, feature, e.lngLat);
          });
          map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
          map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
        }
      }
      setLoaded(true);
    });
    map.on('mousemove', (e) => setCursor({ lat: e.lngLat.lat, lon: e.lngLat.lng }));
    map.on('mouseout', () => setCursor(null));
    // For tests and the PNG export: whether everything asked for is drawn.
    map.on('idle', () => el.setAttribute('data-idle', 'true'));
    map.on('dataloading', () => el.setAttribute('data-idle', 'false'));
    return () => {
      mapRef.current = null;
      map.remove();
    };
    // Language and direction are read at creation; a change of direction remounts the page (key).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    map.setLayoutProperty('country-labels', 'text-field', nameField(i18n.language));
  }, [i18n.language, loaded]);

  const dataVersion = results.map((r) => r.dataUpdatedAt).join(',');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const bounds = new (mapEngine().LngLatBounds)();
    layers.forEach((layer, i) => {
      const data = results[i]?.data;
      if (!data) return;
      layer.update(map, data);
      for (const f of data.features.features) {
        if (f.geometry.type === 'Point') bounds.extend(f.geometry.coordinates as [number, number]);
      }
    });
    // The first time there is data, show where it is (the area of operations), not the whole world.
    if (!fitted.current && !bounds.isEmpty() && results.every((r) => r.data)) {
      fitted.current = true;
      map.fitBounds(bounds, { padding: 60, maxZoom: 9, duration: 0 });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataVersion, loaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    for (const layer of layers) {
      for (const id of layer.layerIds) map.setLayoutProperty(id, 'visibility', hidden.has(layer.id) ? 'none' : 'visible');
    }
  }, [hidden, loaded, layers]);

  const span = results.map((r) => r.data?.span).find((s) => s?.first && s.last);
  const bounds = span?.first && span.last ? ([dayIndex(span.first), dayIndex(span.last)] as const) : null;
  const shown = range ?? (bounds ? [bounds[0], bounds[1]] : null);

  const toggle = (id: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submitGoTo = (e: FormEvent) => {
    e.preventDefault();
    const at = parseCoordinates(goTo);
    const map = mapRef.current;
    setGoToError(!at);
    if (!at || !map) return;
    markerRef.current?.remove();
    markerRef.current = new (mapEngine().Marker)({ color: '#c8102e' }).setLngLat([at.lon, at.lat]).addTo(map);
    map.flyTo({ center: [at.lon, at.lat], zoom: Math.max(map.getZoom(), 10) });
  };

  return (
    <div className="map-page">
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <Button onClick={() => void exporter.start()} busy={exporter.busy} disabled={!loaded}>
            {t('export.png')}
          </Button>
        }
      />
      <div className="map-layout">
        <aside className="map-panel" aria-label={t('panel.label')}>
          <fieldset className="map-panel__section">
            <legend>{t('panel.layers')}</legend>
            {layers.map((layer, i) => (
              <div key={layer.id} className="map-layer">
                <label className="map-layer__toggle">
                  <input type="checkbox" checked={!hidden.has(layer.id)} onChange={() => toggle(layer.id)} />
                  {t(layer.labelKey)}
                  {results[i]?.data && (
                    <span className="map-layer__count">{results[i].data.features.features.length.toLocaleString(i18n.language)}</span>
                  )}
                </label>
                {!hidden.has(layer.id) && (results[i]?.data?.legend.length ?? 0) > 0 && (
                  <ul className="map-legend" aria-label={t('legend.label', { layer: t(layer.labelKey) })}>
                    {results[i]?.data?.legend.map((entry) => (
                      <li key={entry.label}>
                        <span className="map-legend__swatch" style={{ background: entry.colour }} aria-hidden="true" />
                        <bdi>{entry.label}</bdi>
                      </li>
                    ))}
                  </ul>
                )}
                {results[i]?.isError && <p className="map-panel__error">{t('panel.loadFailed')}</p>}
              </div>
            ))}
          </fieldset>

          {bounds && shown && (
            <fieldset className="map-panel__section">
              <legend>{t('time.title')}</legend>
              <label className="map-time">
                <span>{t('time.from')}</span>
                <input
                  type="range"
                  min={bounds[0]}
                  max={bounds[1]}
                  value={shown[0]}
                  onChange={(e) => setRange([Math.min(Number(e.target.value), shown[1]), shown[1]])}
                />
                <bdi dir="ltr">{dayOf(shown[0])}</bdi>
              </label>
              <label className="map-time">
                <span>{t('time.to')}</span>
                <input
                  type="range"
                  min={bounds[0]}
                  max={bounds[1]}
                  value={shown[1]}
                  onChange={(e) => setRange([shown[0], Math.max(Number(e.target.value), shown[0])])}
                />
                <bdi dir="ltr">{dayOf(shown[1])}</bdi>
              </label>
              {range && (
                <Button size="sm" onClick={() => setRange(null)}>
                  {t('time.all')}
                </Button>
              )}
            </fieldset>
          )}

          <form className="map-panel__section" onSubmit={submitGoTo}>
            <label htmlFor="map-goto">{t('goTo.label')}</label>
            <div className="map-goto">
              <TextInput
                id="map-goto"
                dir="ltr"
                value={goTo}
                placeholder={t('goTo.placeholder')}
                aria-invalid={goToError || undefined}
                aria-describedby={goToError ? 'map-goto-error' : undefined}
                onChange={(e) => setGoTo(e.target.value)}
              />
              <Button type="submit" size="sm">
                {t('goTo.go')}
              </Button>
            </div>
            {goToError && (
              <p id="map-goto-error" className="map-panel__error">
                {t('goTo.invalid')}
              </p>
            )}
          </form>
        </aside>
        <div className="map-stage">
          <div ref={container} className="map-canvas" data-testid="map" data-idle="false" role="region" aria-label={t('page.mapLabel')} />
          <div className="map-cursor" aria-live="off">
            {cursor ? (
              <>
                <bdi dir="ltr">{formatDecimal(cursor.lat, cursor.lon)}</bdi>
                <bdi dir="ltr">{formatDms(cursor.lat, cursor.lon)}</bdi>
              </>
            ) : (
              <span>{t('cursor.hint')}</span>
            )}
          </div>
        </div>
      </div>
      <SaveLocationDialog
        open={exporter.picking}
        title={t('export.title')}
        defaultName={exporter.defaultName}
        extension=".png"
        busy={exporter.busy}
        onCancel={exporter.cancel}
        onSave={(path) => void exporter.save(path)}
      />
    </div>
  );
}
