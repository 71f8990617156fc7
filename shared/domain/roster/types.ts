/**
 * The roster problem as pure data: who (people), where and when (posts and their shifts), under which rules,
 * for one month. The checker and the generator work on these shapes only, with no database and no time
 * zone: days are calendar days (YYYY-MM-DD) and times are wall-clock minutes in the delegation time zone,
 * which is how guards and their supervisors read a roster.
 */

export type RosterRole = 'guard' | 'driver' | 'radio';

export interface RosterShift {
  id: string;
  /** e.g. "Day", "Night". */
  label: string;
  /** Wall-clock start "HH:mm". */
  start: string;
  /** Wall-clock end "HH:mm"; an end at or before the start means the shift ends the next day. */
  end: string;
  /** How many people this shift needs each day (>= 1). */
  needed: number;
}

export interface RosterPost {
  id: string;
  /** Shown in grids and printouts, e.g. "Main office gate". */
  name: string;
  premisesId: string;
  /** Only people of this role can hold the post. */
  role: RosterRole;
  shifts: RosterShift[];
}

export interface RosterLeave {
  /** First day of leave, inclusive. */
  from: string;
  /** Last day of leave, inclusive. */
  to: string;
}

export interface RosterPerson {
  id: string;
  name: string;
  role: RosterRole;
  leave: RosterLeave[];
}

export interface RosterRules {
  /** Maximum shifts in any ISO week (Monday to Sunday); weeks cut by the month count only their days in it. */
  maxShiftsPerWeek: number;
  /** Minimum hours between the end of one shift and the start of the next for the same person. */
  minRestHours: number;
  /** No shift starting before 12:00 on the day a night shift (one crossing midnight) ends. */
  noDayAfterNight: boolean;
  /** Minimum days without any shift in the month, per person (soft: reported, never blocks the generator). */
  daysOffPerMonth: number;
  /** Spread nights and weekend shifts evenly (soft, measured). */
  fairness: boolean;
}

/** One person on one shift of one post on one day (the day the shift starts). */
export interface RosterAssignment {
  personId: string;
  postId: string;
  shiftId: string;
  day: string;
}

export interface RosterInput {
  /** "YYYY-MM". */
  month: string;
  posts: RosterPost[];
  people: RosterPerson[];
  rules: RosterRules;
  assignments: RosterAssignment[];
  /** Assignments of the last days of the previous month, so rest and night-to-day carry across the boundary. */
  previous?: RosterAssignment[];
}

/**
 * Hard rules are never broken by the generator; `understaffed` is what it reports when a slot cannot be
 * filled without breaking one. `daysOff` is soft.
 */
export type RosterRule =
  | 'doubleBooking'
  | 'rest'
  | 'nightToDay'
  | 'leave'
  | 'maxPerWeek'
  | 'wrongRole'
  | 'understaffed'
  | 'daysOff';

export const HARD_RULES: readonly RosterRule[] = ['doubleBooking', 'rest', 'nightToDay', 'leave', 'maxPerWeek', 'wrongRole'];

export interface RosterProblem {
  rule: RosterRule;
  day: string;
  personId?: string;
  postId?: string;
  shiftId?: string;
  /** For understaffed: how many people are missing on that shift. */
  missing?: number;
  /**
   * For understaffed slots the generator could not fill: the hard rules that excluded each candidate,
   * e.g. ['leave', 'rest'], so the user learns why.
   */
  blockedBy?: RosterRule[];
}

/** Fewest and most of one figure that a person of a role has in the month; spread = max - min. */
export interface FigureRange {
  min: number;
  max: number;
  spread: number;
}

/** How evenly one role's work is spread (see rosterFairnessByRole). */
export interface RoleFairness {
  role: RosterRole;
  /** People of the role in the roster. */
  people: number;
  /** Of them, those with at least one shift: nights and weekends compare only these. */
  worked: number;
  /** Null when nobody of the role worked. */
  nights: FigureRange | null;
  weekends: FigureRange | null;
  total: FigureRange;
}

export interface FairnessFigures {
  /** Max minus min nights per person among people of the same role who worked at all. */
  nightSpread: number;
  /** Max minus min weekend shifts per person among people of the same role who worked at all. */
  weekendSpread: number;
  /** Max minus min total shifts per person among people of the same role. */
  totalSpread: number;
}

export interface GenerateOptions {
  /** Assignments the user fixed by hand; kept as they are. */
  fixed?: RosterAssignment[];
  /** Seed for tie-breaking, so a month generated twice is the same roster. */
  seed?: number;
}

export interface GenerateResult {
  assignments: RosterAssignment[];
  /** Empty when every slot is filled with no hard rule broken. Otherwise understaffed slots (and soft daysOff). */
  unsatisfied: RosterProblem[];
  fairness: FairnessFigures;
}
