import { checkRoster, compareProblems } from './checkRoster';
import { rosterFairness } from './fairness';
import { balance } from './generator/balance';
import { buildModel, clash, type Model } from './generator/model';
import { construct, fillWhatFits, repair } from './generator/search';
import { RosterState } from './generator/state';
import { pairRulesAnyOrder } from './pairRules';
import { createPrng } from './prng';
import { HARD_RULES, type GenerateOptions, type GenerateResult, type RosterAssignment, type RosterInput, type RosterProblem, type RosterRule } from './types';

/**
 * A month's roster from the rules: every slot filled without breaking a hard rule when the search finds a
 * way, fixed assignments kept as they are, then evened out for fairness. Slots it cannot fill are left
 * empty and reported as understaffed with the hard rules that kept each candidate off, so checkRoster on
 * the result shows the same understaffed slots and no hard-rule problem the generator made. Deterministic
 * for a seed: the search is bounded by steps, not by time.
 */
export function generateRoster(input: Omit<RosterInput, 'assignments'>, options: GenerateOptions = {}): GenerateResult {
  const fixed = options.fixed ?? [];
  const model = buildModel(input, fixed);
  if (!model) return { assignments: [...fixed], unsatisfied: [], fairness: rosterFairness(input, fixed) };
  const rng = createPrng(options.seed ?? 1);
  const st = new RosterState(model);
  const fairness = input.rules.fairness;

  const open = construct(st, rng, fairness);
  if (open.length > 0) repair(st, rng, open, 40_000 + 60 * model.slots.length, fairness);
  balance(st, rng, fairness);
  // Evening out may have freed someone for a slot still open: fill it, so every open slot reported really
  // has nobody who could take it.
  fillWhatFits(st, fairness);

  const assignments = [...fixed, ...generated(model, st)];
  const full: RosterInput = { ...input, assignments };
  // Anything else the checker finds (days off, or hard rules broken by the fixed assignments themselves) is
  // reported as it is; understaffed slots come from the generator, with the reasons attached.
  const others = checkRoster(full).filter((p) => p.rule !== 'understaffed');
  return {
    assignments,
    // In the checker's order, so a screen can show both lists the same way.
    unsatisfied: [...understaffed(model, st), ...others].sort(compareProblems),
    fairness: rosterFairness(input, assignments),
  };
}

function generated(m: Model, st: RosterState): RosterAssignment[] {
  const out: RosterAssignment[] = [];
  for (const g of m.groups) {
    const people = g.slots.map((x) => st.assign[x]!).filter((p) => p >= 0);
    people.sort((a, b) => (m.people[a]!.id < m.people[b]!.id ? -1 : 1));
    for (const p of people) out.push({ personId: m.people[p]!.id, postId: g.post.id, shiftId: g.shift.id, day: g.day });
  }
  return out;
}

/** Each post x shift x day with empty slots, and why nobody of the role could take them. */
function understaffed(m: Model, st: RosterState): RosterProblem[] {
  const problems: RosterProblem[] = [];
  for (const g of m.groups) {
    const empty = g.slots.filter((x) => st.assign[x]! < 0);
    // A shift with malformed times has no slots: all its open places are missing, for no rule's fault.
    const missing = g.schedulable ? empty.length : g.open;
    if (missing === 0) continue;
    const problem: RosterProblem = { rule: 'understaffed', day: g.day, postId: g.post.id, shiftId: g.shift.id, missing };
    if (g.schedulable) problem.blockedBy = blockedBy(m, st, empty[0]!);
    problems.push(problem);
  }
  return problems;
}

/** The hard rules that keep each person of the slot's role off it in the final roster (the union). */
function blockedBy(m: Model, st: RosterState, x: number): RosterRule[] {
  const s = m.slots[x]!;
  const role = m.peopleByRole.get(s.role) ?? [];
  if (role.length === 0) return ['wrongRole'];
  const found = new Set<RosterRule>();
  const here = { day: s.day, timing: m.classes[s.cls]! };
  for (const p of role) {
    // Leave alone keeps a person off: their other shifts around it would only blur the answer.
    if (!s.candidates.includes(p)) {
      found.add('leave');
      continue;
    }
    if (st.weekCount[p * m.weeks + s.week]! >= m.rules.maxShiftsPerWeek) found.add('maxPerWeek');
    for (let d = Math.max(0, s.day - m.reach); d <= Math.min(m.length - 1, s.day + m.reach); d++) {
      for (const e of st.sched[p * m.length + d]!) {
        const [cls, day] = e >= 0 ? [m.slots[e]!.cls, m.slots[e]!.day] : [m.immovables[-1 - e]!.cls, m.immovables[-1 - e]!.day];
        if (!clash(m, cls, day, s.cls, s.day)) continue;
        for (const rule of pairRulesAnyOrder({ day, timing: m.classes[cls]! }, here, m.rules)) found.add(rule);
      }
    }
  }
  return HARD_RULES.filter((r) => found.has(r));
}
