import { AppError } from '../../../shared/envelope';
import type { Handlers } from '../registry';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { zonesHandlers } from '../map/zonesService';
import { layersHandlers } from '../map/layersService';
import { basemapsHandlers } from '../map/basemapsService';
import { mapDataHandlers } from '../map/mapDataService';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The map view as a PNG file for reports, written like every export: atomic, read back, checksummed. */
const pngHandlers: Handlers<'map.exportPng'> = {
  'map.exportPng': (_ctx, { png, path }) => {
    const data = Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64');
    if (data.length < PNG_SIGNATURE.length || !data.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
      throw new AppError('VALIDATION', 'The map image is not a PNG.');
    }
    const target = checkExportTarget(path, 'png');
    const result = writeExport(target, data);
    return { ...result, verified: true };
  },
};

export const mapHandlers = {
  ...pngHandlers,
  ...zonesHandlers,
  ...layersHandlers,
  ...basemapsHandlers,
  ...mapDataHandlers,
};
