import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { ZoneGeometry } from '../../../../shared/contract/map';

export interface ZoneDrawing {
  /** Starts drawing a polygon; `done` gets the closed ring when the officer closes it. */
  start(done: (geometry: ZoneGeometry) => void): void;
  /**
   * Shows an existing zone's outline with draggable corners (and midpoints that add a corner); false
   * when terra-draw cannot take the shape (several parts, or a self-intersecting ring from an imported file).
   */
  reshape(geometry: ZoneGeometry): boolean;
  /** The reshaped outline, and the editing ends; null when nothing is being reshaped. */
  finishReshape(): ZoneGeometry | null;
  cancel(): void;
  dispose(): void;
}

/**
 * Polygon drawing with terra-draw on our MapLibre map: click to add corners, click the first corner (or
 * press Enter) to close. The drawn shape is handed over and cleared from terra-draw at once: the saved
 * zone is drawn by the zones layer, the single source of truth.
 */
export function createZoneDrawing(map: MapLibreMap): ZoneDrawing {
  let draw: TerraDraw | null = null;
  let onDone: ((geometry: ZoneGeometry) => void) | null = null;
  let reshaping: string | number | null = null;

  const ensure = (): TerraDraw => {
    if (draw) return draw;
    const created = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode({
          styles: { fillColor: '#c8102e', fillOpacity: 0.2, outlineColor: '#c8102e', outlineWidth: 2, closingPointColor: '#ffffff', closingPointOutlineColor: '#c8102e' },
        }),
        new TerraDrawSelectMode({
          // Corners move and midpoints add corners; the zone itself is not dragged away, and no key
          // deletes it (Delete in a form field must not remove the shape being edited).
          flags: { polygon: { feature: { draggable: false, coordinates: { draggable: true, midpoints: true, deletable: true } } } },
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
          allowManualDeselection: false,
          styles: { selectedPolygonColor: '#c8102e', selectedPolygonFillOpacity: 0.2, selectedPolygonOutlineColor: '#c8102e', selectedPolygonOutlineWidth: 2, selectionPointColor: '#ffffff', selectionPointOutlineColor: '#c8102e', selectionPointWidth: 6, midPointColor: '#c8102e', midPointOutlineColor: '#ffffff' },
        }),
      ],
    });
    created.on('finish', (id, context) => {
      // In select mode every dragged corner "finishes"; only a closed new polygon ends the drawing.
      if (context.mode !== 'polygon') return;
      const feature = created.getSnapshotFeature(id);
      const callback = onDone;
      onDone = null;
      created.clear();
      created.stop();
      if (feature?.geometry.type === 'Polygon' && callback) callback({ type: 'Polygon', coordinates: feature.geometry.coordinates as number[][][] });
    });
    draw = created;
    return created;
  };

  return {
    start(done) {
      const d = ensure();
      onDone = done;
      if (!d.enabled) d.start();
      d.setMode('polygon');
    },
    reshape(geometry) {
      // A zone of several parts (from an imported file) has no single outline to drag.
      if (geometry.type !== 'Polygon') return false;
      const d = ensure();
      onDone = null;
      if (!d.enabled) d.start();
      d.clear();
      d.setMode('select');
      const [result] = d.addFeatures([{ type: 'Feature', geometry, properties: { mode: 'polygon' } }]);
      if (!result?.valid || result.id === undefined) {
        d.stop();
        return false;
      }
      reshaping = result.id;
      d.selectFeature(result.id);
      return true;
    },
    finishReshape() {
      if (!draw?.enabled || reshaping === null) return null;
      const feature = draw.getSnapshotFeature(reshaping);
      reshaping = null;
      draw.clear();
      draw.stop();
      return feature?.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: feature.geometry.coordinates as number[][][] } : null;
    },
    cancel() {
      onDone = null;
      reshaping = null;
      if (draw?.enabled) {
        draw.clear();
        draw.stop();
      }
    },
    dispose() {
      onDone = null;
      reshaping = null;
      if (draw?.enabled) draw.stop();
      draw = null;
    },
  };
}
