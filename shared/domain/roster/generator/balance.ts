import type { Prng } from '../prng';
import type { RosterState } from './state';

/**
 * Fairness after feasibility: hand a shift from one person to another of the same role, swap two shifts
 * between two people, or trade a stretch of days between two people, whenever that lowers the sum of
 * squares of each person's shifts, nights and weekend shifts (with a fixed total, the sum of squares is
 * least when the counts are even) plus the shortfall of days off. Every move is checked against the hard
 * rules first, so a complete roster stays complete and clean. Bounded passes keep it fast.
 */
export function balance(st: RosterState, rng: Prng, fairness: boolean, maxPasses = 6): void {
  const m = st.m;
  const filled = () => shuffled(m.slots.map((_, x) => x).filter((x) => st.assign[x]! >= 0), rng);
  for (let pass = 0; pass < maxPasses; pass++) {
    let moved = 0;
    for (const x of filled()) moved += handOver(st, x, fairness) ? 1 : 0;
    for (const x of filled()) moved += swapAround(st, x, fairness) ? 1 : 0;
    for (let t = 0; t < m.slots.length; t++) moved += swapStretch(st, rng, fairness) ? 1 : 0;
    if (moved === 0) break;
  }
}

/** One person's share of the cost: squares of shifts, nights and weekends, and of the days-off shortfall. */
function personCost(st: RosterState, p: number, fairness: boolean): number {
  const m = st.m;
  const short = Math.max(0, m.rules.daysOffPerMonth - (m.days - st.workedDays[p]!));
  const spread = fairness ? st.nights[p]! ** 2 + st.weekends[p]! ** 2 : 0;
  return st.total[p]! ** 2 + spread + 4 * short * short;
}

/** The movable slots a person holds on days [from, to). */
function heldOn(st: RosterState, p: number, from: number, to: number): number[] {
  const held: number[] = [];
  for (let d = from; d < to; d++) for (const e of st.sched[p * st.m.length + d]!) if (e >= 0) held.push(e);
  return held;
}

/**
 * Two people of a role trade everything they hold over a few consecutive days. Rest and no-day-after-night
 * chain a person's shifts together (a run of nights cannot be broken one shift at a time), so this move
 * evens out what single hand-overs and swaps cannot. Random stretches, tried a bounded number of times.
 */
function swapStretch(st: RosterState, rng: Prng, fairness: boolean): boolean {
  const m = st.m;
  const x = rng.int(m.slots.length);
  const p = st.assign[x]!;
  if (p < 0) return false;
  const role = m.peopleByRole.get(m.slots[x]!.role)!;
  const q = role[rng.int(role.length)]!;
  if (q === p) return false;
  // Cut the stretch on days both have free, so the shifts on either side of it do not meet the traded ones
  // (a random cut almost always lands between a night and the next morning and fails).
  const free = (d: number) => d < m.monthStart || d >= m.monthStart + m.days || (st.dayLoad[p * m.length + d] === 0 && st.dayLoad[q * m.length + d] === 0);
  let from = m.slots[x]!.day;
  while (from > m.monthStart && !free(from - 1)) from--;
  let to = m.slots[x]!.day + 1 + rng.int(3);
  while (to < m.monthStart + m.days && !free(to)) to++;
  if (to - from > 14) return false;
  const mine = heldOn(st, p, from, to);
  const theirs = heldOn(st, q, from, to);
  if (!mine.every((y) => m.slots[y]!.candidates.includes(q)) || !theirs.every((y) => m.slots[y]!.candidates.includes(p))) return false;
  const before = personCost(st, p, fairness) + personCost(st, q, fairness);
  for (const y of mine) st.unplace(y);
  for (const y of theirs) st.unplace(y);
  const placed: number[] = [];
  let ok = true;
  for (const [ys, who] of [[theirs, p], [mine, q]] as const) {
    for (const y of ys) {
      if (!ok || !st.canTake(who, y)) {
        ok = false;
        break;
      }
      st.place(y, who);
      placed.push(y);
    }
  }
  if (ok && personCost(st, p, fairness) + personCost(st, q, fairness) < before) return true;
  for (const y of placed) st.unplace(y);
  for (const y of mine) st.place(y, p);
  for (const y of theirs) st.place(y, q);
  return false;
}

/** Change in the sum of squares when a counter goes from a to a + d. */
const sq = (a: number, d: number): number => 2 * a * d + d * d;

/**
 * The cost change for person p of giving up slot `lose` and taking slot `gain` (-1: none). Written without
 * allocation: it runs millions of times on a large month.
 */
function moveCost(st: RosterState, p: number, lose: number, gain: number, fairness: boolean): number {
  const m = st.m;
  const l = lose >= 0 ? m.slots[lose] : undefined;
  const g = gain >= 0 ? m.slots[gain] : undefined;
  let delta = sq(st.total[p]!, (g ? 1 : 0) - (l ? 1 : 0));
  if (fairness) {
    delta += sq(st.nights[p]!, (g?.night ? 1 : 0) - (l?.night ? 1 : 0));
    delta += sq(st.weekends[p]!, (g?.weekend ? 1 : 0) - (l?.weekend ? 1 : 0));
  }
  const need = m.rules.daysOffPerMonth;
  if (need > 0 && l?.day !== g?.day) {
    // A day is worked while at least one shift starts on it: losing its only shift frees it.
    let worked = st.workedDays[p]!;
    const before = worked;
    if (l && st.dayLoad[p * m.length + l.day] === 1) worked--;
    if (g && st.dayLoad[p * m.length + g.day] === 0) worked++;
    const shortNow = Math.max(0, need - (m.days - before));
    const shortThen = Math.max(0, need - (m.days - worked));
    delta += 4 * (shortThen * shortThen - shortNow * shortNow);
  }
  return delta;
}

/** Gives slot x to someone else of the role for whom it costs less. */
function handOver(st: RosterState, x: number, fairness: boolean): boolean {
  const m = st.m;
  const p = st.assign[x]!;
  const release = moveCost(st, p, x, -1, fairness);
  let bestQ = -1;
  let bestDelta = 0;
  for (const q of m.slots[x]!.candidates) {
    if (q === p) continue;
    const delta = release + moveCost(st, q, -1, x, fairness);
    if (delta < bestDelta && st.canTake(q, x)) {
      bestDelta = delta;
      bestQ = q;
    }
  }
  if (bestQ < 0) return false;
  st.unplace(x);
  st.place(x, bestQ);
  return true;
}

/** Swaps slot x with a nearby slot of another person, so nights and weekends even out at equal totals. */
function swapAround(st: RosterState, x: number, fairness: boolean): boolean {
  const m = st.m;
  const s = m.slots[x]!;
  const p = st.assign[x]!;
  for (let d = Math.max(0, s.day - 3); d <= Math.min(m.length - 1, s.day + 3); d++) {
    for (const y of m.slotsByDay[d]!) {
      const q = st.assign[y]!;
      const t = m.slots[y]!;
      if (q < 0 || q === p || t.role !== s.role || (t.night === s.night && t.weekend === s.weekend && t.day === s.day)) continue;
      if (!s.candidates.includes(q) || !t.candidates.includes(p)) continue;
      const delta = moveCost(st, p, x, y, fairness) + moveCost(st, q, y, x, fairness);
      if (delta >= 0) continue;
      st.unplace(x);
      st.unplace(y);
      if (st.canTake(p, y) && st.canTake(q, x)) {
        st.place(y, p);
        st.place(x, q);
        return true;
      }
      st.place(x, p);
      st.place(y, q);
    }
  }
  return false;
}

function shuffled<T>(items: T[], rng: Prng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
