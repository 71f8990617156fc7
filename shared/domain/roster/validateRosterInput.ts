import { shiftKey } from './resolve';
import { dayNumber, monthSpan, timeMinutes } from './time';
import type { RosterAssignment, RosterInput } from './types';

export type RosterInputIssueCode =
  | 'monthMalformed'
  | 'rulesInvalid'
  | 'duplicatePerson'
  | 'duplicatePost'
  | 'duplicateShift'
  | 'shiftTimeMalformed'
  | 'shiftZeroHours'
  | 'shiftNeededBelowOne'
  | 'leaveDateMalformed'
  | 'leaveEndsBeforeStart'
  | 'assignmentDayMalformed'
  | 'assignmentOutsideMonth'
  | 'assignmentUnknownPerson'
  | 'assignmentUnknownPost'
  | 'assignmentUnknownShift';

/**
 * Input the roster rules cannot judge. `message` is a translation key (the caller translates); `ids` name
 * what is wrong: [personId] for leave, [postId, shiftId] for shifts, [personId, postId, shiftId, day] for
 * assignments, the offending field name for rules.
 */
export interface RosterInputIssue {
  code: RosterInputIssueCode;
  message: string;
  ids: string[];
}

const issue = (code: RosterInputIssueCode, ids: string[]): RosterInputIssue => ({ code, message: `roster.invalid.${code}`, ids });

/** Bad input, before checking or generating: an empty list means the rules can judge the roster. */
export function validateRosterInput(input: Omit<RosterInput, 'assignments'> & { assignments?: RosterAssignment[] }): RosterInputIssue[] {
  const issues: RosterInputIssue[] = [];
  const span = monthSpan(input.month);
  if (!span) issues.push(issue('monthMalformed', [input.month]));
  issues.push(...ruleIssues(input.rules));

  const personIds = new Set<string>();
  for (const person of input.people) {
    if (personIds.has(person.id)) issues.push(issue('duplicatePerson', [person.id]));
    personIds.add(person.id);
    for (const l of person.leave) {
      const from = dayNumber(l.from);
      const to = dayNumber(l.to);
      if (from === undefined || to === undefined) issues.push(issue('leaveDateMalformed', [person.id, l.from, l.to]));
      else if (to < from) issues.push(issue('leaveEndsBeforeStart', [person.id, l.from, l.to]));
    }
  }

  const postIds = new Set<string>();
  const shiftKeys = new Set<string>();
  for (const post of input.posts) {
    if (postIds.has(post.id)) issues.push(issue('duplicatePost', [post.id]));
    postIds.add(post.id);
    for (const shift of post.shifts) {
      const key = shiftKey(post.id, shift.id);
      if (shiftKeys.has(key)) issues.push(issue('duplicateShift', [post.id, shift.id]));
      shiftKeys.add(key);
      const start = timeMinutes(shift.start);
      const end = timeMinutes(shift.end);
      if (start === undefined || end === undefined) issues.push(issue('shiftTimeMalformed', [post.id, shift.id]));
      else if (start === end) issues.push(issue('shiftZeroHours', [post.id, shift.id]));
      if (!Number.isInteger(shift.needed) || shift.needed < 1) issues.push(issue('shiftNeededBelowOne', [post.id, shift.id]));
    }
  }

  const check = (a: RosterAssignment, inMonth: boolean) => {
    const ids = [a.personId, a.postId, a.shiftId, a.day];
    const day = dayNumber(a.day);
    if (day === undefined) issues.push(issue('assignmentDayMalformed', ids));
    else if (inMonth && span && (day < span.first || day >= span.first + span.days)) issues.push(issue('assignmentOutsideMonth', ids));
    if (!personIds.has(a.personId)) issues.push(issue('assignmentUnknownPerson', ids));
    if (!postIds.has(a.postId)) issues.push(issue('assignmentUnknownPost', ids));
    else if (!shiftKeys.has(shiftKey(a.postId, a.shiftId))) issues.push(issue('assignmentUnknownShift', ids));
  };
  for (const a of input.assignments ?? []) check(a, true);
  // Previous-month assignments lie outside the month by design; only their ids and days must make sense.
  for (const a of input.previous ?? []) check(a, false);
  return issues;
}

function ruleIssues(rules: RosterInput['rules']): RosterInputIssue[] {
  // Rest may be fractional (10.5 hours); counts of shifts and days may not.
  const fields: Array<[keyof RosterInput['rules'], number, number, boolean]> = [
    ['maxShiftsPerWeek', 0, 21, true],
    ['minRestHours', 0, 168, false],
    ['daysOffPerMonth', 0, 31, true],
  ];
  return fields
    .filter(([field, min, max, integer]) => {
      const v = rules[field];
      return typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v));
    })
    .map(([field]) => issue('rulesInvalid', [field]));
}
