import { describe, expect, it } from 'vitest';
import {
  checkRoster,
  validateRosterInput,
  type RosterAssignment,
  type RosterInput,
  type RosterPerson,
  type RosterPost,
  type RosterRule,
  type RosterRules,
} from '../../../shared/domain/roster';

const rules: RosterRules = { maxShiftsPerWeek: 5, minRestHours: 12, noDayAfterNight: true, daysOffPerMonth: 0, fairness: true };

const gate: RosterPost = {
  id: 'gate',
  name: 'Main gate',
  premisesId: 'office',
  role: 'guard',
  shifts: [
    { id: 'day', label: 'Day', start: '07:00', end: '19:00', needed: 1 },
    { id: 'night', label: 'Night', start: '19:00', end: '07:00', needed: 1 },
  ],
};
/** Odd hours, to put a shift at any start time: "m0700" is 07:00-11:00, and so on. */
const patrol: RosterPost = {
  id: 'patrol',
  name: 'Patrol',
  premisesId: 'office',
  role: 'guard',
  shifts: [
    { id: 'm0700', label: '07-11', start: '07:00', end: '11:00', needed: 1 },
    { id: 'm0800', label: '08-16', start: '08:00', end: '16:00', needed: 1 },
    { id: 'm1159', label: '11:59-14', start: '11:59', end: '14:00', needed: 1 },
    { id: 'm1200', label: '12-14', start: '12:00', end: '14:00', needed: 1 },
    { id: 'late', label: '16-24', start: '16:00', end: '00:00', needed: 1 },
  ],
};
const car: RosterPost = {
  id: 'car',
  name: 'Car 1',
  premisesId: 'office',
  role: 'driver',
  shifts: [{ id: 'day', label: 'Day', start: '08:00', end: '17:00', needed: 1 }],
};

const person = (id: string, role: RosterPerson['role'] = 'guard', leave: RosterPerson['leave'] = []): RosterPerson => ({ id, name: id, role, leave });
const people = [person('amina'), person('bakari'), person('chidi'), person('dawit', 'driver')];

const at = (personId: string, day: string, shiftId = 'day', postId = 'gate'): RosterAssignment => ({ personId, postId, shiftId, day });

function input(assignments: RosterAssignment[], over: Partial<RosterInput> = {}): RosterInput {
  return { month: '2026-12', posts: [gate, patrol, car], people, rules, assignments, ...over };
}

/** The problems of one rule only, reduced to what a cell shows: who, which day, which shift. */
function only(rule: RosterRule, i: RosterInput): string[] {
  return checkRoster(i)
    .filter((p) => p.rule === rule)
    .map((p) => `${p.personId} ${p.day} ${p.postId}/${p.shiftId}`);
}

describe('checkRoster: double booking', () => {
  it('flags one person on two overlapping shifts, on the later one', () => {
    expect(only('doubleBooking', input([at('amina', '2026-12-03'), at('amina', '2026-12-03', 'm0800', 'patrol')]))).toEqual([
      'amina 2026-12-03 patrol/m0800',
    ]);
  });

  it('flags the same person twice on the same day and shift', () => {
    expect(only('doubleBooking', input([at('amina', '2026-12-03'), at('amina', '2026-12-03')]))).toHaveLength(1);
  });

  it('flags a night shift overlapping the next morning shift', () => {
    expect(only('doubleBooking', input([at('amina', '2026-12-03', 'night'), at('amina', '2026-12-04', 'm0700', 'patrol')]))).toHaveLength(0);
    expect(only('doubleBooking', input([at('amina', '2026-12-03', 'night'), at('amina', '2026-12-04', 'm0700', 'patrol')], { posts: [gate, { ...patrol, shifts: [{ id: 'm0700', label: '', start: '06:00', end: '08:00', needed: 1 }] }, car] }))).toEqual([
      'amina 2026-12-04 patrol/m0700',
    ]);
  });

  it('does not flag back-to-back shifts that only touch, nor two people on one shift', () => {
    const i = input([at('amina', '2026-12-03'), at('amina', '2026-12-03', 'night'), at('bakari', '2026-12-05'), at('chidi', '2026-12-05')]);
    expect(only('doubleBooking', i)).toEqual([]);
    // Touching shifts leave no rest: that is the rest rule, not double booking.
    expect(only('rest', i)).toEqual(['amina 2026-12-03 gate/night']);
  });
});

describe('checkRoster: rest', () => {
  it('accepts a rest of exactly the minimum and flags one minute less', () => {
    // Night ends 07:00 on the 4th; the day shift of the 4th starts... too soon, the night of the 4th exactly 12 h later.
    expect(only('rest', input([at('amina', '2026-12-03', 'night'), at('amina', '2026-12-04', 'night')]))).toEqual([]);
    expect(only('rest', input([at('amina', '2026-12-03', 'night'), at('amina', '2026-12-04', 'night')], { rules: { ...rules, minRestHours: 12.02 } }))).toEqual([
      'amina 2026-12-04 gate/night',
    ]);
    // Day 07-19 then the next day at 07:00: exactly 12 hours.
    expect(only('rest', input([at('amina', '2026-12-03'), at('amina', '2026-12-04')]))).toEqual([]);
  });

  it('flags a short rest across a shift that ends at midnight', () => {
    // 16:00-00:00 then 08:00: 8 hours of rest.
    expect(only('rest', input([at('amina', '2026-12-03', 'late', 'patrol'), at('amina', '2026-12-04', 'm0800', 'patrol')]))).toEqual([
      'amina 2026-12-04 patrol/m0800',
    ]);
  });

  it('measures rest against every earlier shift, not only the previous one', () => {
    // A long shift, a short one inside it (double booking), then one starting 1 h after the long one ends.
    const posts = [gate, { ...patrol, shifts: [{ id: 'm0800', label: '', start: '08:00', end: '09:00', needed: 1 }, { id: 'm2000', label: '', start: '20:00', end: '21:00', needed: 1 }] }];
    const problems = only('rest', input([at('amina', '2026-12-03'), at('amina', '2026-12-03', 'm0800', 'patrol'), at('amina', '2026-12-03', 'm2000', 'patrol')], { posts }));
    expect(problems).toContain('amina 2026-12-03 patrol/m2000');
  });
});

describe('checkRoster: no day shift after a night shift', () => {
  const relaxed = { ...rules, minRestHours: 0 };
  const after = (shiftId: string, r: RosterRules = relaxed) =>
    only('nightToDay', input([at('amina', '2026-12-03', 'night'), at('amina', '2026-12-04', shiftId, shiftId === 'night' ? 'gate' : 'patrol')], { rules: r }));

  it('allows the next shift at 19:00 on the day the night ends, and one starting at noon', () => {
    expect(after('night')).toEqual([]);
    expect(after('m1200')).toEqual([]);
  });

  it('flags a shift at 07:00 or at 11:59 on the day the night ends', () => {
    expect(after('m0700')).toEqual(['amina 2026-12-04 patrol/m0700']);
    expect(after('m1159')).toEqual(['amina 2026-12-04 patrol/m1159']);
  });

  it('is reported beside rest when both are broken, and not at all when the rule is off', () => {
    const problems = checkRoster(input([at('amina', '2026-12-03', 'night'), at('amina', '2026-12-04', 'm0700', 'patrol')])).filter((p) => p.personId === 'amina');
    expect(problems.map((p) => p.rule)).toEqual(['rest', 'nightToDay']);
    expect(after('m0700', { ...relaxed, noDayAfterNight: false })).toEqual([]);
  });

  it('does not count a shift ending at midnight as a night shift', () => {
    expect(only('nightToDay', input([at('amina', '2026-12-03', 'late', 'patrol'), at('amina', '2026-12-04', 'm0800', 'patrol')], { rules: relaxed }))).toEqual([]);
  });
});

describe('checkRoster: leave', () => {
  const onLeave = [person('amina', 'guard', [{ from: '2026-12-10', to: '2026-12-12' }]), ...people.slice(1)];
  const leave = (a: RosterAssignment) => only('leave', input([a], { people: onLeave }));

  it('counts the first and the last day of leave', () => {
    expect(leave(at('amina', '2026-12-10'))).toHaveLength(1);
    expect(leave(at('amina', '2026-12-12', 'night'))).toHaveLength(1);
  });

  it('does not count the days around it, except a night shift running into it', () => {
    expect(leave(at('amina', '2026-12-09'))).toEqual([]);
    expect(leave(at('amina', '2026-12-13'))).toEqual([]);
    expect(leave(at('amina', '2026-12-09', 'night'))).toEqual(['amina 2026-12-09 gate/night']);
    expect(leave(at('amina', '2026-12-09', 'late', 'patrol'))).toEqual([]);
  });
});

describe('checkRoster: maximum shifts per week', () => {
  // 2026-12-01 is a Tuesday: its ISO week starts on Monday 2026-11-30, in the previous month.
  const firstWeek = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'].map((d) => at('amina', d));

  it('allows the maximum and flags one more, on the shift that goes over', () => {
    expect(only('maxPerWeek', input(firstWeek))).toEqual([]);
    expect(only('maxPerWeek', input([...firstWeek, at('amina', '2026-12-06')]))).toEqual(['amina 2026-12-06 gate/day']);
  });

  it('counts the previous month in the week that straddles the month start', () => {
    expect(only('maxPerWeek', input(firstWeek, { previous: [at('amina', '2026-11-30')] }))).toEqual(['amina 2026-12-05 gate/day']);
    // The week before, wholly in November, is not counted into December.
    expect(only('maxPerWeek', input(firstWeek, { previous: [at('amina', '2026-11-29')] }))).toEqual([]);
  });

  it('does not report a week over the limit in the previous month alone', () => {
    const november = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'].map((d) => at('amina', d));
    expect(only('maxPerWeek', input([], { previous: november }))).toEqual([]);
  });
});

describe('checkRoster: role', () => {
  it('flags a driver on a guard post and nobody on a post of their role', () => {
    expect(only('wrongRole', input([at('dawit', '2026-12-03'), at('dawit', '2026-12-04', 'day', 'car'), at('amina', '2026-12-05')]))).toEqual([
      'dawit 2026-12-03 gate/day',
    ]);
  });
});

describe('checkRoster: understaffed', () => {
  it.each([
    ['2027-02', 28, '2027-02-28'],
    ['2028-02', 29, '2028-02-29'],
    ['2026-11', 30, '2026-11-30'],
    ['2026-12', 31, '2026-12-31'],
  ])('flags every shift of an empty month %s (%i days), up to its last day', (month, days, last) => {
    const problems = checkRoster({ month, posts: [gate], people, rules, assignments: [] });
    expect(problems).toHaveLength(days * 2);
    expect(problems.every((p) => p.rule === 'understaffed' && p.missing === 1)).toBe(true);
    expect(problems.at(-1)).toMatchObject({ day: last, postId: 'gate', shiftId: 'night' });
  });

  it('counts how many people are missing and ignores a person counted twice', () => {
    const two: RosterPost = { ...gate, shifts: [{ ...gate.shifts[0]!, needed: 3 }] };
    const problems = checkRoster(input([at('amina', '2026-12-03'), at('amina', '2026-12-03')], { posts: [two] })).filter(
      (p) => p.rule === 'understaffed' && p.day === '2026-12-03',
    );
    expect(problems).toEqual([{ rule: 'understaffed', day: '2026-12-03', postId: 'gate', shiftId: 'day', missing: 2 }]);
  });

  it('reports nothing for a fully staffed shift', () => {
    const all = Array.from({ length: 31 }, (_, i) => at(['amina', 'bakari', 'chidi'][i % 3]!, `2026-12-${String(i + 1).padStart(2, '0')}`));
    expect(checkRoster(input(all, { posts: [{ ...gate, shifts: [gate.shifts[0]!] }] })).filter((p) => p.rule === 'understaffed')).toEqual([]);
  });
});

describe('checkRoster: days off (soft)', () => {
  const days = (n: number) => Array.from({ length: n }, (_, i) => at('amina', `2026-12-${String(i + 1).padStart(2, '0')}`));

  it('flags a person with fewer days off than the rule asks, on the first day of the month', () => {
    const problems = checkRoster(input(days(28), { rules: { ...rules, daysOffPerMonth: 4 } })).filter((p) => p.rule === 'daysOff');
    expect(problems).toEqual([{ rule: 'daysOff', day: '2026-12-01', personId: 'amina', missing: 1 }]);
  });

  it('accepts exactly the minimum, and counts a day with two shifts once', () => {
    const twice = [...days(27), at('amina', '2026-12-01', 'late', 'patrol')];
    expect(checkRoster(input(twice, { rules: { ...rules, daysOffPerMonth: 4 } })).filter((p) => p.rule === 'daysOff')).toEqual([]);
  });
});

describe('checkRoster: the previous month', () => {
  it('carries rest and night-to-day across the month start', () => {
    const problems = checkRoster(input([at('amina', '2026-12-01')], { previous: [at('amina', '2026-11-30', 'night')] })).filter((p) => p.personId === 'amina');
    expect(problems.map((p) => `${p.rule} ${p.day}`)).toEqual(['rest 2026-12-01', 'nightToDay 2026-12-01']);
  });

  it('carries double booking: a night shift of the 30th overlapping a shift of the 1st', () => {
    const early: RosterPost = { ...patrol, shifts: [{ id: 'm0700', label: '', start: '05:00', end: '09:00', needed: 1 }] };
    expect(only('doubleBooking', input([at('amina', '2026-12-01', 'm0700', 'patrol')], { posts: [gate, early], previous: [at('amina', '2026-11-30', 'night')] }))).toEqual([
      'amina 2026-12-01 patrol/m0700',
    ]);
  });

  it('does not report problems among previous-month shifts alone', () => {
    const previous = [at('amina', '2026-11-29'), at('amina', '2026-11-29'), at('amina', '2026-11-29', 'night'), at('amina', '2026-11-30')];
    expect(checkRoster(input([], { previous })).filter((p) => p.personId === 'amina')).toEqual([]);
  });
});

describe('checkRoster: a whole month', () => {
  it('checks 60 people on 20 posts with 2 shifts each over 31 days in a few milliseconds', () => {
    const posts: RosterPost[] = Array.from({ length: 20 }, (_, i) => ({ ...gate, id: `post${i}` }));
    const crowd = Array.from({ length: 60 }, (_, i) => person(`p${i}`));
    const assignments: RosterAssignment[] = [];
    for (let d = 1; d <= 31; d++) {
      for (let i = 0; i < 40; i++) {
        // A rotation that breaks some rules, so the checker has problems to find.
        assignments.push({ personId: `p${(i + d * 7) % 60}`, postId: `post${i >> 1}`, shiftId: i % 2 ? 'night' : 'day', day: `2026-12-${String(d).padStart(2, '0')}` });
      }
    }
    const i = { month: '2026-12', posts, people: crowd, rules, assignments };
    checkRoster(i);
    const start = performance.now();
    const problems = checkRoster(i);
    const ms = performance.now() - start;
    expect(problems.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(40);
  });
});

describe('validateRosterInput', () => {
  const good = input([at('amina', '2026-12-03')], { previous: [at('amina', '2026-11-30', 'night')] });
  const codes = (i: RosterInput) => validateRosterInput(i).map((x) => `${x.code} ${x.ids.join(',')}`);

  it('accepts good input, including previous-month assignments outside the month', () => {
    expect(validateRosterInput(good)).toEqual([]);
  });

  it('names a leave that ends before it starts, with a translation key', () => {
    const i = { ...good, people: [person('amina', 'guard', [{ from: '2026-12-10', to: '2026-12-09' }])] };
    expect(validateRosterInput(i)).toEqual([{ code: 'leaveEndsBeforeStart', message: 'roster.invalid.leaveEndsBeforeStart', ids: ['amina', '2026-12-10', '2026-12-09'] }]);
  });

  it('names a shift of 0 hours, malformed times and a shift that needs nobody', () => {
    const bad: RosterPost = {
      ...gate,
      shifts: [
        { id: 'zero', label: '', start: '07:00', end: '07:00', needed: 1 },
        { id: 'typo', label: '', start: '25:00', end: '7', needed: 1 },
        { id: 'none', label: '', start: '07:00', end: '19:00', needed: 0 },
      ],
    };
    expect(codes({ ...good, posts: [bad], assignments: [], previous: [] })).toEqual(['shiftZeroHours gate,zero', 'shiftTimeMalformed gate,typo', 'shiftNeededBelowOne gate,none']);
  });

  it('names a malformed month, bad rules and unknown or misplaced assignments', () => {
    expect(codes({ ...good, month: '2026-13', assignments: [], previous: [] })).toEqual(['monthMalformed 2026-13']);
    expect(codes({ ...good, rules: { ...rules, maxShiftsPerWeek: -1, minRestHours: Number.NaN } })).toEqual(['rulesInvalid maxShiftsPerWeek', 'rulesInvalid minRestHours']);
    expect(
      codes({
        ...good,
        previous: [],
        assignments: [at('nobody', '2026-12-03'), at('amina', '2026-12-03', 'day', 'nowhere'), at('amina', '2026-12-03', 'dusk'), at('amina', '2027-01-01'), at('amina', '2026-02-30')],
      }),
    ).toEqual([
      'assignmentUnknownPerson nobody,gate,day,2026-12-03',
      'assignmentUnknownPost amina,nowhere,day,2026-12-03',
      'assignmentUnknownShift amina,gate,dusk,2026-12-03',
      'assignmentOutsideMonth amina,gate,day,2027-01-01',
      'assignmentDayMalformed amina,gate,day,2026-02-30',
    ]);
  });

  it('names duplicate ids', () => {
    expect(codes({ ...good, people: [...people, person('amina')], posts: [gate, gate] }).sort()).toEqual(['duplicatePerson amina', 'duplicatePost gate', 'duplicateShift gate,day', 'duplicateShift gate,night'].sort());
  });
});

describe('checkRoster: input it cannot judge', () => {
  it('skips unknown ids and malformed days instead of throwing', () => {
    const problems = checkRoster(input([at('nobody', '2026-12-03'), at('amina', 'someday'), at('amina', '2026-12-03', 'dusk')]));
    expect(problems.every((p) => p.rule === 'understaffed')).toBe(true);
  });
});
