import { AppError } from '../../../shared/envelope';
import type { Language } from '../../../shared/contract/common';
import type { Assignment, Post, Problem, RosterMonth, Rules, Staff } from '../../../shared/contract/rosters';
import { addDays } from '../../../shared/domain/equipmentExpiry';
import { zonedToUtc } from '../../../shared/domain/zonedTime';
import { todayIn } from '../../../shared/domain/equipmentExpiry';
import { checkRoster, generateRoster, rosterFairnessByRole, type RosterInput, type RosterProblem } from '../../../shared/domain/roster';
import { getPremises } from '../../../db/repositories/premises';
import * as repo from '../../../db/repositories/rosters';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { loadSettings } from './settingsService';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { renderPdf } from '../report/renderPdf';
import { renderRosterReport } from '../report/rosterReport';
import { rosterIcs } from '../export/rostersIcs';
import { rosterXlsx } from '../export/rostersXlsx';

export const DEFAULT_RULES: Rules = { maxShiftsPerWeek: 6, minRestHours: 11, noDayAfterNight: true, daysOffPerMonth: 4, fairness: true };
export const POST_COLOURS = 8;

const lang = (ctx: CommandContext): Language => loadSettings(ctx.db.sqlite).language;
const today = (ctx: CommandContext): string => todayIn(ctx.now(), loadSettings(ctx.db.sqlite).timeZone);

const invalid = (message: string, path: string, key: string) => new AppError('VALIDATION', message, { issues: [{ path, message: key }] });

// ---- month arithmetic ----
export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const isNight = (s: { start: string; end: string }) => minutes(s.end) <= minutes(s.start);
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The UTC instants a shift on a day starts and ends, in the delegation time zone. */
export function shiftInstants(day: string, shift: { start: string; end: string }, timeZone: string): { start: string; end: string } {
  const endDay = isNight(shift) ? addDays(day, 1) : day;
  return { start: zonedToUtc(`${day}T${shift.start}`, timeZone), end: zonedToUtc(`${endDay}T${shift.end}`, timeZone) };
}

// ---- reading ----
export function loadRules(ctx: CommandContext): Rules {
  return repo.readRules(ctx.db.sqlite) ?? DEFAULT_RULES;
}

export function loadPosts(ctx: CommandContext, premisesId?: string): Post[] {
  const all = repo.listPosts(ctx.db.sqlite);
  const shifts = repo.listShifts(ctx.db.sqlite);
  return all
    .map((p, index) => ({
      id: p.id,
      premisesId: p.premisesId,
      premisesName: p.premisesName,
      name: p.name,
      code: p.code,
      role: p.role,
      colour: index % POST_COLOURS,
      shifts: shifts.filter((s) => s.postId === p.id).map((s) => ({ id: s.id, label: s.label, start: s.start, end: s.end, needed: s.needed })),
    }))
    .filter((p) => !premisesId || p.premisesId === premisesId);
}

function loadStaff(ctx: CommandContext): Staff[] {
  const leave = repo.listLeave(ctx.db.sqlite);
  const future = repo.futureShiftCounts(ctx.db.sqlite, today(ctx));
  return repo.listStaff(ctx.db.sqlite).map((s) => ({
    ...s,
    leave: leave.filter((l) => l.staffId === s.id).map((l) => ({ id: l.id, from: l.fromDay, to: l.toDay, note: l.note })),
    futureShifts: future.get(s.id) ?? 0,
  }));
}

function requireStaff(ctx: CommandContext, id: string): Staff {
  const found = loadStaff(ctx).find((s) => s.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'That person is not in the guards and drivers register (deleted?). Nothing was saved.');
  return found;
}

function requirePost(ctx: CommandContext, id: string): Post {
  const found = loadPosts(ctx).find((p) => p.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'That post no longer exists. Nothing was saved.');
  return found;
}

interface MonthData {
  month: string;
  days: string[];
  staff: Staff[];
  posts: Post[];
  rules: Rules;
  assignments: repo.AssignmentRow[];
  previous: repo.AssignmentRow[];
}

function monthData(ctx: CommandContext, month: string): MonthData {
  const days = daysOfMonth(month);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  return {
    month,
    days,
    staff: loadStaff(ctx),
    posts: loadPosts(ctx),
    rules: loadRules(ctx),
    assignments: repo.assignmentsBetween(ctx.db.sqlite, first, last),
    previous: repo.assignmentsBetween(ctx.db.sqlite, addDays(first, -7), addDays(first, -1)),
  };
}

const toDomain = (a: { day: string; staffId: string; postId: string; shiftId: string }) => ({ day: a.day, personId: a.staffId, postId: a.postId, shiftId: a.shiftId });

export function rosterInput(data: MonthData): RosterInput {
  return {
    month: data.month,
    posts: data.posts.map((p) => ({ id: p.id, name: p.name, premisesId: p.premisesId, role: p.role, shifts: p.shifts })),
    // Inactive people still count when they hold cells, so their conflicts are seen; the generator only gets active ones.
    people: data.staff.map((s) => ({ id: s.id, name: s.name, role: s.role, leave: s.leave.map((l) => ({ from: l.from, to: l.to })) })),
    rules: data.rules,
    assignments: data.assignments.map(toDomain),
    previous: data.previous.map(toDomain),
  };
}

/** checkRoster is written alongside this module; until it lands the grid shows no conflicts and says so. */
function runCheck(input: RosterInput): { problems: RosterProblem[]; checked: boolean } {
  try {
    return { problems: checkRoster(input), checked: true };
  } catch (error) {
    if (error instanceof Error && /not written yet/.test(error.message)) return { problems: [], checked: false };
    throw error;
  }
}

export function translateProblems(problems: RosterProblem[], data: MonthData, l: Language): Problem[] {
  const t = translator(l);
  const staff = new Map(data.staff.map((s) => [s.id, s]));
  const posts = new Map(data.posts.map((p) => [p.id, p]));
  return problems.map((p) => {
    const post = p.postId ? posts.get(p.postId) : undefined;
    const shift = post?.shifts.find((s) => s.id === p.shiftId);
    // A double booking is about every cell of that person that day, not only the one the checker names.
    const exact = p.rule !== 'doubleBooking';
    const ids = data.assignments
      .filter((a) => p.personId && a.staffId === p.personId && a.day === p.day && (!exact || ((!p.postId || a.postId === p.postId) && (!p.shiftId || a.shiftId === p.shiftId))))
      .map((a) => a.id);
    const blocked = (p.blockedBy ?? []).map((r) => t(`rosters.rules.${r}`)).join(', ');
    return {
      rule: p.rule,
      day: p.day,
      staffId: p.personId ?? null,
      postId: p.postId ?? null,
      shiftId: p.shiftId ?? null,
      missing: p.missing ?? null,
      blockedBy: p.blockedBy ?? [],
      assignmentIds: ids,
      message: t(`rosters.problems.${p.rule}`, {
        day: p.day,
        person: p.personId ? (staff.get(p.personId)?.name ?? '?') : '',
        post: post ? `${post.name} (${post.premisesName})` : '',
        shift: shift?.label ?? '',
        missing: p.missing ?? 0,
      }) + (blocked ? ` ${t('rosters.problems.blockedBy', { rules: blocked })}` : ''),
    };
  });
}

function monthView(ctx: CommandContext, month: string): RosterMonth {
  const data = monthData(ctx, month);
  const input = rosterInput(data);
  const { problems, checked } = runCheck(input);
  // The same people the grid shows: the active, and anyone else who holds a cell this month.
  const holding = new Set(data.assignments.map((a) => a.staffId));
  const shown = new Set(data.staff.filter((s) => s.status === 'active' || holding.has(s.id)).map((s) => s.id));
  const fairness = rosterFairnessByRole({ posts: input.posts, people: input.people.filter((p) => shown.has(p.id)) }, input.assignments);
  const shiftOf = new Map(data.posts.flatMap((p) => p.shifts.map((s) => [s.id, s] as const)));
  const monthDays = new Set(data.days);
  const counts = data.staff.map((s) => {
    const mine = data.assignments.filter((a) => a.staffId === s.id && monthDays.has(a.day));
    const worked = new Set(mine.map((a) => a.day));
    return {
      staffId: s.id,
      shifts: mine.length,
      nights: mine.filter((a) => {
        const sh = shiftOf.get(a.shiftId);
        return sh ? isNight(sh) : false;
      }).length,
      weekends: mine.filter((a) => [0, 6].includes(weekday(a.day))).length,
      daysOff: data.days.length - worked.size,
    };
  });
  return {
    month,
    days: data.days,
    staff: data.staff.map((s) => ({ id: s.id, name: s.name, role: s.role, status: s.status, leave: s.leave })),
    posts: data.posts,
    assignments: data.assignments.map(toAssignment),
    problems: translateProblems(problems, data, lang(ctx)),
    checked,
    counts,
    fairness,
    rules: data.rules,
  };
}

const toAssignment = (a: repo.AssignmentRow): Assignment => ({ id: a.id, day: a.day, staffId: a.staffId, postId: a.postId, shiftId: a.shiftId, manual: a.manual });

// ---- writing ----
function checkShifts(shifts: { start: string; end: string; label: string }[]): void {
  shifts.forEach((s, i) => {
    if (s.start === s.end) {
      throw invalid(`The shift "${s.label}" starts and ends at ${s.start}: a shift cannot last 0 hours. Nothing was saved.`, `shifts.${i}.end`, 'zeroHourShift');
    }
  });
}

function postCode(name: string, code: string): string {
  if (code.trim()) return code.trim().toUpperCase();
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return (letters || name.slice(0, 3).toUpperCase()).slice(0, 4);
}

function savePostShifts(ctx: CommandContext, postId: string, shifts: { id?: string | undefined; label: string; start: string; end: string; needed: number }[], existing: Set<string>): void {
  shifts.forEach((s, position) => {
    const id = s.id && existing.has(s.id) ? s.id : newId();
    repo.upsertShift(ctx.db.orm, { id, postId, position, label: s.label, start: s.start, end: s.end, needed: s.needed }, existing.has(id));
  });
}

function requireCellTarget(ctx: CommandContext, a: { staffId: string; postId: string; shiftId: string }): void {
  if (!repo.getStaff(ctx.db.sqlite, a.staffId)) throw new AppError('NOT_FOUND', 'That person is not in the guards and drivers register. Nothing was saved.');
  const post = requirePost(ctx, a.postId);
  if (!post.shifts.some((s) => s.id === a.shiftId)) throw new AppError('NOT_FOUND', `That shift is not a shift of the post ${post.name}. Nothing was saved.`);
}

const monthOf = (day: string) => day.slice(0, 7);

function editResult(ctx: CommandContext, month: string, changed: number, skipped: number) {
  if (changed) ctx.emit('rosters.changed');
  return { changed, skipped, month: monthView(ctx, month) };
}

// ---- presence ----
function presenceDay(ctx: CommandContext, day: string) {
  const tz = loadSettings(ctx.db.sqlite).timeZone;
  const posts = loadPosts(ctx);
  const staff = new Map(repo.listStaff(ctx.db.sqlite).map((s) => [s.id, s.name]));
  const assignments = repo.assignmentsBetween(ctx.db.sqlite, day, day);
  const checks = repo.presenceBetween(ctx.db.sqlite, day, day);
  const now = ctx.now().getTime();
  return {
    day,
    slots: posts.flatMap((p) =>
      p.shifts.map((s) => ({
        postId: p.id,
        postName: p.name,
        postCode: p.code,
        premisesName: p.premisesName,
        shiftId: s.id,
        shiftLabel: s.label,
        start: s.start,
        end: s.end,
        finished: new Date(shiftInstants(day, s, tz).end).getTime() <= now,
        expected: assignments.filter((a) => a.postId === p.id && a.shiftId === s.id).map((a) => ({ staffId: a.staffId, name: staff.get(a.staffId) ?? '?' })),
        checks: checks.filter((c) => c.postId === p.id && c.shiftId === s.id).map(({ createdAt: _c, ...c }) => c),
      })),
    ),
  };
}

/** Per person between two days: shifts rostered and worked, and what the presence checks found. */
export function presenceSummary(ctx: CommandContext, first: string, last: string) {
    const assignments = repo.assignmentsBetween(ctx.db.sqlite, first, last);
    const checks = repo.presenceBetween(ctx.db.sqlite, first, last);
    const feedback = repo.listFeedback(ctx.db.sqlite);
    return repo.listStaff(ctx.db.sqlite).map((s) => {
      const mine = assignments.filter((a) => a.staffId === s.id);
      const statusesOf = (a: repo.AssignmentRow) => checks.filter((c) => c.staffId === s.id && c.day === a.day && c.postId === a.postId && c.shiftId === a.shiftId).map((c) => c.status);
      const per = mine.map(statusesOf);
      const has = (status: string) => per.filter((st) => st.includes(status as never)).length;
      const missed = per.filter((st) => st.includes('absent') || st.includes('replaced')).length;
      const covering = checks.filter((c) => c.status === 'replaced' && c.replacedById === s.id).length;
      return {
        staffId: s.id,
        name: s.name,
        role: s.role,
        rostered: mine.length,
        worked: mine.length - missed + covering,
        present: has('present'),
        absent: has('absent'),
        late: has('late'),
        asleep: has('asleep'),
        replaced: has('replaced'),
        lastRating: feedback.find((f) => f.staffId === s.id)?.rating ?? null,
      };
    });
}

// ---- exports ----
async function exportRoster(ctx: CommandContext, request: Parameters<Handlers<'rosters.export'>['rosters.export']>[1]) {
  const target = checkExportTarget(request.path, request.format);
  const settings = loadSettings(ctx.db.sqlite);
  const l = request.lang ?? settings.language;
  const data = monthData(ctx, request.month);
  if (request.premisesId && !getPremises(ctx.db.sqlite, request.premisesId)) throw new AppError('NOT_FOUND', 'Those premises no longer exist.');
  if (request.staffId && !data.staff.some((s) => s.id === request.staffId)) throw new AppError('NOT_FOUND', 'That person is not in the guards and drivers register.');
  const posts = request.premisesId ? data.posts.filter((p) => p.premisesId === request.premisesId) : data.posts;
  const model = { ...data, posts, assignments: data.assignments.filter((a) => posts.some((p) => p.id === a.postId)) };
  if (request.format === 'pdf') {
    const html = renderRosterReport({ data: model, lang: l, settings, generatedAt: ctx.nowIso() });
    const pdf = await renderPdf(html.html, { paper: request.paper, chromium: request.chromium });
    const written = writeExport(target, pdf.data);
    return { ...written, rows: model.assignments.length, verified: true, pages: pdf.pages };
  }
  if (request.format === 'xlsx') {
    const bytes = await rosterXlsx({ data: model, lang: l, settings });
    const written = writeExport(target, bytes);
    return { ...written, rows: model.staff.length, verified: true };
  }
  const events = request.staffId ? model.assignments.filter((a) => a.staffId === request.staffId) : model.assignments;
  const ics = rosterIcs({ data: { ...model, assignments: events }, lang: l, settings, withPerson: !request.staffId, nowIso: ctx.nowIso() });
  const written = writeExport(target, Buffer.from(ics, 'utf8'));
  return { ...written, rows: events.length, verified: true };
}

export type RosterModel = MonthData;

export const rostersHandlers: Handlers<
  | 'rosters.staff.list'
  | 'rosters.staff.create'
  | 'rosters.staff.update'
  | 'rosters.staff.delete'
  | 'rosters.leave.add'
  | 'rosters.leave.delete'
  | 'rosters.posts.list'
  | 'rosters.posts.create'
  | 'rosters.posts.update'
  | 'rosters.posts.delete'
  | 'rosters.rules.get'
  | 'rosters.rules.update'
  | 'rosters.month'
  | 'rosters.generate'
  | 'rosters.assign'
  | 'rosters.move'
  | 'rosters.clear'
  | 'rosters.copy'
  | 'rosters.presence.day'
  | 'rosters.presence.record'
  | 'rosters.presence.summary'
  | 'rosters.feedback.add'
  | 'rosters.feedback.list'
  | 'rosters.board'
  | 'rosters.export'
> = {
  'rosters.staff.list': (ctx, { includeInactive }) => loadStaff(ctx).filter((s) => includeInactive || s.status === 'active'),

  'rosters.staff.create': (ctx, input) => {
    const created = ctx.transact((audit) => {
      const now = ctx.nowIso();
      const id = newId();
      repo.insertStaff(ctx.db.orm, { id, ...input, createdAt: now, updatedAt: now });
      const after = requireStaff(ctx, id);
      audit({ entity: 'roster_staff', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('rosters.changed', [created.id]);
    return created;
  },

  'rosters.staff.update': (ctx, { id, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requireStaff(ctx, id);
      repo.updateStaff(ctx.db.orm, { id, ...input, updatedAt: ctx.nowIso() });
      const after = requireStaff(ctx, id);
      audit({ entity: 'roster_staff', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('rosters.changed', [id]);
    return updated;
  },

  'rosters.staff.delete': (ctx, { id, removeFutureShifts }) => {
    const removed = ctx.transact((audit) => {
      const before = requireStaff(ctx, id);
      const from = today(ctx);
      const future = repo.countAssignmentsFrom(ctx.db.sqlite, id, from);
      if (future > 0 && !removeFutureShifts) {
        throw new AppError(
          'CONFLICT',
          `${before.name} is on the roster for ${future} shift${future === 1 ? '' : 's'} from ${from} on. Remove those shifts first (or delete with "remove future shifts"), or mark the person inactive. Nothing was deleted.`,
          { futureShifts: future },
        );
      }
      // Past cells go with the person: a roster cell must never point at nobody.
      const count = repo.deleteAssignmentsOfStaff(ctx.db.sqlite, id, null);
      repo.deleteStaff(ctx.db.orm, id);
      audit({ entity: 'roster_staff', entityId: id, action: 'delete', before, after: { removedShifts: count } });
      return future;
    });
    ctx.emit('rosters.changed', [id]);
    return { id, removedShifts: removed };
  },

  'rosters.leave.add': (ctx, input) => {
    if (input.to < input.from) {
      throw invalid(`The leave ends (${input.to}) before it starts (${input.from}). Nothing was saved.`, 'to', 'leaveEndsBeforeStart');
    }
    const after = ctx.transact((audit) => {
      requireStaff(ctx, input.staffId);
      const id = newId();
      repo.insertLeave(ctx.db.orm, { id, staffId: input.staffId, fromDay: input.from, toDay: input.to, note: input.note, createdAt: ctx.nowIso() });
      audit({ entity: 'roster_leave', entityId: id, action: 'create', after: input });
      return requireStaff(ctx, input.staffId);
    });
    ctx.emit('rosters.changed', [input.staffId]);
    return after;
  },

  'rosters.leave.delete': (ctx, { id }) => {
    const after = ctx.transact((audit) => {
      const before = repo.getLeave(ctx.db.sqlite, id);
      if (!before) throw new AppError('NOT_FOUND', 'That leave period no longer exists.');
      repo.deleteLeave(ctx.db.orm, id);
      audit({ entity: 'roster_leave', entityId: id, action: 'delete', before });
      return requireStaff(ctx, before.staffId);
    });
    ctx.emit('rosters.changed', [after.id]);
    return after;
  },

  'rosters.posts.list': (ctx, { premisesId }) => loadPosts(ctx, premisesId),

  'rosters.posts.create': (ctx, input) => {
    checkShifts(input.shifts);
    const created = ctx.transact((audit) => {
      if (!getPremises(ctx.db.sqlite, input.premisesId)) throw invalid('Those premises no longer exist. Nothing was saved.', 'premisesId', 'unknownPremises');
      const now = ctx.nowIso();
      const id = newId();
      repo.insertPost(ctx.db.orm, { id, premisesId: input.premisesId, name: input.name, code: postCode(input.name, input.code), role: input.role, createdAt: now, updatedAt: now });
      savePostShifts(ctx, id, input.shifts, new Set());
      const after = requirePost(ctx, id);
      audit({ entity: 'roster_post', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('rosters.changed', [created.id]);
    return created;
  },

  'rosters.posts.update': (ctx, { id, removeAssignments, ...input }) => {
    checkShifts(input.shifts);
    const updated = ctx.transact((audit) => {
      const before = requirePost(ctx, id);
      if (!getPremises(ctx.db.sqlite, input.premisesId)) throw invalid('Those premises no longer exist. Nothing was saved.', 'premisesId', 'unknownPremises');
      const kept = new Set(input.shifts.map((s) => s.id).filter((s): s is string => Boolean(s)));
      const dropped = before.shifts.filter((s) => !kept.has(s.id)).map((s) => s.id);
      const used = repo.countAssignmentsOfShifts(ctx.db.sqlite, dropped);
      if (used > 0 && !removeAssignments) {
        throw new AppError('CONFLICT', `The shifts you removed hold ${used} roster cell${used === 1 ? '' : 's'}. Clear them first, or save with "remove their cells". Nothing was saved.`, {
          assignments: used,
        });
      }
      repo.deleteAssignmentsOfShifts(ctx.db.sqlite, dropped);
      repo.deleteShifts(ctx.db.orm, dropped);
      repo.updatePost(ctx.db.orm, { id, premisesId: input.premisesId, name: input.name, code: postCode(input.name, input.code), role: input.role, updatedAt: ctx.nowIso() });
      savePostShifts(ctx, id, input.shifts, new Set(before.shifts.map((s) => s.id)));
      const after = requirePost(ctx, id);
      audit({ entity: 'roster_post', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('rosters.changed', [id]);
    return updated;
  },

  'rosters.posts.delete': (ctx, { id, removeAssignments }) => {
    ctx.transact((audit) => {
      const before = requirePost(ctx, id);
      const shiftIds = before.shifts.map((s) => s.id);
      const used = repo.countAssignmentsOfShifts(ctx.db.sqlite, shiftIds);
      if (used > 0 && !removeAssignments) {
        throw new AppError('CONFLICT', `The post ${before.name} holds ${used} roster cell${used === 1 ? '' : 's'}. Clear them first, or delete with "remove its cells". Nothing was deleted.`, {
          assignments: used,
        });
      }
      repo.deleteAssignmentsOfShifts(ctx.db.sqlite, shiftIds);
      repo.deletePost(ctx.db.orm, id);
      audit({ entity: 'roster_post', entityId: id, action: 'delete', before });
    });
    ctx.emit('rosters.changed', [id]);
    return { id };
  },

  'rosters.rules.get': (ctx) => loadRules(ctx),

  'rosters.rules.update': (ctx, rules) => {
    const after = ctx.transact((audit) => {
      const before = loadRules(ctx);
      repo.writeRules(ctx.db.orm, rules, ctx.nowIso());
      audit({ entity: 'roster_rules', entityId: 'rules', action: 'update', before, after: rules });
      return loadRules(ctx);
    });
    ctx.emit('rosters.changed');
    return after;
  },

  'rosters.month': (ctx, { month }) => monthView(ctx, month),

  'rosters.generate': (ctx, { month, keepManual, seed }) => {
    const data = monthData(ctx, month);
    const fixed = keepManual ? data.assignments.filter((a) => a.manual) : [];
    const input = rosterInput({ ...data, assignments: fixed });
    const active = new Set(data.staff.filter((s) => s.status === 'active').map((s) => s.id));
    const result = generateRoster(
      { month: input.month, posts: input.posts, people: input.people.filter((p) => active.has(p.id)), rules: input.rules, ...(input.previous ? { previous: input.previous } : {}) },
      { fixed: fixed.map(toDomain), seed: seed ?? 1 },
    );
    const fixedKeys = new Set(fixed.map((a) => `${a.day}|${a.staffId}|${a.postId}|${a.shiftId}`));
    const days = new Set(data.days);
    const seen = new Set<string>();
    const fresh = result.assignments.filter((a) => {
      const key = `${a.day}|${a.personId}|${a.postId}|${a.shiftId}`;
      if (fixedKeys.has(key) || seen.has(key) || !days.has(a.day)) return false;
      seen.add(key);
      return true;
    });
    const assigned = ctx.transact((audit) => {
      const removed = repo.deleteMonth(ctx.db.orm, month, keepManual);
      const now = ctx.nowIso();
      repo.insertAssignments(
        ctx.db.orm,
        fresh.map((a) => ({ id: newId(), month, day: a.day, staffId: a.personId, postId: a.postId, shiftId: a.shiftId, manual: false, createdAt: now })),
      );
      audit({ entity: 'roster_month', entityId: month, action: 'generate', before: { removed }, after: { assigned: fresh.length, kept: fixed.length, unsatisfied: result.unsatisfied.length } });
      return fresh.length;
    });
    ctx.emit('rosters.changed');
    const view = monthView(ctx, month);
    return {
      assigned,
      unsatisfied: translateProblems(result.unsatisfied, { ...data, assignments: repo.assignmentsBetween(ctx.db.sqlite, data.days[0]!, data.days.at(-1)!) }, lang(ctx)),
      fairness: result.fairness,
      month: view,
    };
  },

  'rosters.assign': (ctx, input) => {
    const changed = ctx.transact((audit) => {
      requireCellTarget(ctx, input);
      if (repo.findCell(ctx.db.sqlite, input)) return 0;
      const id = newId();
      repo.insertAssignments(ctx.db.orm, [{ id, month: monthOf(input.day), ...input, manual: true, createdAt: ctx.nowIso() }]);
      audit({ entity: 'roster_assignment', entityId: id, action: 'create', after: input });
      return 1;
    });
    return editResult(ctx, monthOf(input.day), changed, 1 - changed);
  },

  'rosters.move': (ctx, { id, toDay, toStaffId }) => {
    const [before] = repo.assignmentsByIds(ctx.db.sqlite, [id]);
    if (!before) throw new AppError('NOT_FOUND', 'That roster cell no longer exists (cleared meanwhile?). Nothing was moved.');
    const changed = ctx.transact((audit) => {
      const staffId = toStaffId ?? before.staffId;
      if (!repo.getStaff(ctx.db.sqlite, staffId)) throw new AppError('NOT_FOUND', 'That person is not in the guards and drivers register. Nothing was moved.');
      const target = { day: toDay, staffId, postId: before.postId, shiftId: before.shiftId };
      const clash = repo.findCell(ctx.db.sqlite, target);
      if (clash && clash.id !== id) return 0;
      repo.moveAssignment(ctx.db.orm, id, { day: toDay, month: monthOf(toDay), staffId });
      audit({ entity: 'roster_assignment', entityId: id, action: 'update', before, after: target });
      return 1;
    });
    return editResult(ctx, monthOf(before.day), changed, 1 - changed);
  },

  'rosters.clear': (ctx, { ids }) => {
    const rows = repo.assignmentsByIds(ctx.db.sqlite, ids);
    if (!rows.length) throw new AppError('NOT_FOUND', 'Those roster cells no longer exist.');
    ctx.transact((audit) => {
      repo.deleteAssignments(
        ctx.db.orm,
        rows.map((r) => r.id),
      );
      for (const r of rows) audit({ entity: 'roster_assignment', entityId: r.id, action: 'delete', before: r });
    });
    return editResult(ctx, monthOf(rows[0]!.day), rows.length, ids.length - rows.length);
  },

  'rosters.copy': (ctx, { ids, dayOffset, toStaffId }) => {
    const rows = repo.assignmentsByIds(ctx.db.sqlite, ids);
    if (!rows.length) throw new AppError('NOT_FOUND', 'Those roster cells no longer exist. Nothing was copied.');
    const result = ctx.transact((audit) => {
      if (toStaffId && !repo.getStaff(ctx.db.sqlite, toStaffId)) throw new AppError('NOT_FOUND', 'That person is not in the guards and drivers register. Nothing was copied.');
      const now = ctx.nowIso();
      let changed = 0;
      const made = new Set<string>();
      for (const r of rows) {
        const target = { day: addDays(r.day, dayOffset), staffId: toStaffId ?? r.staffId, postId: r.postId, shiftId: r.shiftId };
        const key = `${target.day}|${target.staffId}|${target.postId}|${target.shiftId}`;
        if (made.has(key) || repo.findCell(ctx.db.sqlite, target)) continue;
        made.add(key);
        const id = newId();
        repo.insertAssignments(ctx.db.orm, [{ id, month: monthOf(target.day), ...target, manual: true, createdAt: now }]);
        audit({ entity: 'roster_assignment', entityId: id, action: 'create', after: { ...target, copiedFrom: r.id } });
        changed += 1;
      }
      return changed;
    });
    const firstTarget = addDays(rows[0]!.day, dayOffset);
    return editResult(ctx, monthOf(firstTarget), result, rows.length - result);
  },

  'rosters.presence.day': (ctx, { day }) => presenceDay(ctx, day),

  'rosters.presence.record': (ctx, input) => {
    const check = ctx.transact((audit) => {
      const post = requirePost(ctx, input.postId);
      if (!post.shifts.some((s) => s.id === input.shiftId)) throw new AppError('NOT_FOUND', `That shift is not a shift of the post ${post.name}. Nothing was saved.`);
      if (input.staffId && !repo.getStaff(ctx.db.sqlite, input.staffId)) throw new AppError('NOT_FOUND', 'That person is not in the guards and drivers register. Nothing was saved.');
      if (input.replacedById && !repo.getStaff(ctx.db.sqlite, input.replacedById)) {
        throw new AppError('NOT_FOUND', 'The replacement is not in the guards and drivers register. Nothing was saved.');
      }
      const id = newId();
      const now = ctx.nowIso();
      repo.insertPresence(ctx.db.orm, {
        id,
        day: input.day,
        postId: input.postId,
        shiftId: input.shiftId,
        staffId: input.staffId,
        status: input.status,
        replacedById: input.status === 'replaced' ? input.replacedById : null,
        replacedByName: input.status === 'replaced' ? input.replacedByName : '',
        checkedBy: input.checkedBy?.trim() || ctx.actor() || '',
        checkedAt: input.checkedAt ?? now,
        note: input.note,
        adHoc: input.adHoc,
        createdAt: now,
      });
      const { createdAt: _c, ...after } = repo.getPresence(ctx.db.sqlite, id)!;
      audit({ entity: 'roster_presence', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('rosters.changed', [check.id]);
    return check;
  },

  'rosters.presence.summary': (ctx, { month }) => {
    const days = daysOfMonth(month);
    return presenceSummary(ctx, days[0]!, days.at(-1)!);
  },

  'rosters.feedback.add': (ctx, input) => {
    const row = ctx.transact((audit) => {
      requireStaff(ctx, input.staffId);
      const id = newId();
      repo.insertFeedback(ctx.db.orm, { id, ...input, by: ctx.actor() || '', at: ctx.nowIso() });
      const after = repo.listFeedback(ctx.db.sqlite, input.staffId).find((f) => f.id === id)!;
      audit({ entity: 'roster_feedback', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('rosters.changed', [input.staffId]);
    return row;
  },

  'rosters.feedback.list': (ctx, { staffId }) => repo.listFeedback(ctx.db.sqlite, staffId),

  'rosters.board': (ctx) => {
    const t = today(ctx);
    const missing = [addDays(t, -1), t].flatMap((day) =>
      presenceDay(ctx, day)
        .slots.filter((s) => s.finished && s.expected.length > 0 && s.checks.length === 0)
        .map((s) => ({ day, postName: s.postName, premisesName: s.premisesName, shiftLabel: s.shiftLabel })),
    );
    const month = monthView(ctx, t.slice(0, 7));
    return { missingChecks: missing.length, missing: missing.slice(0, 20), problemsThisMonth: month.problems.filter((p) => p.rule !== 'daysOff').length };
  },

  'rosters.export': (ctx, request) => exportRoster(ctx, request),
};
