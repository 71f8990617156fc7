import type { PlacedShift } from './pairRules';
import { dayNumber, shiftTiming, type ShiftTiming } from './time';
import type { RosterAssignment, RosterInput, RosterPerson, RosterPost, RosterShift } from './types';

/** An assignment with its ids looked up and its day and times turned into numbers. */
export interface ResolvedAssignment extends PlacedShift {
  source: RosterAssignment;
  person: RosterPerson;
  post: RosterPost;
  shift: RosterShift;
  /** From `previous`: counts for the rules but a problem is reported only when a current one is involved. */
  previous: boolean;
}

export interface RosterIndex {
  people: Map<string, RosterPerson>;
  posts: Map<string, RosterPost>;
  /** Shift by `${postId}\u0000${shiftId}`: shift ids need only be unique within their post. */
  shifts: Map<string, { shift: RosterShift; timing: ShiftTiming | undefined }>;
}

export const shiftKey = (postId: string, shiftId: string): string => `${postId}\u0000${shiftId}`;

export function indexInput(input: Pick<RosterInput, 'people' | 'posts'>): RosterIndex {
  const people = new Map(input.people.map((p) => [p.id, p]));
  const posts = new Map(input.posts.map((p) => [p.id, p]));
  const shifts = new Map<string, { shift: RosterShift; timing: ShiftTiming | undefined }>();
  for (const post of input.posts) {
    for (const shift of post.shifts) shifts.set(shiftKey(post.id, shift.id), { shift, timing: shiftTiming(shift.start, shift.end) });
  }
  return { people, posts, shifts };
}

/**
 * Looks an assignment up. Undefined when it names an unknown person, post or shift, a malformed day or a
 * shift with malformed times: validateRosterInput reports those, and the rules cannot judge them.
 */
export function resolveAssignment(index: RosterIndex, a: RosterAssignment, previous: boolean): ResolvedAssignment | undefined {
  const person = index.people.get(a.personId);
  const post = index.posts.get(a.postId);
  const entry = index.shifts.get(shiftKey(a.postId, a.shiftId));
  const day = dayNumber(a.day);
  if (!person || !post || !entry?.timing || day === undefined) return undefined;
  return { source: a, person, post, shift: entry.shift, timing: entry.timing, day, previous };
}

/** Leave periods as day-number ranges; malformed or reversed ones are left out (validation reports them). */
export function leaveRanges(person: RosterPerson): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const l of person.leave) {
    const from = dayNumber(l.from);
    const to = dayNumber(l.to);
    if (from !== undefined && to !== undefined && from <= to) ranges.push([from, to]);
  }
  return ranges;
}
