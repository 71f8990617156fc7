import type { Handlers } from '../registry';
import type { MovementRoute } from '../../../shared/contract/map';

/**
 * Contacts and movements as map data. Sensitive contacts stay off the map unless asked for explicitly;
 * the answer says how many were left out so the panel can offer to show them.
 */
export const mapDataHandlers: Handlers<'contacts.mapPoints' | 'movements.mapRoutes'> = {
  'contacts.mapPoints': (ctx, { includeSensitive }) => {
    const rows = ctx.db.sqlite
      .prepare(
        `SELECT c.id, c.longitude AS lon, c.latitude AS lat, c.name, o.name AS organisation, c.sensitive
         FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE c.latitude IS NOT NULL AND c.longitude IS NOT NULL ORDER BY c.name, c.id`,
      )
      .all() as { id: string; lon: number; lat: number; name: string; organisation: string | null; sensitive: number }[];
    const shown = rows.filter((r) => includeSensitive || !r.sensitive);
    return {
      points: shown.map((r) => [r.id, r.lon, r.lat, r.name, r.organisation, Boolean(r.sensitive)] as [string, number, number, string, string | null, boolean]),
      hiddenSensitive: rows.length - shown.length,
    };
  },

  'movements.mapRoutes': (ctx, { from, to }) => {
    const where: string[] = [];
    const params: string[] = [];
    if (from) {
      where.push('substr(expected_return_at, 1, 10) >= ?');
      params.push(from);
    }
    if (to) {
      where.push('substr(departure_at, 1, 10) <= ?');
      params.push(to);
    }
    const rows = ctx.db.sqlite
      .prepare(
        `SELECT id, state, purpose, from_place, to_place, departure_at, waypoints FROM movements
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY departure_at, id`,
      )
      .all(...params) as { id: string; state: string; purpose: string; from_place: string; to_place: string; departure_at: string; waypoints: string }[];
    const routes: MovementRoute[] = [];
    for (const r of rows) {
      let raw: unknown;
      try {
        raw = JSON.parse(r.waypoints);
      } catch {
        raw = [];
      }
      const waypoints = (Array.isArray(raw) ? raw : [])
        .filter((w): w is { name: string; latitude: number; longitude: number } => typeof w?.latitude === 'number' && typeof w?.longitude === 'number')
        .map((w) => ({ name: String(w.name ?? ''), latitude: w.latitude, longitude: w.longitude }));
      if (waypoints.length === 0) continue;
      routes.push({ id: r.id, state: r.state, purpose: r.purpose, from: r.from_place, to: r.to_place, departureAt: r.departure_at, waypoints });
    }
    return { routes };
  },
};
