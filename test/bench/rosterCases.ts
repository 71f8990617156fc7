import { checkRoster, generateRoster, HARD_RULES, type RosterAssignment, type RosterInput, type RosterPerson, type RosterPost, type RosterRole } from '../../shared/domain/roster';
import { pairRulesAnyOrder, touchesLeave } from '../../shared/domain/roster/pairRules';
import { createPrng } from '../../shared/domain/roster/prng';
import { dayNumber, dayString, isoWeekStart, monthSpan, shiftTiming } from '../../shared/domain/roster/time';
import type { BenchCase } from './harness';

const MONTH = '2026-12';
const time = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

/**
 * A delegation's month: 60 people (42 guards, 12 drivers, 6 radio operators), 20 posts of two 12-hour
 * shifts (14 guard posts, 4 vehicles, 2 radio rooms), 12 h rest, no day after night, at most 6 shifts a
 * week, 4 days off, and leave the way it comes: about one person in four away for 4 to 14 days.
 */
export function benchInstance(): Omit<RosterInput, 'assignments'> {
  const rng = createPrng(2026);
  const span = monthSpan(MONTH)!;
  const people: RosterPerson[] = [];
  const add = (role: RosterRole, n: number) => {
    for (let i = 0; i < n; i++) {
      const leave = [];
      if (rng.next() < 0.25) {
        const from = span.first + rng.int(span.days);
        leave.push({ from: dayString(from), to: dayString(from + 3 + rng.int(11)) });
      }
      people.push({ id: `${role}-${i}`, name: `${role} ${i}`, role, leave });
    }
  };
  add('guard', 42);
  add('driver', 12);
  add('radio', 6);
  const post = (id: string, role: RosterRole, day: [string, string], night: [string, string]): RosterPost => ({
    id,
    name: id,
    premisesId: `premises-${id}`,
    role,
    shifts: [
      { id: 'day', label: 'Day', start: day[0], end: day[1], needed: 1 },
      { id: 'night', label: 'Night', start: night[0], end: night[1], needed: 1 },
    ],
  });
  const posts = [
    ...Array.from({ length: 14 }, (_, i) => post(`gate-${i}`, 'guard', ['07:00', '19:00'], ['19:00', '07:00'])),
    ...Array.from({ length: 4 }, (_, i) => post(`vehicle-${i}`, 'driver', ['06:00', '14:00'], ['14:00', '22:00'])),
    ...Array.from({ length: 2 }, (_, i) => post(`radio-${i}`, 'radio', ['08:00', '20:00'], ['20:00', '08:00'])),
  ];
  return { month: MONTH, posts, people, rules: { maxShiftsPerWeek: 6, minRestHours: 12, noDayAfterNight: true, daysOffPerMonth: 4, fairness: true } };
}

/** The trivial baseline: every slot to the next person of the role in turn, no rule looked at. */
export function roundRobin(input: Omit<RosterInput, 'assignments'>): RosterAssignment[] {
  const span = monthSpan(input.month)!;
  const turn = new Map<RosterRole, number>();
  const byRole = new Map<RosterRole, RosterPerson[]>();
  for (const p of input.people) byRole.set(p.role, [...(byRole.get(p.role) ?? []), p]);
  const out: RosterAssignment[] = [];
  for (let d = span.first; d < span.first + span.days; d++) {
    for (const post of input.posts) {
      const people = byRole.get(post.role) ?? [];
      for (const shift of post.shifts) {
        for (let k = 0; k < shift.needed && people.length > 0; k++) {
          const n = turn.get(post.role) ?? 0;
          turn.set(post.role, n + 1);
          out.push({ personId: people[n % people.length]!.id, postId: post.id, shiftId: shift.id, day: dayString(d) });
        }
      }
    }
  }
  return out;
}

/**
 * An honest naive checker for the baseline: the same rules, every pair of assignments compared with every
 * other (O(n^2)), weeks and staffing counted by scanning the whole list again for each person and slot.
 */
function naiveCheck(input: RosterInput): number {
  const shifts = new Map(input.posts.flatMap((p) => p.shifts.map((s) => [`${p.id}/${s.id}`, shiftTiming(s.start, s.end)!] as const)));
  const people = new Map(input.people.map((p) => [p.id, p]));
  const posts = new Map(input.posts.map((p) => [p.id, p]));
  const placed = input.assignments.map((a) => ({ a, day: dayNumber(a.day)!, timing: shifts.get(`${a.postId}/${a.shiftId}`)! }));
  let problems = 0;
  for (let i = 0; i < placed.length; i++) {
    const x = placed[i]!;
    const person = people.get(x.a.personId)!;
    if (person.role !== posts.get(x.a.postId)!.role) problems++;
    if (person.leave.some((l) => touchesLeave(x, dayNumber(l.from)!, dayNumber(l.to)!))) problems++;
    let inWeek = 0;
    for (let j = 0; j < placed.length; j++) {
      const y = placed[j]!;
      if (y.a.personId !== x.a.personId) continue;
      if (isoWeekStart(y.day) === isoWeekStart(x.day)) inWeek++;
      if (j > i) problems += pairRulesAnyOrder(x, y, input.rules).length;
    }
    if (inWeek > input.rules.maxShiftsPerWeek) problems++;
  }
  const span = monthSpan(input.month)!;
  for (const post of input.posts) {
    for (const shift of post.shifts) {
      for (let d = span.first; d < span.first + span.days; d++) {
        const day = dayString(d);
        const have = input.assignments.filter((a) => a.postId === post.id && a.shiftId === shift.id && a.day === day).length;
        if (have < shift.needed) problems++;
      }
    }
  }
  return problems;
}

/** Generated once, on first use, so other figures' runs do not pay for it. */
let prepared: { input: Omit<RosterInput, 'assignments'>; checked: RosterInput } | undefined;
function prepare() {
  if (prepared) return prepared;
  const input = benchInstance();
  const generated = generateRoster(input, { seed: 1 });
  const checked = { ...input, assignments: generated.assignments };
  const hard = new Set(HARD_RULES);
  const broken = checkRoster(checked).filter((p) => hard.has(p.rule) || p.rule === 'understaffed');
  const naive = checkRoster({ ...input, assignments: roundRobin(input) }).filter((p) => hard.has(p.rule));
  process.stderr.write(`  roster: ${generated.assignments.length} assignments, ${broken.length} hard or understaffed problems, fairness ${JSON.stringify(generated.fairness)}\n`);
  process.stderr.write(`  roster: the round-robin baseline breaks ${naive.length} hard rules on the same input\n`);
  // Warm both checkers the same way, so neither figure is a first, unoptimised run.
  for (let i = 0; i < 3; i++) {
    checkRoster(checked);
    naiveCheck(checked);
  }
  prepared = { input, checked };
  return prepared;
}

export function rosterCases(): BenchCase[] {
  const params = { people: 60, posts: 20, shiftsPerPost: 2, days: 31 };
  return [
    {
      name: 'roster.generate.60x20',
      baseline: 'trivial round-robin over the same slots (no rule looked at)',
      params,
      repetitions: 5,
      measure: () => time(() => generateRoster(prepare().input, { seed: 1 })),
      measureBaseline: () => time(() => roundRobin(prepare().input)),
    },
    {
      name: 'roster.check.60x20',
      baseline: 'the same rules by a naive O(n^2) scan over all assignment pairs',
      params,
      repetitions: 7,
      measure: () => time(() => checkRoster(prepare().checked)),
      measureBaseline: () => time(() => naiveCheck(prepare().checked)),
    },
  ];
}
