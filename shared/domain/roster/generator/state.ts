import { clash, type Model } from './model';

/**
 * A roster being built: who holds each slot, and per person the shifts on each day (slot ids, or
 * -1 - i for immovable i), weekly counts and the loads fairness looks at. Every query looks only at the
 * days within the model's reach, so checking one person for one slot costs a handful of comparisons.
 */
export class RosterState {
  readonly assign: Int32Array;
  readonly sched: number[][];
  readonly weekCount: Int16Array;
  readonly total: Int32Array;
  readonly nights: Int32Array;
  readonly weekends: Int32Array;
  /** Shifts starting per person and month day, to count days off. */
  readonly dayLoad: Int16Array;
  readonly workedDays: Int32Array;

  constructor(readonly m: Model) {
    const P = m.people.length;
    this.assign = new Int32Array(m.slots.length).fill(-1);
    this.sched = Array.from({ length: P * m.length }, () => []);
    this.weekCount = new Int16Array(P * m.weeks);
    this.total = new Int32Array(P);
    this.nights = new Int32Array(P);
    this.weekends = new Int32Array(P);
    this.dayLoad = new Int16Array(P * m.length);
    this.workedDays = new Int32Array(P);
    m.immovables.forEach((im, i) => {
      this.sched[im.person * m.length + im.day]!.push(-1 - i);
      this.weekCount[im.person * m.weeks + im.week]!++;
      if (im.inMonth) this.addLoad(im.person, im.day, im.night, im.weekend, 1);
    });
  }

  private addLoad(p: number, day: number, night: boolean, weekend: boolean, delta: number): void {
    this.total[p]! += delta;
    if (night) this.nights[p]! += delta;
    if (weekend) this.weekends[p]! += delta;
    const k = p * this.m.length + day;
    const before = this.dayLoad[k]!;
    this.dayLoad[k] = before + delta;
    if (before === 0 && delta > 0) this.workedDays[p]!++;
    if (before + delta === 0 && delta < 0) this.workedDays[p]!--;
  }

  place(x: number, p: number): void {
    const s = this.m.slots[x]!;
    this.assign[x] = p;
    this.sched[p * this.m.length + s.day]!.push(x);
    this.weekCount[p * this.m.weeks + s.week]!++;
    this.addLoad(p, s.day, s.night, s.weekend, 1);
  }

  unplace(x: number): void {
    const p = this.assign[x]!;
    const s = this.m.slots[x]!;
    const list = this.sched[p * this.m.length + s.day]!;
    list.splice(list.indexOf(x), 1);
    this.weekCount[p * this.m.weeks + s.week]!--;
    this.addLoad(p, s.day, s.night, s.weekend, -1);
    this.assign[x] = -1;
  }

  private clsDay(entry: number): [number, number] {
    if (entry >= 0) {
      const s = this.m.slots[entry]!;
      return [s.cls, s.day];
    }
    const im = this.m.immovables[-1 - entry]!;
    return [im.cls, im.day];
  }

  /** True when p can take slot x as the roster stands: no clash and room in the week (leave is in candidates). */
  canTake(p: number, x: number): boolean {
    const m = this.m;
    const s = m.slots[x]!;
    if (this.weekCount[p * m.weeks + s.week]! >= m.rules.maxShiftsPerWeek) return false;
    const from = Math.max(0, s.day - m.reach);
    const to = Math.min(m.length - 1, s.day + m.reach);
    for (let d = from; d <= to; d++) {
      for (const e of this.sched[p * m.length + d]!) {
        const [cls, day] = this.clsDay(e);
        if (clash(m, cls, day, s.cls, s.day)) return false;
      }
    }
    return true;
  }

  /**
   * The movable slots p would have to give up to take x (pushed onto `out`), or false when an immovable
   * shift stands in the way. When p's week is full, one more shift of that week is given up: the one
   * `pick` chooses among the candidates.
   */
  ejections(p: number, x: number, out: number[], pick: (n: number) => number): boolean {
    const m = this.m;
    const s = m.slots[x]!;
    const from = Math.max(0, s.day - m.reach);
    const to = Math.min(m.length - 1, s.day + m.reach);
    for (let d = from; d <= to; d++) {
      for (const e of this.sched[p * m.length + d]!) {
        const [cls, day] = this.clsDay(e);
        if (!clash(m, cls, day, s.cls, s.day)) continue;
        if (e < 0) return false;
        out.push(e);
      }
    }
    let inWeek = this.weekCount[p * m.weeks + s.week]!;
    for (const e of out) if (m.slots[e]!.week === s.week) inWeek--;
    const over = inWeek - m.rules.maxShiftsPerWeek + 1;
    if (over <= 0) return true;
    // The week is full: give up as many more movable shifts of that week as it takes.
    const options: number[] = [];
    for (let d = 0; d < m.length; d++) {
      if (m.weekOf[d] !== s.week) continue;
      for (const e of this.sched[p * m.length + d]!) if (e >= 0 && !out.includes(e)) options.push(e);
    }
    if (options.length < over) return false;
    for (let k = 0; k < over; k++) out.push(options.splice(pick(options.length), 1)[0]!);
    return true;
  }
}
