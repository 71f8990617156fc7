import { z } from 'zod';

/** Latitude and longitude in WGS84 decimal degrees; both or neither. */
export const LatitudeSchema = z.number().min(-90, 'latitudeRange').max(90, 'latitudeRange');
export const LongitudeSchema = z.number().min(-180, 'longitudeRange').max(180, 'longitudeRange');

export function hasBothOrNeither(lat: number | null | undefined, lon: number | null | undefined): boolean {
  return (lat == null) === (lon == null);
}
