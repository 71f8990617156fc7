export * from './types';
export { checkRoster } from './checkRoster';
export { generateRoster } from './generateRoster';
export { validateRosterInput, type RosterInputIssue, type RosterInputIssueCode } from './validateRosterInput';
export { rosterFairness, rosterFairnessByRole } from './fairness';
export { currentMonthIn } from './currentMonth';
