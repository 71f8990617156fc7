import ICAL from 'ical.js';
import { tzOffset } from '@date-fns/tz';
import type { Language } from '../../../shared/contract/common';
import type { Settings } from '../../../shared/contract/settings';
import { addDays } from '../../../shared/domain/equipmentExpiry';
import { zonedToUtc } from '../../../shared/domain/zonedTime';
import { translator } from '../i18n';
import type { RosterModel } from '../services/rostersService';

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

/** Local wall-clock time of a UTC instant at a given offset, as iCalendar DATE-TIME text (floating). */
function localStamp(instantMs: number, offset: number): string {
  const d = new Date(instantMs + offset * 60_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/**
 * A VTIMEZONE for an IANA zone over the given years, from the runtime's time zone database: one observance
 * per offset change found (searched day by day, then to the minute), so a calendar application places the
 * shifts at the right wall-clock time even across a daylight-saving change.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): ICAL.Component {
  const tz = new ICAL.Component('vtimezone');
  tz.addPropertyWithValue('tzid', timeZone);
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const offsets: number[] = [];
  const transitions: { at: number; from: number; to: number }[] = [];
  let previous = tzOffset(timeZone, new Date(start));
  offsets.push(previous);
  for (let t = start + 86_400_000; t <= end; t += 86_400_000) {
    const current = tzOffset(timeZone, new Date(t));
    if (current !== previous) {
      let lo = t - 86_400_000;
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (tzOffset(timeZone, new Date(mid)) === previous) lo = mid;
        else hi = mid;
      }
      transitions.push({ at: hi, from: previous, to: current });
      offsets.push(current);
      previous = current;
    }
  }
  const standardOffset = Math.min(...offsets);
  const observance = (kind: 'standard' | 'daylight', at: number, from: number, to: number) => {
    const c = new ICAL.Component(kind);
    c.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString(localStamp(at, from).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3T$4:$5:$6')));
    c.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(from * 60));
    c.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(to * 60));
    c.addPropertyWithValue('tzname', `UTC${offsetText(to)}`);
    tz.addSubcomponent(c);
  };
  const first = offsets[0]!;
  observance(first === standardOffset ? 'standard' : 'daylight', start, first, first);
  for (const tr of transitions) observance(tr.to === standardOffset ? 'standard' : 'daylight', tr.at, tr.from, tr.to);
  return tz;
}

/** A wall-clock time, later tagged with the zone id (DTSTART;TZID=...): the VTIMEZONE says what it means. */
const localTime = (day: string, hhmm: string): ICAL.Time => ICAL.Time.fromDateTimeString(`${day}T${hhmm}:00`);

export interface RosterIcsInput {
  data: RosterModel;
  lang: Language;
  settings: Settings;
  /** Name the person in each event (a calendar of everyone's shifts). */
  withPerson: boolean;
  nowIso: string;
}

/** The shifts as an iCalendar file: events in the delegation time zone, with its VTIMEZONE. */
export function rosterIcs({ data, lang, settings, withPerson, nowIso }: RosterIcsInput): string {
  const t = translator(lang);
  const timeZone = settings.timeZone || 'UTC';
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', '-//Vigil//Duty roster//EN');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('x-wr-calname', `${t('rosters.export.calendarName')} ${data.month}${settings.isDemo ? ` — ${t('demoMarker')}` : ''}`);
  cal.addPropertyWithValue('x-wr-timezone', timeZone);
  const year = Number(data.month.slice(0, 4));
  cal.addSubcomponent(vtimezone(timeZone, year, year + (data.month.endsWith('-12') ? 1 : 0)));
  const posts = new Map(data.posts.map((p) => [p.id, p]));
  const staff = new Map(data.staff.map((s) => [s.id, s]));
  const stamp = ICAL.Time.fromJSDate(new Date(nowIso), true);
  for (const a of data.assignments) {
    const post = posts.get(a.postId);
    const shift = post?.shifts.find((s) => s.id === a.shiftId);
    if (!post || !shift) continue;
    const endDay = shift.end <= shift.start ? addDays(a.day, 1) : a.day;
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', `${a.id}@vigil`);
    ev.addPropertyWithValue('dtstamp', stamp);
    const dtstart = ev.addPropertyWithValue('dtstart', localTime(a.day, shift.start));
    dtstart.setParameter('tzid', timeZone);
    const dtend = ev.addPropertyWithValue('dtend', localTime(endDay, shift.end));
    dtend.setParameter('tzid', timeZone);
    const person = staff.get(a.staffId)?.name ?? '?';
    const title = `${post.code} ${post.name} — ${shift.label}`;
    ev.addPropertyWithValue('summary', withPerson ? `${person}: ${title}` : title);
    ev.addPropertyWithValue('location', post.premisesName);
    const description = [
      `${t('rosters.export.person')}: ${person}`,
      `${t('rosters.export.post')}: ${post.name} (${post.premisesName})`,
      `${t('rosters.export.shift')}: ${shift.label} ${shift.start}–${shift.end}`,
      `UTC: ${zonedToUtc(`${a.day}T${shift.start}`, timeZone)}`,
      settings.isDemo ? t('demoMarker') : '',
    ].filter(Boolean);
    ev.addPropertyWithValue('description', description.join('\n'));
    cal.addSubcomponent(ev);
  }
  return cal.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
