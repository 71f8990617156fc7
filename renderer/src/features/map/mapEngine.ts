import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';
import 'maplibre-gl/dist/maplibre-gl.css';

let ready = false;

/** MapLibre set up once per window: its worker from our own files (CSP worker-src 'self') and PMTiles. */
export function mapEngine(): typeof maplibregl {
  if (!ready) {
    maplibregl.setWorkerUrl(workerUrl);
    maplibregl.addProtocol('pmtiles', new Protocol().tile);
    ready = true;
  }
  return maplibregl;
}
