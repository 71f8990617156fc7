import type { Prng } from '../prng';
import { clash } from './model';
import type { RosterState } from './state';

/**
 * Filling the slots in two stages. First a greedy pass that always takes the slot with the fewest people
 * left who could hold it, and gives it to the person whose choice hurts the other open slots least (then
 * the least loaded). Greedy alone dead-ends on tight months, so a repair stage follows: a tabu search that
 * puts someone on an empty slot even if that pushes them off clashing shifts, which then wait for someone
 * else (an ejection chain). It keeps the best roster seen and stops on a step budget, never on the clock,
 * so the same seed always gives the same roster.
 */

/** Greedy fill; returns the slots it could not fill. */
export function construct(st: RosterState, rng: Prng, fairness: boolean): number[] {
  const m = st.m;
  const S = m.slots.length;
  const P = m.people.length;
  const feas = new Uint8Array(S * P);
  const count = new Int32Array(S);
  for (let x = 0; x < S; x++) {
    for (const p of m.slots[x]!.candidates) {
      if (st.canTake(p, x)) {
        feas[x * P + p] = 1;
        count[x]!++;
      }
    }
  }
  const tie = Float64Array.from({ length: S }, () => rng.next());
  const open = Array.from({ length: S }, (_, x) => x);
  const isOpen = new Uint8Array(S).fill(1);
  const failed: number[] = [];

  /** p can no longer take some open slots after taking x: drop p from their candidates. */
  const update = (p: number, x: number) => {
    const s = m.slots[x]!;
    const weekFull = st.weekCount[p * m.weeks + s.week]! >= m.rules.maxShiftsPerWeek;
    const from = Math.max(0, s.day - Math.max(m.reach, weekFull ? 6 : 0));
    const to = Math.min(m.length - 1, s.day + Math.max(m.reach, weekFull ? 6 : 0));
    for (let d = from; d <= to; d++) {
      for (const y of m.slotsByDay[d]!) {
        if (!isOpen[y] || !feas[y * P + p] || st.canTake(p, y)) continue;
        feas[y * P + p] = 0;
        count[y]!--;
      }
    }
  };

  while (open.length > 0) {
    let at = 0;
    for (let i = 1; i < open.length; i++) {
      const a = open[i]!;
      const b = open[at]!;
      if (count[a]! < count[b]! || (count[a] === count[b] && tie[a]! < tie[b]!)) at = i;
    }
    const x = open[at]!;
    open[at] = open[open.length - 1]!;
    open.pop();
    isOpen[x] = 0;
    if (count[x] === 0) {
      failed.push(x);
      continue;
    }
    let bestP = -1;
    let bestScore = Infinity;
    for (const p of m.slots[x]!.candidates) {
      if (!feas[x * P + p]) continue;
      const score = 4 * damage(st, feas, count, isOpen, p, x) + load(st, p, x, fairness) + rng.next() * 0.01;
      if (score < bestScore) {
        bestScore = score;
        bestP = p;
      }
    }
    st.place(x, bestP);
    update(bestP, x);
  }
  return failed;
}

/**
 * How much giving x to p would hurt the other open slots: each slot that loses p as a candidate weighs
 * more the fewer candidates it has left, and one left with none weighs most.
 */
function damage(st: RosterState, feas: Uint8Array, count: Int32Array, isOpen: Uint8Array, p: number, x: number): number {
  const m = st.m;
  const P = m.people.length;
  const s = m.slots[x]!;
  const fillsWeek = st.weekCount[p * m.weeks + s.week]! + 1 >= m.rules.maxShiftsPerWeek;
  const span = Math.max(m.reach, fillsWeek ? 6 : 0);
  let hurt = 0;
  for (let d = Math.max(0, s.day - span); d <= Math.min(m.length - 1, s.day + span); d++) {
    for (const y of m.slotsByDay[d]!) {
      if (y === x || !isOpen[y] || !feas[y * P + p]) continue;
      const t = m.slots[y]!;
      if (!(fillsWeek && t.week === s.week) && !clash(m, s.cls, s.day, t.cls, t.day)) continue;
      const left = count[y]! - 1;
      hurt += left <= 0 ? 100 : 1 / left;
    }
  }
  return hurt;
}

/** The fairness part of the choice: fewer shifts, nights and weekends so far, and keep the days off. */
export function load(st: RosterState, p: number, x: number, fairness: boolean): number {
  const m = st.m;
  const s = m.slots[x]!;
  let score = st.total[p]!;
  if (fairness && s.night) score += st.nights[p]!;
  if (fairness && s.weekend) score += st.weekends[p]!;
  const newDay = st.dayLoad[p * m.length + s.day] === 0;
  if (newDay && m.days - st.workedDays[p]! <= m.rules.daysOffPerMonth) score += 10;
  return score;
}

/**
 * Tabu search with ejections on the slots greedy left open. Returns the slots still open in the best
 * roster found (the state is left holding that roster).
 */
export function repair(st: RosterState, rng: Prng, unfilled: number[], budget: number, fairness: boolean): number[] {
  const m = st.m;
  const P = m.people.length;
  const tabu = new Int32Array(m.slots.length * P);
  const open = [...unfilled];
  const hopeless: number[] = [];
  let best = open.length;
  let bestAssign = st.assign.slice();
  let sinceBest = 0;
  const patience = 2000 + 20 * m.slots.length;
  const out: number[] = [];
  const chosen: number[] = [];

  for (let iter = 1; iter <= budget && open.length > 0 && sinceBest < patience; iter++) {
    const i = rng.int(open.length);
    const x = open[i]!;
    let bestP = -1;
    let bestScore = Infinity;
    let anyPossible = false;
    const noisy = rng.next() < 0.05;
    for (const p of m.slots[x]!.candidates) {
      out.length = 0;
      if (!st.ejections(p, x, out, rng.int)) continue;
      anyPossible = true;
      const improves = open.length - 1 + out.length < best;
      if (tabu[x * P + p]! > iter && !improves) continue;
      const score = noisy ? rng.next() : out.length * 1000 + load(st, p, x, fairness) + rng.next();
      if (score < bestScore) {
        bestScore = score;
        bestP = p;
        chosen.length = 0;
        chosen.push(...out);
      }
    }
    if (!anyPossible) {
      // Every candidate is kept off by leave, fixed or previous-month shifts: nothing will ever fill it.
      hopeless.push(x);
      open[i] = open[open.length - 1]!;
      open.pop();
      continue;
    }
    if (bestP < 0) continue;
    for (const y of chosen) {
      tabu[y * P + st.assign[y]!] = iter + 5 + rng.int(10);
      st.unplace(y);
      open.push(y);
    }
    st.place(x, bestP);
    open[i] = open[open.length - 1]!;
    open.pop();
    if (open.length < best) {
      best = open.length;
      bestAssign = st.assign.slice();
      sinceBest = 0;
    } else {
      sinceBest++;
    }
  }
  restore(st, bestAssign);
  return fillWhatFits(st, fairness);
}

/** Puts the state back to a saved roster. */
function restore(st: RosterState, assign: Int32Array): void {
  for (let x = 0; x < assign.length; x++) if (st.assign[x]! >= 0 && st.assign[x] !== assign[x]) st.unplace(x);
  for (let x = 0; x < assign.length; x++) if (assign[x]! >= 0 && st.assign[x] !== assign[x]) st.place(x, assign[x]!);
}

/** A last plain pass: any open slot someone can still take without moving anyone. Returns what stays open. */
export function fillWhatFits(st: RosterState, fairness: boolean): number[] {
  const m = st.m;
  const open: number[] = [];
  for (let x = 0; x < m.slots.length; x++) {
    if (st.assign[x]! >= 0) continue;
    let bestP = -1;
    let bestScore = Infinity;
    for (const p of m.slots[x]!.candidates) {
      if (!st.canTake(p, x)) continue;
      const score = load(st, p, x, fairness);
      if (score < bestScore) {
        bestScore = score;
        bestP = p;
      }
    }
    if (bestP >= 0) st.place(x, bestP);
    else open.push(x);
  }
  return open;
}
