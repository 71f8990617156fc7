import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { CommandName } from '../../../../shared/contract';

/** The date window the map shows (inclusive days, YYYY-MM-DD); open-ended where null. */
export interface TimeWindow {
  from: string | null;
  to: string | null;
}

export interface LegendEntry {
  /** Already translated, or a raw data value such as a category name. */
  label: string;
  colour: string;
}

export interface LayerData {
  features: FeatureCollection;
  legend: LegendEntry[];
  /** For a time-filtered layer: the span of days its data covers, whatever the window. */
  span?: { first: string | null; last: string | null };
}

/** What a layer's click can ask of the page around the map. */
export interface MapActions {
  openIncident(id: string): void;
  editZone(id: string): void;
}

/**
 * One thematic layer on the map. A module adds a layer by registering it here: it names the core command
 * its data comes from (query key, so the layer refreshes when that module changes), loads that data as
 * GeoJSON, and adds its own sources and MapLibre layers. The map page knows nothing else about it.
 */
export interface MapLayer {
  id: string;
  /** Key in the `map` namespace. */
  labelKey: string;
  order: number;
  /** The core command the data comes from: its module's change events refresh the layer. */
  command: CommandName;
  /** Whether the time window applies. */
  timeFiltered?: boolean;
  /** Starts switched off (e.g. sensitive contacts: shown only when asked for). */
  defaultHidden?: boolean;
  /** Its data is not even fetched while the layer is switched off. */
  loadOnlyWhenShown?: boolean;
  load(window: TimeWindow): Promise<LayerData>;
  /** Adds sources and layers; called once per map, before any data. Source ids and layer ids start with `id`. */
  add(map: MapLibreMap): void;
  /** Puts fresh data on the map (typically a GeoJSON source's setData). */
  update(map: MapLibreMap, data: LayerData): void;
  /** The MapLibre layer ids the toggle shows and hides. */
  layerIds: readonly string[];
  /** Of layerIds, the ones a click acts on (all of them when left out). */
  clickLayerIds?: readonly string[];
  /** Layers clicking on which does something (e.g. zoom into a cluster, open the record). */
  onClick?(map: MapLibreMap, feature: GeoJSON.Feature, lngLat: { lng: number; lat: number }, actions: MapActions): void;
}

const layers = new Map<string, MapLayer>();

export function registerMapLayer(layer: MapLayer): void {
  if (layers.has(layer.id)) throw new Error(`map layer ${layer.id} registered twice`);
  layers.set(layer.id, layer);
}

export function mapLayers(): MapLayer[] {
  return [...layers.values()].sort((a, b) => a.order - b.order);
}
