import type { Handlers } from '../registry';
import type { MapPoint } from '../../../shared/contract/map';

interface PointRow {
  id: string;
  lon: number;
  lat: number;
  category: string;
  severity: string | null;
  day: string;
}

/**
 * Incidents with a location, as compact arrays for the map. A partial date covers a span of days
 * (date_start..date_end): it shows in every window it overlaps, as it counts in every period it overlaps.
 */
export const incidentsMapHandlers: Handlers<'incidents.mapPoints'> = {
  'incidents.mapPoints': (ctx, { from, to }) => {
    const sqlite = ctx.db.sqlite;
    const where = ['latitude IS NOT NULL', 'longitude IS NOT NULL'];
    const params: string[] = [];
    if (to) {
      where.push('date_start <= ?');
      params.push(to);
    }
    if (from) {
      where.push('substr(date_end, 1, 10) >= ?');
      params.push(from);
    }
    const rows = sqlite
      .prepare(
        `SELECT id, longitude AS lon, latitude AS lat, category, severity, substr(date_start, 1, 10) AS day
         FROM incidents WHERE ${where.join(' AND ')} ORDER BY date_start, id`,
      )
      .all(...params) as PointRow[];
    const bounds = sqlite
      .prepare(
        `SELECT min(substr(date_start, 1, 10)) AS firstDay, max(substr(date_end, 1, 10)) AS lastDay
         FROM incidents WHERE latitude IS NOT NULL AND longitude IS NOT NULL`,
      )
      .get() as { firstDay: string | null; lastDay: string | null };
    const points = rows.map((r): MapPoint => [r.id, r.lon, r.lat, r.category, r.severity, r.day]);
    return { points, firstDay: bounds.firstDay, lastDay: bounds.lastDay };
  },
};
