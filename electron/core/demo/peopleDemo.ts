import { insertBriefing, insertPerson, upsertTraining } from '../../../db/repositories/people';
import type { BriefingKind, Course, PersonCategory, PersonStatus } from '../../../shared/contract/people';
import { BLOOD_GROUPS } from '../../../shared/contract/people';
import { demoId, type DemoSeeder } from './seedDemo';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ORGS = ['Delegation (demo)', 'Partner Society (demo)', 'Water Project (demo)'];
const POSITIONS = ['Head of delegation', 'Field officer', 'Logistician', 'Driver', 'Health coordinator', 'Protection delegate', 'Radio operator', 'Finance officer', 'WatHab engineer'];
const NATIONALITIES = ['Fictional Republic', 'Northland (fictional)', 'Southland (fictional)', 'Eastmark (fictional)'];
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Who: categories and situations that make every flag and view show something. */
const PLAN: Array<{ category: PersonCategory; status: PersonStatus; arrivedHoursAgo: number | null; briefed: boolean; heatExpired?: boolean; left?: number }> = [
  ...Array.from({ length: 10 }, () => ({ category: 'staff_national' as const, status: 'in_country' as const, arrivedHoursAgo: 24 * 400, briefed: true })),
  ...Array.from({ length: 6 }, (_, i) => ({ category: 'staff_international' as const, status: 'in_country' as const, arrivedHoursAgo: 24 * (60 + i * 20), briefed: true, heatExpired: i < 2 })),
  { category: 'delegate', status: 'in_country', arrivedHoursAgo: 24 * 120, briefed: true, heatExpired: true },
  { category: 'delegate', status: 'in_country', arrivedHoursAgo: 3, briefed: false },
  { category: 'visitor', status: 'in_country', arrivedHoursAgo: 5, briefed: false },
  { category: 'consultant', status: 'in_country', arrivedHoursAgo: 30, briefed: false },
  { category: 'visitor', status: 'in_country', arrivedHoursAgo: 40, briefed: false },
  { category: 'volunteer', status: 'in_country', arrivedHoursAgo: 24 * 30, briefed: true },
  { category: 'volunteer', status: 'out_of_country', arrivedHoursAgo: 24 * 200, briefed: true },
  { category: 'staff_international', status: 'expected', arrivedHoursAgo: null, briefed: false },
  { category: 'consultant', status: 'left', arrivedHoursAgo: 24 * 900, briefed: true, left: 24 * 500 },
  { category: 'staff_international', status: 'left', arrivedHoursAgo: 24 * 700, briefed: true, left: 24 * 200 },
];

export const seedPeopleDemo: DemoSeeder = (ctx) => {
  const residences = ctx.shared.get('premises') ?? [];
  const now = ctx.now.getTime();
  const created = new Date(now - 60 * DAY);
  const ids: string[] = [];
  const present: string[] = [];
  PLAN.forEach((plan, i) => {
    const id = demoId(ctx, created);
    const arrival = plan.arrivedHoursAgo === null ? now + 5 * DAY : now - plan.arrivedHoursAgo * HOUR;
    insertPerson(ctx.db.orm, {
      id,
      name: `${ctx.faker.person.firstName()} ${ctx.faker.person.lastName()}`,
      category: plan.category,
      dependantOfId: null,
      organisation: ORGS[i % ORGS.length]!,
      position: plan.category === 'visitor' ? 'Visitor' : POSITIONS[i % POSITIONS.length]!,
      phones: [`+000 555 ${String(1000 + i).padStart(4, '0')}`],
      radioCallSign: i < 12 ? `Alpha ${i + 1}` : '',
      nationality: NATIONALITIES[i % NATIONALITIES.length]!,
      passportExpiry: ymd(now + (i % 7 === 0 ? 40 : 700) * DAY),
      bloodGroup: BLOOD_GROUPS[i % BLOOD_GROUPS.length]!,
      emergencyContact: `${ctx.faker.person.fullName()} (fictional), +000 555 9${String(i).padStart(3, '0')}`,
      residencePremisesId: residences.length > 0 && i % 5 !== 4 ? residences[[1, 5, 7, 1, 0][i % 5]! % residences.length]! : null,
      residenceAddress: i % 5 === 4 ? `${ctx.faker.location.buildingNumber()} ${ctx.faker.location.street()} (fictional)` : '',
      residenceLatitude: null,
      residenceLongitude: null,
      arrivalAt: new Date(arrival).toISOString(),
      departureAt: plan.left ? new Date(now - plan.left * HOUR).toISOString() : null,
      status: plan.status,
      notes: '',
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
    });
    ids.push(id);
    if (plan.status === 'in_country') present.push(id);
    if (plan.briefed && plan.arrivedHoursAgo !== null) {
      const kinds: BriefingKind[] = ['welcome', 'residence'];
      for (const kind of kinds) {
        insertBriefing(ctx.db.orm, { id: demoId(ctx, created), personId: id, at: new Date(arrival + 6 * HOUR).toISOString(), by: ctx.actor, kind, notes: '' });
      }
    }
    if (plan.arrivedHoursAgo !== null && plan.arrivedHoursAgo > 24 * 20) {
      const courses: Array<[Course, number, number]> = [
        ['stay_safe_basic', 300, 3 * 365],
        ...(plan.category === 'staff_international' || plan.category === 'delegate' ? [['heat', plan.heatExpired ? 4 * 365 : 400, 3 * 365] as [Course, number, number]] : []),
        ...(i % 4 === 0 ? [['first_aid', 700, 745] as [Course, number, number]] : []),
      ];
      for (const [course, daysAgo, validity] of courses) {
        upsertTraining(
          ctx.db.orm,
          { id: demoId(ctx, created), personId: id, course, courseOther: '', completedOn: ymd(now - daysAgo * DAY), expiresOn: ymd(now - daysAgo * DAY + validity * DAY) },
          false,
        );
      }
    }
  });
  // A dependant linked to the first international staff member.
  const parent = ids[10]!;
  insertPerson(ctx.db.orm, {
    id: demoId(ctx, created),
    name: `${ctx.faker.person.firstName()} ${ctx.faker.person.lastName()}`,
    category: 'dependant',
    dependantOfId: parent,
    organisation: '',
    position: '',
    phones: [],
    radioCallSign: '',
    nationality: NATIONALITIES[1]!,
    passportExpiry: ymd(now + 900 * DAY),
    bloodGroup: 'A+',
    emergencyContact: '',
    residencePremisesId: residences[1] ?? null,
    residenceAddress: '',
    residenceLatitude: null,
    residenceLongitude: null,
    arrivalAt: new Date(now - 50 * DAY).toISOString(),
    departureAt: null,
    status: 'in_country',
    notes: '',
    createdAt: created.toISOString(),
    updatedAt: created.toISOString(),
  });
  ctx.shared.set('people', present);
};
