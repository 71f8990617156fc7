import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { FetchSource, PMTiles, Protocol } from 'pmtiles';
import 'maplibre-gl/dist/maplibre-gl.css';

let ready = false;
const protocol = new Protocol();

/** MapLibre set up once per window: its worker from our own files (CSP worker-src 'self') and PMTiles. */
export function mapEngine(): typeof maplibregl {
  if (!ready) {
    maplibregl.setWorkerUrl(workerUrl);
    maplibregl.addProtocol('pmtiles', protocol.tile);
    ready = true;
  }
  return maplibregl;
}

/**
 * A PMTiles archive that needs a header on every range request (browser mode's token): registered once
 * so `pmtiles://<url>` reads it with that header.
 */
export function registerPmtiles(url: string, headers: Record<string, string>): void {
  if (protocol.get(url)) return;
  protocol.add(new PMTiles(new FetchSource(url, new Headers(headers))));
}
