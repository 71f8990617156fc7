import type { DateOrder } from '../../../shared/contract/incidents';
import { daysInMonth } from '../../../shared/domain/partialDate';

/**
 * Cell value parsing for imports: untrusted, messy, in any of the formats spreadsheets carry. Every
 * parser returns a value, null (the cell says "nothing known") or a problem code with a plain message;
 * nothing is ever guessed (no invented day, no repaired coordinate).
 *
 * A problem carries its English message and, for other languages, a message key with its parameters
 * (`incidentsImport.messages.<key>` in the core locales): this module stays free of i18n.
 */
export type MessageParams = Record<string, string | number | readonly string[]>;

export interface Problem {
  ok: false;
  code: string;
  /** English. */
  message: string;
  key: string;
  params: MessageParams;
}

export type Parsed<T> = { ok: true; value: T | null } | Problem;

/**
 * Puts a message in the user's language from its key and parameters; `english` is the text as written
 * here. Numbers in `params` are formatted for the language (a parameter named `value` is the cell's own
 * number, shown without thousands grouping); a list is shown as quoted items.
 */
export type Say = (key: string, params: MessageParams, english: string) => string;

/** The English text, as the messages always were. */
export const sayEnglish: Say = (_key, _params, english) => english;

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = (code: string, key: string, params: MessageParams, message: string): Problem => ({ ok: false, code, message, key, params });

/** A number shown in a message as it is, or as text when it is not finite (NaN, Infinity). */
const num = (n: number): number | string => (Number.isFinite(n) ? n : String(n));

const NULL_WORDS = new Set([
  '',
  '-',
  '--',
  '?',
  'n/a',
  'na',
  'nil',
  'null',
  'none',
  'unknown',
  'no information',
  'not known',
  'not applicable',
  'notapplicable',
  'unspecified',
  'inconnu',
  'inconnue',
  'non renseigné',
  'non renseigne',
  'aucune information',
  'desconocido',
  'sin información',
  'sin informacion',
  'غير معروف',
]);

/** Blank, or a word that means "nothing known": stored as null, never as the word itself. */
export function isNothing(value: unknown): boolean {
  if (value == null) return true;
  if (typeof value !== 'string') return false;
  return NULL_WORDS.has(value.trim().toLowerCase().replace(/\s+/g, ' '));
}

/** A cell as text, the way a person reads it. */
export function cellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).trim();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validDay(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function dayOrInstant(y: number, m: number, d: number, time: { h: number; min: number; s: number } | null): Parsed<string> {
  if (!validDay(y, m, d)) return bad('INVALID_DATE', 'notCalendarDay', { value: `${pad(d)}/${pad(m)}/${y}` }, `${pad(d)}/${pad(m)}/${y} is not a calendar day.`);
  if (!time) return ok(`${y}-${pad(m)}-${pad(d)}`);
  if (time.h > 23 || time.min > 59 || time.s > 59) return bad('INVALID_DATE', 'badTimeOfDay', {}, 'The time of day is not valid.');
  return ok(`${y}-${pad(m)}-${pad(d)}T${pad(time.h)}:${pad(time.min)}:${pad(time.s)}Z`);
}

/** Excel's day count from 1899-12-30 (it counts a 29 February 1900 that never was; serials after it are right). */
export function fromExcelSerial(serial: number): Parsed<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial > 110_000) return bad('INVALID_DATE', 'serialNotDate', { value: num(serial) }, `${serial} is not a date.`);
  const ms = Math.round((serial - 25569) * 86_400_000);
  const d = new Date(ms);
  const hasTime = Math.abs(serial - Math.floor(serial)) > 1e-9;
  return dayOrInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hasTime ? { h: d.getUTCHours(), min: d.getUTCMinutes(), s: d.getUTCSeconds() } : null);
}

const MONTHS: Record<string, number> = {};
[
  ['january', 'jan', 'janvier', 'janv', 'enero', 'ene'],
  ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'febrero'],
  ['march', 'mar', 'mars', 'marzo'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
  ['may', 'mai', 'mayo'],
  ['june', 'jun', 'juin', 'junio'],
  ['july', 'jul', 'juillet', 'juil', 'julio'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre'],
  ['october', 'oct', 'octobre', 'octubre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'décembre', 'decembre', 'déc', 'diciembre', 'dic'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const TIME = /(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface NumericDateParts {
  a: number;
  b: number;
}

/** The two leading numbers of a `a/b/yyyy` date, to infer a column's day/month order. */
export function slashDateParts(value: unknown): NumericDateParts | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(value);
  return m ? { a: Number(m[1]), b: Number(m[2]) } : null;
}

/**
 * A date cell to a partial date. `order` says how `a/b/yyyy` reads; without it, a date whose day and
 * month could be swapped is refused as ambiguous rather than guessed.
 */
export function parseDate(value: unknown, order: DateOrder | null): Parsed<string> {
  if (isNothing(value)) return ok(null);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return bad('INVALID_DATE', 'invalidDateCell', {}, 'The date cell is not a valid date.');
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return dayOrInstant(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), midnight ? null : { h: value.getUTCHours(), min: value.getUTCMinutes(), s: value.getUTCSeconds() });
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1900 && value <= 2200) return ok(String(value));
    return fromExcelSerial(value);
  }
  const raw = String(value).trim();
  const s = raw.replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) {
    const y = Number(m[1]);
    return y >= 1900 && y <= 2200 ? ok(m[1]!) : bad('INVALID_DATE', 'implausibleYear', { value: raw }, `${raw} is not a plausible year.`);
  }
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(s)) || (m = /^(\d{1,2})[-/.](\d{4})$/.exec(s))) {
    const [y, mo] = m[1]!.length === 4 ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
    if (mo < 1 || mo > 12 || y < 1900 || y > 2200) return bad('INVALID_DATE', 'invalidMonth', { value: raw }, `${raw} is not a valid month.`);
    return ok(`${y}-${pad(mo)}`);
  }
  if (/^\d+(\.\d+)?$/.test(s) && Number(s) > 2200) return fromExcelSerial(Number(s));
  // Month names: "February 2024", "12 Feb 2024", "févr. 2024".
  if ((m = /^(?:(\d{1,2})\s+)?([\p{L}]+)\.?,?\s+(\d{4})$/u.exec(s))) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (!mo) return bad('INVALID_DATE', 'unreadableDate', { value: raw }, `${raw} is not a date Vigil can read.`);
    const y = Number(m[3]);
    if (!m[1]) return y >= 1900 && y <= 2200 ? ok(`${y}-${pad(mo)}`) : bad('INVALID_DATE', 'implausibleDate', { value: raw }, `${raw} is not a plausible date.`);
    return dayOrInstant(y, mo, Number(m[1]), null);
  }
  const timeMatch = TIME.exec(s);
  const datePart = timeMatch && timeMatch[1] !== undefined ? s.slice(0, timeMatch.index) : s;
  let time = timeMatch && timeMatch[1] !== undefined ? { h: Number(timeMatch[1]), min: Number(timeMatch[2]), s: Number(timeMatch[3] ?? 0) } : null;
  const zone = timeMatch?.[4];
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(datePart))) {
    if (time && zone && zone !== 'Z') {
      const iso = new Date(`${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}T${pad(time.h)}:${pad(time.min)}:${pad(time.s)}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
      if (Number.isNaN(iso.getTime())) return bad('INVALID_DATE', 'invalidDate', { value: raw }, `${raw} is not a valid date.`);
      if (!validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return bad('INVALID_DATE', 'notCalendarDay', { value: raw }, `${raw} is not a calendar day.`);
      time = { h: iso.getUTCHours(), min: iso.getUTCMinutes(), s: iso.getUTCSeconds() };
      return dayOrInstant(iso.getUTCFullYear(), iso.getUTCMonth() + 1, iso.getUTCDate(), time);
    }
    return dayOrInstant(Number(m[1]), Number(m[2]), Number(m[3]), time);
  }
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(datePart))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    let effective = order;
    if (effective === 'ymd' || effective === null) {
      // A day above 12 settles it whatever was asked; otherwise the order must be known.
      if (a > 12 && b <= 12) effective = 'dmy';
      else if (b > 12 && a <= 12) effective = 'mdy';
      else if (a === b) effective = 'dmy';
      else
        return bad('AMBIGUOUS_DATE', 'ambiguousDate', { value: raw }, `${raw} could be day/month or month/day: choose the date order (--date-order dmy or mdy).`);
    }
    return effective === 'dmy' ? dayOrInstant(y, b, a, time) : dayOrInstant(y, a, b, time);
  }
  return bad('INVALID_DATE', 'unreadableDate', { value: raw }, `${raw} is not a date Vigil can read.`);
}

/**
 * A number cell: accepts a decimal comma ("12,5"), spaces or apostrophes between thousands ("1 250",
 * "1'250"); refuses anything that would need a guess ("1.250,5.3").
 */
export function parseNumber(value: unknown): Parsed<number> {
  if (isNothing(value)) return ok(null);
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : bad('INVALID_NUMBER', 'notNumber', {}, 'Not a number.');
  if (typeof value === 'boolean') return bad('INVALID_NUMBER', 'notNumber', {}, 'Not a number.');
  const raw = String(value).trim();
  const s = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (/^[+-]?\d+$/.test(s)) return ok(Number(s));
  if (/^[+-]?\d*[.,]\d+$/.test(s)) return ok(Number(s.replace(',', '.')));
  // Grouped thousands with the other mark as the decimal: "1.250,5" or "1,250.5".
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return ok(Number(s.replace(/\./g, '').replace(',', '.')));
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return ok(Number(s.replace(/,/g, '')));
  return bad('INVALID_NUMBER', 'notNumberValue', { value: raw.slice(0, 40) }, `"${raw.slice(0, 40)}" is not a number.`);
}

/** A casualty or other count: a whole number from 0 up. */
export function parseCount(value: unknown): Parsed<number> {
  const n = parseNumber(value);
  if (!n.ok || n.value === null) return n;
  if (!Number.isInteger(n.value) || n.value < 0 || n.value > 1_000_000) {
    return bad('INVALID_COUNT', 'notCount', { value: n.value }, `${n.value} is not a count (a whole number from 0).`);
  }
  return n;
}

/**
 * A latitude or longitude in decimal degrees. Only one decimal mark is accepted: "1.407.092.855" is a
 * number that lost its decimal point somewhere upstream, and no guess at where it was is safe.
 */
export function parseCoordinate(value: unknown, axis: 'lat' | 'lon'): Parsed<number> {
  if (isNothing(value)) return ok(null);
  let n: number;
  const label = axis === 'lat' ? 'latitude' : 'longitude';
  if (typeof value === 'number') {
    n = value;
  } else {
    const raw = String(value).trim();
    let s = raw.replace(/[\s\u00a0°]/g, '');
    let sign = 1;
    const hemi = /^([NSEWnsew])?(.*?)([NSEWnsew])?$/.exec(s);
    const letter = (hemi?.[1] ?? hemi?.[3] ?? '').toUpperCase();
    if (letter) {
      if ((axis === 'lat' && !'NS'.includes(letter)) || (axis === 'lon' && !'EW'.includes(letter))) {
        return bad('INVALID_COORDINATE', `${axis}Letter`, { value: raw }, `"${raw}" is not a ${label}.`);
      }
      s = hemi![2]!;
      if (letter === 'S' || letter === 'W') sign = -1;
    }
    if (!/^[+-]?\d{1,3}([.,]\d+)?$/.test(s)) {
      return bad('INVALID_COORDINATE', `${axis}NotDecimal`, { value: raw.slice(0, 40) }, `"${raw.slice(0, 40)}" is not a ${label} in decimal degrees.`);
    }
    n = sign * Number(s.replace(',', '.'));
  }
  if (!Number.isFinite(n)) return bad('INVALID_COORDINATE', `${axis}NotNumber`, {}, `Not a ${label}.`);
  const limit = axis === 'lat' ? 90 : 180;
  if (Math.abs(n) > limit) return bad('COORDINATE_OUT_OF_RANGE', `${axis}OutOfRange`, { value: n, min: -limit, max: limit }, `${n} is outside the ${label} range (-${limit} to ${limit}).`);
  return ok(n);
}

const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'o', 'sí', 'si', 'x', 'نعم']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'لا']);

export function parseBoolean(value: unknown): Parsed<boolean> {
  if (isNothing(value)) return ok(null);
  if (typeof value === 'boolean') return ok(value);
  if (typeof value === 'number') return value === 0 || value === 1 ? ok(value === 1) : bad('INVALID_BOOLEAN', 'notYesNoNumber', { value: num(value) }, `${value} is not yes or no.`);
  const s = String(value).trim().toLowerCase();
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return bad('INVALID_BOOLEAN', 'notYesNo', { value: String(value).slice(0, 40) }, `"${String(value).slice(0, 40)}" is not yes or no.`);
}

/** A time of day `HH:MM` (from text, an Excel day fraction or a Date cell holding only a time). */
export function parseTime(value: unknown): Parsed<{ h: number; min: number }> {
  if (isNothing(value)) return ok(null);
  if (value instanceof Date) return ok({ h: value.getUTCHours(), min: value.getUTCMinutes() });
  if (typeof value === 'number' && value >= 0 && value < 1) {
    const minutes = Math.round(value * 1440);
    return ok({ h: Math.floor(minutes / 60) % 24, min: minutes % 60 });
  }
  const m = /^(\d{1,2})[:hH.](\d{2})(?::\d{2})?$/.exec(String(value).trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return bad('INVALID_TIME', 'notTime', { value: String(value).slice(0, 20) }, `"${String(value).slice(0, 20)}" is not a time of day.`);
  return ok({ h: Number(m[1]), min: Number(m[2]) });
}
