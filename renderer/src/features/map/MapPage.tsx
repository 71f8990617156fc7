import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueries } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, Marker } from 'maplibre-gl';
import { Button, MenuButton, PageHeader, TextInput } from '../../components';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import { notify } from '../../app/notify';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import type { Zone } from '../../../../shared/contract/map';
import { vigil } from '../../lib/vigil';
import { SaveLocationDialog } from '../files/SaveLocationDialog';
import { useSaveTo } from '../files/useSaveTo';
import { isolate } from '../files/bidi';
import { IncidentForm } from '../incidents/IncidentForm';
import { mapEngine } from './mapEngine';
import { basemapStyle, nameField } from './basemapStyle';
import { mapLayers, type LayerData, type MapActions, type TimeWindow } from './layerRegistry';
import { createZoneDrawing, type ZoneDrawing } from './zoneDrawing';
import { ZoneDialog, type ZoneEditing } from './ZoneDialog';
import { ImportedLayersPanel } from './ImportedLayersPanel';
import { BasemapsPanel } from './BasemapsPanel';
import { syncImportedLayers } from './importedLayers';
import { applyUserBasemap, basemapRequestHeaders } from './userBasemap';
import { formatDistance, nextWindow, pathMetres, startWindow, stepFor } from '../../../../shared/domain/mapTools';
import { formatDecimal, formatDms, parseCoordinates } from '../../../../shared/domain/coordinates';
import { useMapExport } from './useMapExport';
import './map.css';

const DAY_MS = 86_400_000;
const PLAY_FRAME_MS = 700;
const BASEMAP_KEY = 'vigil.map.basemap';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
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
  const layers = useMemo(() => mapLayers(), []);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set(layers.filter((l) => l.defaultHidden).map((l) => l.id)));
  const [incident, setIncident] = useState<string | undefined>(undefined);
  const [zoneEditing, setZoneEditing] = useState<ZoneEditing | null>(null);
  const [tool, setTool] = useState<'none' | 'draw' | 'measure' | 'reshape'>('none');
  /** The zone whose outline is being reshaped on the map (tool 'reshape'). */
  const [reshaping, setReshaping] = useState<Zone | null>(null);
  const updateZone = useVigilMutation('map.updateZone', { successMessageKey: 'map:zones.saved' });
  const toolRef = useRef(tool);
  useEffect(() => {
    toolRef.current = tool;
  }, [tool]);
  const [measurePoints, setMeasurePoints] = useState<[number, number][]>([]);
  const [playing, setPlaying] = useState(false);
  const [activeBasemap, setActiveBasemap] = useState<string | null>(() => localStorage.getItem(BASEMAP_KEY));
  const drawing = useRef<ZoneDrawing | null>(null);
  /** Set when the officer picks a basemap: the view then moves to its area (not on every page load). */
  const fitBasemap = useRef(false);
  const zones = useVigilQuery('map.listZones', {});
  const imported = useVigilQuery('map.listLayers', {});
  const basemaps = useVigilQuery('map.listBasemaps', {});
  const zoneSaver = useSaveTo(t('zones.exportTitle'));
  const zonesRef = useRef(zones.data);
  useEffect(() => {
    zonesRef.current = zones.data;
  }, [zones.data]);
  const actions = useRef<MapActions>({
    openIncident: (id) => setIncident(id),
    editZone: (id) => {
      const zone = zonesRef.current?.find((z) => z.id === id);
      if (zone) setZoneEditing({ mode: 'edit', zone });
    },
  });
  const [cursor, setCursor] = useState<{ lat: number; lon: number } | null>(null);
  const [goTo, setGoTo] = useState('');
  const [goToError, setGoToError] = useState(false);
  const [range, setRange] = useState<[number, number] | null>(null);
  const exporter = useMapExport(() => mapRef.current);

  const window: TimeWindow = useDebouncedValue(
    useMemo(() => (range ? { from: dayOf(range[0]), to: dayOf(range[1]) } : { from: null, to: null }), [range]),
    250,
  );

  const results = useQueries({
    queries: layers.map((layer) => ({
      // The language is in the key: legends carry translated labels.
      queryKey: [layer.command, 'map', layer.id, layer.timeFiltered ? window : null, i18n.language],
      queryFn: () => layer.load(window),
      placeholderData: (previous: LayerData | undefined) => previous,
      enabled: !(layer.loadOnlyWhenShown && hidden.has(layer.id)),
    })),
  });

  const importedFeatures = useQueries({
    queries: (imported.data ?? []).map((layer) => ({
      queryKey: ['map.layerFeatures', { id: layer.id }],
      queryFn: async () => (await vigil.call('map.layerFeatures', { id: layer.id })) as unknown as FeatureCollection,
      staleTime: Infinity,
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
      // Browser mode: user basemaps are served behind the per-launch token.
      transformRequest: (url) => {
        const headers = basemapRequestHeaders(url);
        return headers ? { url, headers } : { url };
      },
    });
    mapRef.current = map;
    const end = rtl ? 'left' : 'right';
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), `top-${end}`);
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), `bottom-${end}`);
    const el = container.current;
    map.on('load', () => {
      const clickable = new Map<string, (typeof layers)[number]>();
      for (const layer of layers) {
        layer.add(map);
        if (!layer.onClick) continue;
        for (const id of layer.clickLayerIds ?? layer.layerIds) {
          clickable.set(id, layer);
          map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
          map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
        }
      }
      // One handler: only the topmost clickable feature acts (an incident inside a zone opens the
      // incident, not both). While drawing or measuring, a click is a point of the shape.
      map.on('click', (e) => {
        if (toolRef.current !== 'none' || clickable.size === 0) return;
        const [top] = map.queryRenderedFeatures(e.point, { layers: [...clickable.keys()].filter((id) => map.getLayer(id)) });
        const layer = top && clickable.get(top.layer.id);
        if (top && layer) layer.onClick?.(map, top, e.lngLat, actions.current);
      });
      map.addSource('measure', { type: 'geojson', data: EMPTY });
      map.addLayer({ id: 'measure-line', type: 'line', source: 'measure', paint: { 'line-color': '#1a1a1a', 'line-width': 2, 'line-dasharray': [2, 1] } });
      map.addLayer({
        id: 'measure-points',
        type: 'circle',
        source: 'measure',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-color': '#ffffff', 'circle-radius': 4, 'circle-stroke-color': '#1a1a1a', 'circle-stroke-width': 2 },
      });
      drawing.current = createZoneDrawing(map);
      setLoaded(true);
    });
    map.on('click', (e) => {
      if (toolRef.current === 'measure') setMeasurePoints((prev) => [...prev, [e.lngLat.lng, e.lngLat.lat]]);
    });
    map.on('mousemove', (e) => setCursor({ lat: e.lngLat.lat, lon: e.lngLat.lng }));
    map.on('mouseout', () => setCursor(null));
    // For tests and the PNG export: whether everything asked for is drawn.
    map.on('idle', () => el.setAttribute('data-idle', 'true'));
    map.on('dataloading', () => el.setAttribute('data-idle', 'false'));
    return () => {
      drawing.current?.dispose();
      drawing.current = null;
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
    if (!fitted.current && !bounds.isEmpty() && results.every((r, i) => r.data || (layers[i]?.loadOnlyWhenShown && hidden.has(layers[i].id)))) {
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

  const importedVersion = importedFeatures.map((r) => r.dataUpdatedAt).join(',');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !imported.data) return;
    const data = new Map<string, FeatureCollection>();
    imported.data.forEach((layer, i) => {
      const fc = importedFeatures[i]?.data;
      if (fc) data.set(layer.id, fc);
    });
    syncImportedLayers(map, imported.data, data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [imported.data, importedVersion, loaded]);

  const chosenBasemap = basemaps.data?.find((b) => b.id === activeBasemap) ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !basemaps.data) return;
    applyUserBasemap(map, chosenBasemap, fitBasemap.current);
    fitBasemap.current = false;
  }, [chosenBasemap, basemaps.data, loaded]);
  const selectBasemap = (id: string | null) => {
    fitBasemap.current = id !== null;
    if (id) localStorage.setItem(BASEMAP_KEY, id);
    else localStorage.removeItem(BASEMAP_KEY);
    setActiveBasemap(id);
  };

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const features: FeatureCollection['features'] = measurePoints.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }));
    if (measurePoints.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: measurePoints } });
    map.getSource<GeoJSONSource>('measure')?.setData({ type: 'FeatureCollection', features });
  }, [measurePoints, loaded]);

  const stopTool = useCallback(() => {
    drawing.current?.cancel();
    setReshaping(null);
    setTool('none');
  }, []);
  useEffect(() => {
    if (tool === 'none') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') stopTool();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tool, stopTool]);

  const startDrawing = () => {
    setMeasurePoints([]);
    setTool('draw');
    drawing.current?.start((geometry) => {
      setTool('none');
      setZoneEditing({ mode: 'create', geometry });
    });
  };
  const startReshape = (zone: Zone) => {
    setZoneEditing(null);
    setMeasurePoints([]);
    if (!drawing.current?.reshape(zone.geometry)) {
      notify.error(new Error(t('zones.cannotReshape', { name: isolate(zone.name) })));
      return;
    }
    setReshaping(zone);
    setTool('reshape');
    // An outline partly off screen, or too small for its corners to be told apart, is brought into view.
    const map = mapRef.current;
    const ring = zone.geometry.type === 'Polygon' ? (zone.geometry.coordinates[0] ?? []) : [];
    if (map && ring.length > 0) {
      const points = ring.map((c) => map.project([c[0] ?? 0, c[1] ?? 0]));
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      const canvas = map.getCanvas();
      const offScreen = Math.min(...xs) < 0 || Math.min(...ys) < 0 || Math.max(...xs) > canvas.clientWidth || Math.max(...ys) > canvas.clientHeight;
      const tiny = Math.max(...xs) - Math.min(...xs) < 100 && Math.max(...ys) - Math.min(...ys) < 100;
      if (offScreen || tiny) {
        const lons = ring.map((c) => c[0] ?? 0);
        const lats = ring.map((c) => c[1] ?? 0);
        map.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], { padding: 80, maxZoom: 16, duration: 0 });
      }
    }
  };
  const saveReshape = () => {
    const zone = reshaping;
    const geometry = drawing.current?.finishReshape() ?? null;
    setReshaping(null);
    setTool('none');
    if (zone && geometry) updateZone.mutate({ id: zone.id, name: zone.name, kind: zone.kind, notes: zone.notes, geometry });
  };
  const toggleMeasure = () => {
    drawing.current?.cancel();
    if (tool === 'measure') {
      setTool('none');
      return;
    }
    setMeasurePoints([]);
    setTool('measure');
  };

  const exportZones = (format: 'geojson' | 'kml') =>
    void zoneSaver.saveTo(`zones-${new Date().toISOString().slice(0, 10)}.${format}`, format, async (path) => {
      const result = await vigil.call('map.exportZones', { format, path });
      notify.success(t('zones.exported', { path: isolate(result.path), count: result.zones }));
    });

  const span = results.map((r) => r.data?.span).find((s) => s?.first && s.last);
  const bounds = span?.first && span.last ? ([dayIndex(span.first), dayIndex(span.last)] as const) : null;
  const shown = range ?? (bounds ? [bounds[0], bounds[1]] : null);

  useEffect(() => {
    if (!playing || !bounds) return;
    const timer = setInterval(() => {
      setRange((current) => {
        const next = nextWindow(current ?? [bounds[0], bounds[1]], bounds, stepFor(bounds));
        if (!next) setPlaying(false);
        return next ?? current;
      });
    }, PLAY_FRAME_MS);
    return () => clearInterval(timer);
    // bounds is recomputed each render from the same span: its two numbers are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, bounds?.[0], bounds?.[1]]);
  const togglePlay = () => {
    if (!bounds) return;
    if (!playing) setRange((current) => startWindow(current, bounds));
    setPlaying(!playing);
  };

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
              <div className="map-time__actions">
                <Button size="sm" aria-pressed={playing} onClick={togglePlay}>
                  {playing ? t('time.pause') : t('time.play')}
                </Button>
                {range && (
                  <Button
                    size="sm"
                    onClick={() => {
                      setPlaying(false);
                      setRange(null);
                    }}
                  >
                    {t('time.all')}
                  </Button>
                )}
              </div>
            </fieldset>
          )}

          <fieldset className="map-panel__section">
            <legend>{t('zones.title')}</legend>
            <ul className="map-zones">
              {(zones.data ?? []).map((z) => (
                <li key={z.id}>
                  <button type="button" className="map-zones__item" onClick={() => setZoneEditing({ mode: 'edit', zone: z })}>
                    <span className={`map-zones__swatch map-zones__swatch--${z.kind}`} aria-hidden="true" />
                    <bdi>{z.name}</bdi>
                    <span className="map-layer__count">{t(`zones.kinds.${z.kind}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
            <div className="map-zones__actions">
              <Button size="sm" variant={tool === 'draw' ? 'primary' : 'secondary'} aria-pressed={tool === 'draw'} disabled={!loaded} onClick={tool === 'draw' ? stopTool : startDrawing}>
                {tool === 'draw' ? t('zones.cancelDraw') : t('zones.draw')}
              </Button>
              <MenuButton
                label={t('zones.export')}
                disabled={!zones.data?.length}
                items={[
                  { id: 'geojson', label: 'GeoJSON' },
                  { id: 'kml', label: 'KML' },
                ]}
                onChoose={(id) => exportZones(id as 'geojson' | 'kml')}
              />
            </div>
            {tool === 'draw' && (
              <p className="map-panel__hint" role="status">
                {t('zones.drawHint')}
              </p>
            )}
            {tool === 'reshape' && reshaping && (
              <div className="map-zones__reshape">
                <p className="map-panel__hint" role="status">
                  {t('zones.reshapeHint', { name: isolate(reshaping.name) })}
                </p>
                <div className="map-zones__actions">
                  <Button size="sm" variant="primary" busy={updateZone.isPending} onClick={saveReshape}>
                    {t('zones.saveShape')}
                  </Button>
                  <Button size="sm" onClick={stopTool}>
                    {t('common.cancel')}
                  </Button>
                </div>
              </div>
            )}
          </fieldset>

          <ImportedLayersPanel layers={imported.data ?? []} />

          <fieldset className="map-panel__section">
            <legend>{t('measure.title')}</legend>
            <Button size="sm" aria-pressed={tool === 'measure'} disabled={!loaded} onClick={toggleMeasure}>
              {tool === 'measure' ? t('measure.stop') : t('measure.start')}
            </Button>
            {tool === 'measure' && (
              <p className="map-panel__hint" role="status">
                {measurePoints.length < 2 ? t('measure.hint') : t('measure.total', { distance: formatDistance(pathMetres(measurePoints), i18n.language) })}
              </p>
            )}
            {tool !== 'measure' && measurePoints.length >= 2 && (
              <p className="map-panel__hint">{t('measure.total', { distance: formatDistance(pathMetres(measurePoints), i18n.language) })}</p>
            )}
            {measurePoints.length > 0 && (
              <Button size="sm" variant="ghost" onClick={() => setMeasurePoints([])}>
                {t('measure.clear')}
              </Button>
            )}
          </fieldset>

          <BasemapsPanel basemaps={basemaps.data ?? []} active={chosenBasemap ? chosenBasemap.id : null} onSelect={selectBasemap} />

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
      {zoneSaver.dialog}
      {zoneEditing && <ZoneDialog editing={zoneEditing} onClose={() => setZoneEditing(null)} onReshape={startReshape} />}
      <IncidentForm id={incident} onClose={() => setIncident(undefined)} />
    </div>
  );
}
