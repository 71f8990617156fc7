import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { ZoneGeometry } from '../../../../shared/contract/map';

export interface ZoneDrawing {
  /** Starts drawing a polygon; `done` gets the closed ring when the officer closes it. */
  start(done: (geometry: ZoneGeometry) => void): void;
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

  const ensure = (): TerraDraw => {
    if (draw) return draw;
    const created = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode({
          styles: { fillColor: '#c8102e', fillOpacity: 0.2, outlineColor: '#c8102e', outlineWidth: 2, closingPointColor: '#ffffff', closingPointOutlineColor: '#c8102e' },
        }),
      ],
    });
    created.on('finish', (id) => {
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
    cancel() {
      onDone = null;
      if (draw?.enabled) {
        draw.clear();
        draw.stop();
      }
    },
    dispose() {
      onDone = null;
      if (draw?.enabled) draw.stop();
      draw = null;
    },
  };
}
