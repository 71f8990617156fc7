import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Orm } from '../openDb';
import { movementAcknowledgements, movementCheckIns, movements, movementTravellers, vehicles } from '../schema';
import type { MovementState } from '../../shared/domain/movementStates';

export interface VehicleRecord {
  id: string;
  plate: string;
  type: string;
  armoured: boolean;
  tracker: boolean;
  callSign: string;
  status: 'available' | 'in_use' | 'maintenance' | 'out_of_service';
  insuranceExpiry: string | null;
  serviceExpiry: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface MovementRecord {
  id: string;
  state: MovementState;
  driverId: string | null;
  vehicleId: string | null;
  purpose: string;
  fromPlace: string;
  toPlace: string;
  waypoints: Array<{ name: string; latitude: number | null; longitude: number | null }>;
  departureAt: string;
  expectedArrivalAt: string | null;
  expectedReturnAt: string;
  plannedCheckIns: string[];
  communication: string;
  callSigns: string;
  riskNotes: string;
  decidedBy: string | null;
  decidedAt: string | null;
  conditions: string;
  refusalReason: string;
  createdAt: string;
  updatedAt: string;
}

export interface MovementRow extends MovementRecord {
  driverName: string | null;
  vehiclePlate: string | null;
}

const VEHICLE_SELECT = `SELECT id, plate, type, armoured, tracker, call_sign AS callSign, status, insurance_expiry AS insuranceExpiry,
  service_expiry AS serviceExpiry, notes, created_at AS createdAt, updated_at AS updatedAt FROM vehicles`;

const toVehicle = (r: Record<string, unknown>): VehicleRecord => ({ ...(r as unknown as VehicleRecord), armoured: Boolean(r.armoured), tracker: Boolean(r.tracker) });

export function listVehicles(sqlite: Database.Database): VehicleRecord[] {
  return (sqlite.prepare(`${VEHICLE_SELECT} ORDER BY plate COLLATE NOCASE`).all() as Record<string, unknown>[]).map(toVehicle);
}

export function getVehicle(sqlite: Database.Database, id: string): VehicleRecord | undefined {
  const r = sqlite.prepare(`${VEHICLE_SELECT} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? toVehicle(r) : undefined;
}

export function insertVehicle(orm: Orm, v: VehicleRecord): void {
  orm.insert(vehicles).values(v).run();
}

export function updateVehicle(orm: Orm, { id, ...changes }: Omit<VehicleRecord, 'createdAt'>): void {
  orm.update(vehicles).set(changes).where(eq(vehicles.id, id)).run();
}

export function deleteVehicle(orm: Orm, id: string): void {
  orm.delete(vehicles).where(eq(vehicles.id, id)).run();
}

const MOVEMENT_SELECT = `SELECT m.id, m.state, m.driver_id AS driverId, d.name AS driverName, m.vehicle_id AS vehicleId, v.plate AS vehiclePlate,
  m.purpose, m.from_place AS fromPlace, m.to_place AS toPlace, m.waypoints, m.departure_at AS departureAt,
  m.expected_arrival_at AS expectedArrivalAt, m.expected_return_at AS expectedReturnAt, m.planned_check_ins AS plannedCheckIns,
  m.communication, m.call_signs AS callSigns, m.risk_notes AS riskNotes, m.decided_by AS decidedBy, m.decided_at AS decidedAt,
  m.conditions, m.refusal_reason AS refusalReason, m.created_at AS createdAt, m.updated_at AS updatedAt
  FROM movements m LEFT JOIN people d ON d.id = m.driver_id LEFT JOIN vehicles v ON v.id = m.vehicle_id`;

const toMovement = (r: Record<string, unknown>): MovementRow => ({
  ...(r as unknown as MovementRow),
  waypoints: JSON.parse(r.waypoints as string) as MovementRow['waypoints'],
  plannedCheckIns: JSON.parse(r.plannedCheckIns as string) as string[],
});

export function getMovementRow(sqlite: Database.Database, id: string): MovementRow | undefined {
  const r = sqlite.prepare(`${MOVEMENT_SELECT} WHERE m.id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? toMovement(r) : undefined;
}

/** Movements departing between two instants (a window wider than the local day; the caller narrows it). */
export function movementsDepartingBetween(sqlite: Database.Database, from: string, to: string): MovementRow[] {
  return (
    sqlite.prepare(`${MOVEMENT_SELECT} WHERE m.departure_at >= ? AND m.departure_at < ? ORDER BY m.departure_at, m.id`).all(from, to) as Record<string, unknown>[]
  ).map(toMovement);
}

export function movementsInState(sqlite: Database.Database, state: MovementState): MovementRow[] {
  return (sqlite.prepare(`${MOVEMENT_SELECT} WHERE m.state = ? ORDER BY m.departure_at, m.id`).all(state) as Record<string, unknown>[]).map(toMovement);
}

export function countInState(sqlite: Database.Database, state: MovementState): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM movements WHERE state = ?').get(state) as { n: number }).n;
}

export function insertMovement(orm: Orm, m: MovementRecord, travellerIds: string[]): void {
  orm.insert(movements).values({ ...m, waypoints: JSON.stringify(m.waypoints), plannedCheckIns: JSON.stringify(m.plannedCheckIns) }).run();
  setTravellers(orm, m.id, travellerIds);
}

export function updateMovement(orm: Orm, id: string, changes: Partial<Omit<MovementRecord, 'id' | 'createdAt'>>): void {
  const { waypoints, plannedCheckIns, ...rest } = changes;
  orm
    .update(movements)
    .set({
      ...rest,
      ...(waypoints ? { waypoints: JSON.stringify(waypoints) } : {}),
      ...(plannedCheckIns ? { plannedCheckIns: JSON.stringify(plannedCheckIns) } : {}),
    })
    .where(eq(movements.id, id))
    .run();
}

export function setTravellers(orm: Orm, movementId: string, personIds: string[]): void {
  orm.delete(movementTravellers).where(eq(movementTravellers.movementId, movementId)).run();
  for (const personId of new Set(personIds)) orm.insert(movementTravellers).values({ movementId, personId }).run();
}

export function deleteMovement(orm: Orm, id: string): void {
  orm.delete(movements).where(eq(movements.id, id)).run();
}

export function travellersOf(sqlite: Database.Database, movementIds: string[]): Array<{ movementId: string; id: string; name: string; status: string }> {
  if (movementIds.length === 0) return [];
  return sqlite
    .prepare(
      `SELECT t.movement_id AS movementId, p.id, p.name, p.status FROM movement_travellers t JOIN people p ON p.id = t.person_id
       WHERE t.movement_id IN (${movementIds.map(() => '?').join(',')}) ORDER BY p.name COLLATE NOCASE`,
    )
    .all(...movementIds) as Array<{ movementId: string; id: string; name: string; status: string }>;
}

export interface CheckInRow {
  id: string;
  movementId: string;
  at: string;
  place: string;
  by: string;
  note: string;
}
export interface AckRow {
  id: string;
  movementId: string;
  dueAt: string;
  at: string;
  by: string;
  note: string;
}

export function checkInsOf(sqlite: Database.Database, movementIds: string[]): CheckInRow[] {
  if (movementIds.length === 0) return [];
  return sqlite
    .prepare(`SELECT id, movement_id AS movementId, at, place, by, note FROM movement_check_ins WHERE movement_id IN (${movementIds.map(() => '?').join(',')}) ORDER BY at`)
    .all(...movementIds) as CheckInRow[];
}

export function acksOf(sqlite: Database.Database, movementIds: string[]): AckRow[] {
  if (movementIds.length === 0) return [];
  return sqlite
    .prepare(
      `SELECT id, movement_id AS movementId, due_at AS dueAt, at, by, note FROM movement_acknowledgements WHERE movement_id IN (${movementIds.map(() => '?').join(',')}) ORDER BY at`,
    )
    .all(...movementIds) as AckRow[];
}

export function insertCheckIn(orm: Orm, c: CheckInRow): void {
  orm.insert(movementCheckIns).values(c).run();
}

export function insertAck(orm: Orm, a: AckRow): void {
  orm.insert(movementAcknowledgements).values(a).run();
}

export function loadMarginMinutes(sqlite: Database.Database): number {
  const row = sqlite.prepare('SELECT overdue_margin_minutes AS m FROM movement_settings WHERE id = 1').get() as { m: number } | undefined;
  return row?.m ?? 30;
}

export function saveMarginMinutes(sqlite: Database.Database, minutes: number): void {
  sqlite
    .prepare('INSERT INTO movement_settings (id, overdue_margin_minutes) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET overdue_margin_minutes = excluded.overdue_margin_minutes')
    .run(minutes);
}

// ---- vehicle drivers ----

export function driversOfVehicles(sqlite: Database.Database): Array<{ vehicleId: string; id: string; name: string }> {
  return sqlite
    .prepare('SELECT vd.vehicle_id AS vehicleId, p.id, p.name FROM vehicle_drivers vd JOIN people p ON p.id = vd.person_id ORDER BY p.name COLLATE NOCASE')
    .all() as Array<{ vehicleId: string; id: string; name: string }>;
}

export function setVehicleDrivers(sqlite: Database.Database, vehicleId: string, personIds: readonly string[]): void {
  sqlite.prepare('DELETE FROM vehicle_drivers WHERE vehicle_id = ?').run(vehicleId);
  const insert = sqlite.prepare('INSERT OR IGNORE INTO vehicle_drivers (vehicle_id, person_id) VALUES (?, ?)');
  for (const personId of personIds) insert.run(vehicleId, personId);
}

// ---- radio roll-call ----

export interface RadioCheckRow {
  id: string;
  day: string;
  slot: string;
  callSign: string;
  status: 'present' | 'no_answer' | 'relayed';
  relayedBy: string;
  note: string;
  checkedAt: string;
  checkedBy: string;
}

const CHECK_SELECT = `SELECT id, day, slot, call_sign AS callSign, status, relayed_by AS relayedBy, note, checked_at AS checkedAt,
  checked_by AS checkedBy FROM radio_checks`;

export function radioChecksOn(sqlite: Database.Database, days: readonly string[]): RadioCheckRow[] {
  if (days.length === 0) return [];
  return sqlite.prepare(`${CHECK_SELECT} WHERE day IN (${days.map(() => '?').join(',')})`).all(...days) as RadioCheckRow[];
}

export function getRadioCheck(sqlite: Database.Database, day: string, slot: string, callSign: string): RadioCheckRow | undefined {
  return sqlite.prepare(`${CHECK_SELECT} WHERE day = ? AND slot = ? AND call_sign = ?`).get(day, slot, callSign) as RadioCheckRow | undefined;
}

/** One answer per call sign and set time: a second entry replaces the first (a relayed answer later confirmed). */
export function upsertRadioCheck(sqlite: Database.Database, c: RadioCheckRow): void {
  sqlite
    .prepare(
      `INSERT INTO radio_checks (id, day, slot, call_sign, status, relayed_by, note, checked_at, checked_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(day, slot, call_sign) DO UPDATE SET status = excluded.status, relayed_by = excluded.relayed_by, note = excluded.note,
       checked_at = excluded.checked_at, checked_by = excluded.checked_by`,
    )
    .run(c.id, c.day, c.slot, c.callSign, c.status, c.relayedBy, c.note, c.checkedAt, c.checkedBy);
}

/** Call signs the roll-call goes through: people in the country and vehicles on the road, one row per call sign. */
export function rollCallSigns(sqlite: Database.Database): Array<{ callSign: string; source: 'person' | 'vehicle'; label: string }> {
  const people = sqlite
    .prepare(`SELECT trim(radio_call_sign) AS callSign, name AS label FROM people WHERE trim(radio_call_sign) <> '' AND status = 'in_country'`)
    .all() as Array<{ callSign: string; label: string }>;
  const cars = sqlite
    .prepare(`SELECT trim(call_sign) AS callSign, plate || CASE WHEN type <> '' THEN ' (' || type || ')' ELSE '' END AS label FROM vehicles
      WHERE trim(call_sign) <> '' AND status <> 'out_of_service'`)
    .all() as Array<{ callSign: string; label: string }>;
  const seen = new Map<string, { callSign: string; source: 'person' | 'vehicle'; label: string }>();
  for (const p of people) {
    const key = p.callSign.toLowerCase();
    const had = seen.get(key);
    if (had) had.label = `${had.label}, ${p.label}`;
    else seen.set(key, { callSign: p.callSign, source: 'person', label: p.label });
  }
  for (const v of cars) if (!seen.has(v.callSign.toLowerCase())) seen.set(v.callSign.toLowerCase(), { callSign: v.callSign, source: 'vehicle', label: v.label });
  return [...seen.values()].sort((a, b) => a.callSign.localeCompare(b.callSign, 'en', { numeric: true }));
}

// Movements as they stood at an earlier instant (periodic reports)

/** Movements created before an instant that are open now or changed since: the only ones that can have been open then. */
export function movementsPossiblyOpenAt(sqlite: Database.Database, atIso: string): Array<{ id: string; state: MovementState; updatedAt: string }> {
  return sqlite
    .prepare(
      `SELECT id, state, updated_at AS updatedAt FROM movements
       WHERE created_at < ? AND (state IN ('requested', 'approved', 'under_way') OR updated_at >= ?)
       ORDER BY departure_at, id`,
    )
    .all(atIso, atIso) as Array<{ id: string; state: MovementState; updatedAt: string }>;
}

/**
 * Each movement's state just before an instant, from the audit trail: every transition is audited under its
 * new state's name, a creation with the state it began in. Movements without such a row are absent.
 */
export function movementStatesBefore(sqlite: Database.Database, movementIds: readonly string[], beforeIso: string): Map<string, MovementState> {
  const rows = sqlite
    .prepare(
      `SELECT entity_id AS id, CASE action WHEN 'create' THEN json_extract(after, '$.state') ELSE action END AS state
       FROM audit_log
       WHERE entity = 'movement' AND entity_id IN (SELECT value FROM json_each(?)) AND at < ?
         AND action IN ('create', 'draft', 'requested', 'approved', 'refused', 'under_way', 'completed', 'cancelled')
       ORDER BY seq`,
    )
    .all(JSON.stringify(movementIds), beforeIso) as Array<{ id: string; state: MovementState | null }>;
  const out = new Map<string, MovementState>();
  for (const r of rows) if (r.state) out.set(r.id, r.state);
  return out;
}
