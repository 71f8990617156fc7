import {
  insertAck,
  insertCheckIn,
  insertMovement,
  insertVehicle,
  rollCallSigns,
  setVehicleDrivers,
  upsertRadioCheck,
  type MovementRecord,
} from '../../../db/repositories/movements';
import { readSettings } from '../../../db/repositories/settings';
import { addDays } from '../../../shared/domain/equipmentExpiry';
import { DEFAULT_ROLL_CALL_TIMES } from '../../../shared/domain/rollCall';
import { localDay, zonedToUtc } from '../../../shared/domain/zonedTime';
import type { MovementState } from '../../../shared/domain/movementStates';
import { demoId, type DemoSeeder } from './seedDemo';
import { DEMO_CITY_COORDS } from './demoPlaces';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const VEHICLES = [
  { plate: 'DEMO-101', type: 'Land Cruiser (armoured)', armoured: true, tracker: true, callSign: 'Victor 1' },
  { plate: 'DEMO-102', type: 'Land Cruiser', armoured: false, tracker: true, callSign: 'Victor 2' },
  { plate: 'DEMO-103', type: 'Pick-up', armoured: false, tracker: true, callSign: 'Victor 3' },
  { plate: 'DEMO-104', type: 'Minibus', armoured: false, tracker: false, callSign: 'Victor 4' },
];

/** Six movements around today: one of each state a user meets, and one under way that missed its check-in. */
const MOVEMENTS: Array<{ state: MovementState; purpose: string; from: string; to: string; departs: number; returns: number; checkIns: number[]; checkedIn?: number[] }> = [
  { state: 'under_way', purpose: 'Water point assessment (demo)', from: 'Delegation office', to: 'Dunmore field office', departs: -4, returns: 4, checkIns: [-2, 1], checkedIn: [] },
  { state: 'under_way', purpose: 'Medical supplies delivery (demo)', from: 'Port warehouse', to: 'Kessin sub-office', departs: -2, returns: 5, checkIns: [-1, 2], checkedIn: [-1.1] },
  { state: 'approved', purpose: 'Partner meeting (demo)', from: 'Delegation office', to: 'Orsk warehouse', departs: 3, returns: 9, checkIns: [5] },
  { state: 'requested', purpose: 'Detention visit (demo)', from: 'Kessin sub-office', to: 'Tamsin team house', departs: 26, returns: 34, checkIns: [28, 31] },
  { state: 'completed', purpose: 'Airport pick-up (demo)', from: 'Delegation office', to: 'Airport', departs: -28, returns: -24, checkIns: [-26], checkedIn: [-26] },
  { state: 'refused', purpose: 'Road survey north of Orsk (demo)', from: 'Orsk warehouse', to: 'Northern border road', departs: 20, returns: 30, checkIns: [] },
];

type Waypoint = MovementRecord['waypoints'][number];
type Spot = { latitude: number; longitude: number };

const city = (name: string): Spot => {
  const c = DEMO_CITY_COORDS.find((x) => x.name === name)!;
  return { latitude: c.lat, longitude: c.lon };
};
/** Places of the demo movements that are not premises. */
const OTHER_PLACES: Record<string, Spot> = {
  Airport: { latitude: -3.135, longitude: 61.955 },
  'Northern border road': { latitude: -1.55, longitude: 63.5 },
};
const CITY_OF_PLACE: Array<[RegExp, string]> = [
  [/Kessin/, 'Kessin'],
  [/Dunmore/, 'Dunmore'],
  [/Orsk/, 'Orsk'],
  [/Tamsin/, 'Tamsin'],
];

/**
 * Where a demo place is: the premises of that name when the premises seeder placed it (so a route ends
 * on its premises marker), else the fictional city it is named after, else Port Amarel (the capital).
 */
function locate(ctx: Parameters<DemoSeeder>[0], place: string): Spot {
  const row = ctx.db.sqlite.prepare('select latitude, longitude from premises where name = ? and latitude is not null and longitude is not null').get(`${place} (demo)`) as
    | Spot
    | undefined;
  if (row) return row;
  if (OTHER_PLACES[place]) return OTHER_PLACES[place];
  const named = CITY_OF_PLACE.find(([re]) => re.test(place));
  return city(named ? named[1] : 'Port Amarel');
}

/** Start, a checkpoint a little off the straight line (roads bend), destination: enough for a route line. */
function route(ctx: Parameters<DemoSeeder>[0], from: string, to: string, i: number): Waypoint[] {
  const a = locate(ctx, from);
  const b = locate(ctx, to);
  const bend = (i % 2 === 0 ? 1 : -1) * 0.12;
  const mid = {
    latitude: Number(((a.latitude + b.latitude) / 2 + bend * (b.longitude - a.longitude)).toFixed(5)),
    longitude: Number(((a.longitude + b.longitude) / 2 - bend * (b.latitude - a.latitude)).toFixed(5)),
  };
  return [
    { name: from, latitude: a.latitude, longitude: a.longitude },
    { name: `Checkpoint ${i + 4} (fictional)`, ...mid },
    { name: to, latitude: b.latitude, longitude: b.longitude },
  ];
}

export const seedMovementsDemo: DemoSeeder = (ctx) => {
  const people = ctx.shared.get('people') ?? [];
  const now = ctx.now.getTime();
  const at = (h: number) => new Date(now + h * HOUR).toISOString();
  const created = new Date(now - 30 * DAY);
  const vehicleIds = VEHICLES.map((v, i) => {
    const id = demoId(ctx, created);
    insertVehicle(ctx.db.orm, {
      id,
      ...v,
      status: i === 3 ? 'maintenance' : 'available',
      insuranceExpiry: new Date(now + (i === 2 ? 20 : 200) * DAY).toISOString().slice(0, 10),
      serviceExpiry: new Date(now + (i === 1 ? -5 : 90) * DAY).toISOString().slice(0, 10),
      notes: '',
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
    });
    return id;
  });
  // Drivers: the first national staff of the demo list drive the first vehicles.
  vehicleIds.forEach((id, i) => setVehicleDrivers(ctx.db.sqlite, id, people.slice(i, i + 2)));
  seedRollCall(ctx);
  if (people.length < 12) return;
  MOVEMENTS.forEach((m, i) => {
    const id = demoId(ctx, created);
    const decided = m.state !== 'requested' && m.state !== 'draft';
    const record: MovementRecord = {
      id,
      state: m.state,
      driverId: people[i]!,
      vehicleId: vehicleIds[i % 3]!,
      purpose: m.purpose,
      fromPlace: m.from,
      toPlace: m.to,
      waypoints: route(ctx, m.from, m.to, i),
      departureAt: at(m.departs),
      expectedArrivalAt: at(m.departs + 2),
      expectedReturnAt: at(m.returns),
      plannedCheckIns: m.checkIns.map(at),
      communication: 'VHF channel 3, satellite phone',
      callSigns: `Victor ${(i % 3) + 1}, Alpha ${i + 6}`,
      riskNotes: i === 0 ? 'Road partly flooded after rains (demo).' : '',
      decidedBy: decided ? ctx.actor : null,
      decidedAt: decided ? at(m.departs - 12) : null,
      conditions: m.state === 'approved' ? 'Return before dark; check in on leaving the main road.' : '',
      refusalReason: m.state === 'refused' ? 'Armed clashes reported on that road this week (demo).' : '',
      createdAt: at(m.departs - 24),
      updatedAt: at(m.departs - 12),
    };
    insertMovement(ctx.db.orm, record, [people[i + 6]!, people[i + 7]!]);
    for (const h of m.checkedIn ?? []) {
      insertCheckIn(ctx.db.orm, { id: demoId(ctx, created), movementId: id, at: at(h), place: `Checkpoint ${i + 4} (fictional)`, by: 'Radio room', note: '' });
    }
    if (m.state === 'completed') {
      insertAck(ctx.db.orm, { id: demoId(ctx, created), movementId: id, dueAt: at(m.returns), at: at(m.returns + 1), by: ctx.actor, note: 'Late by 40 minutes: traffic at the airport (demo).' });
    }
  });
};

/**
 * Radio roll-calls of the last day: answered in full, with a relayed and an unanswered station; the latest
 * set time already past is left with two call signs unchecked, so Home shows a missed check.
 */
function seedRollCall(ctx: Parameters<DemoSeeder>[0]): void {
  const tz = String(readSettings(ctx.db.sqlite).timeZone ?? 'UTC');
  const callSigns = rollCallSigns(ctx.db.sqlite).map((c) => c.callSign);
  if (callSigns.length === 0) return;
  const today = localDay(ctx.now, tz);
  const slots = [addDays(today, -1), today]
    .flatMap((day) => DEFAULT_ROLL_CALL_TIMES.map((slot) => ({ day, slot, at: zonedToUtc(`${day}T${slot}`, tz) })))
    .filter((s) => s.at <= ctx.now.toISOString());
  slots.forEach((s, n) => {
    const latest = n === slots.length - 1;
    callSigns.forEach((callSign, i) => {
      if (latest && i >= callSigns.length - 2) return;
      const status = i === 2 && !latest ? 'relayed' : i === 4 && n === 0 ? 'no_answer' : 'present';
      upsertRadioCheck(ctx.db.sqlite, {
        id: demoId(ctx, new Date(s.at)),
        day: s.day,
        slot: s.slot,
        callSign,
        status,
        relayedBy: status === 'relayed' ? callSigns[0]! : '',
        note: status === 'no_answer' ? 'Out of range behind the hills; reached by phone later (demo).' : '',
        checkedAt: new Date(new Date(s.at).getTime() + (2 + i) * 60_000).toISOString(),
        checkedBy: ctx.actor,
      });
    });
  });
}
