import ICAL from 'ical.js';
import type { Contact, Handle, Phone } from '../../../shared/contract/contacts';

/**
 * vCard 4.0 (RFC 6350) and 3.0 (what phones and Outlook write) through ical.js, Mozilla's maintained
 * parser. What ical.js does not do, done here before it sees a card: quoted-printable with CHARSET (Outlook,
 * old Android), photos (never stored: dropped with a note, refused above PHOTO_LIMIT_BYTES so a huge card
 * cannot slip through) and splitting a file into cards so each card's problem carries its own number.
 */

export const PHOTO_LIMIT_BYTES = 1024 * 1024;

export interface CardProblem {
  code: string;
  message: string;
  column: string | null;
}

/** What a card holds, in Vigil's terms; fields the card does not carry are absent. */
export interface ParsedCard {
  name: string;
  organisationName: string | null;
  organisationType: string | null;
  role: string;
  phones: Phone[];
  callSign: string;
  email: string;
  otherEmails: string[];
  messaging: Handle[];
  address: string;
  latitude: number | null;
  longitude: number | null;
  languages: string;
  relationshipOwner: string;
  trustNote: string;
  lastContactDate: string | null;
  sensitive: boolean;
  notes: string;
  uid: string | null;
}

export interface CardResult {
  index: number;
  /** The best name we could read, for messages; '' when none. */
  label: string;
  card: ParsedCard | null;
  problems: CardProblem[];
  notes: CardProblem[];
}

/** Splits text into cards (BEGIN:VCARD ... END:VCARD), keeping physical lines for precise messages. */
export function splitCards(text: string): { lines: string[]; complete: boolean }[] {
  const cards: { lines: string[]; complete: boolean }[] = [];
  let current: string[] | null = null;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (/^begin:vcard\s*$/i.test(line)) {
      if (current) cards.push({ lines: current, complete: false });
      current = [line];
    } else if (current && /^end:vcard\s*$/i.test(line)) {
      current.push(line);
      cards.push({ lines: current, complete: true });
      current = null;
    } else if (current) {
      current.push(line);
    }
  }
  if (current) cards.push({ lines: current, complete: false });
  return cards;
}

/** Joins RFC folded lines (a line starting with a space or tab continues the previous one). */
function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && out.length) out[out.length - 1] += line.slice(1);
    else out.push(line);
  }
  return out;
}

interface RawLine {
  group: string | null;
  name: string;
  params: string;
  value: string;
}

function splitLine(line: string): RawLine | null {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      const head = line.slice(0, i);
      const semi = head.indexOf(';');
      const fullName = semi < 0 ? head : head.slice(0, semi);
      const dot = fullName.indexOf('.');
      return {
        group: dot < 0 ? null : fullName.slice(0, dot),
        name: (dot < 0 ? fullName : fullName.slice(dot + 1)).toUpperCase(),
        params: semi < 0 ? '' : head.slice(semi),
        value: line.slice(i + 1),
      };
    }
  }
  return null;
}

function paramValue(params: string, key: string): string | null {
  const m = new RegExp(`;${key}=("[^"]*"|[^;:]*)`, 'i').exec(params);
  return m ? m[1]!.replace(/^"|"$/g, '') : null;
}

function hasQuotedPrintable(params: string): boolean {
  return /;(encoding=)?quoted-printable(;|$)/i.test(params);
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    }
  }
  return new TextDecoder(charset, { fatal: true }).decode(Uint8Array.from(bytes));
}

function knownCharset(charset: string): boolean {
  try {
    new TextDecoder(charset);
    return true;
  } catch {
    return false;
  }
}

const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\r\n|\n|\r/g, '\\n');

/** Quoted-printable soft line breaks ("=" at the end of a line) join the next physical line. */
function joinSoftBreaks(lines: string[]): string[] {
  const out: string[] = [];
  let pendingQp = false;
  for (const line of lines) {
    if (pendingQp && out.length) {
      out[out.length - 1] = out[out.length - 1]!.slice(0, -1) + line.replace(/^[ \t]/, '');
    } else out.push(line);
    const last = out[out.length - 1]!;
    const raw = splitLine(last);
    pendingQp = !!raw && hasQuotedPrintable(raw.params) && last.endsWith('=');
  }
  return out;
}

const PHONE_TYPE_LABELS: Record<string, string> = {
  cell: 'mobile',
  mobile: 'mobile',
  iphone: 'mobile',
  work: 'work',
  home: 'home',
  fax: 'fax',
  pager: 'pager',
  main: 'main',
  text: 'text',
  video: 'video',
  textphone: 'textphone',
};
const IGNORED_TYPES = new Set(['voice', 'pref', 'internet', 'x400']);

function typesOf(prop: ICAL.Property): string[] {
  const raw = prop.getParameter('type') as string | string[] | undefined;
  const list = raw == null ? [] : Array.isArray(raw) ? raw : [raw];
  return list.flatMap((t) => String(t).split(',')).map((t) => t.trim().toLowerCase()).filter(Boolean);
}

function stringOf(value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) return value.map(stringOf).filter(Boolean).join(', ');
  return String(value).trim();
}

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function parseCard(lines: string[], index: number, complete: boolean): CardResult {
  const problems: CardProblem[] = [];
  const notes: CardProblem[] = [];
  const result = (card: ParsedCard | null, label: string): CardResult => ({ index, label, card, problems, notes });
  const logical = joinSoftBreaks(unfold(lines));
  const fnLine = logical.map(splitLine).find((l) => l?.name === 'FN');
  const guessLabel = fnLine ? fnLine.value.slice(0, 80) : '';
  if (!complete) {
    problems.push({ code: 'unterminated', column: null, message: 'The card has no END:VCARD line: the file is cut short or damaged.' });
    return result(null, guessLabel);
  }
  const kept: string[] = [];
  for (const line of logical) {
    if (line.trim() === '') continue;
    const raw = splitLine(line);
    if (!raw) {
      problems.push({
        code: 'brokenLine',
        column: null,
        message: `The line "${line.slice(0, 60)}" is not a vCard property: a long line was probably folded without the leading space.`,
      });
      continue;
    }
    if (raw.name === 'PHOTO' || raw.name === 'LOGO' || raw.name === 'SOUND' || raw.name === 'KEY') {
      const size = raw.value.length;
      if (raw.name === 'PHOTO' && size > PHOTO_LIMIT_BYTES) {
        problems.push({
          code: 'photoTooLarge',
          column: 'PHOTO',
          message: `The photo is ${formatSize(size)}, above the ${formatSize(PHOTO_LIMIT_BYTES)} limit. Remove the photo from this card and import again.`,
        });
      } else {
        notes.push({ code: 'photoDropped', column: raw.name, message: `${raw.name} is not kept: Vigil does not store contact photos.` });
      }
      continue;
    }
    const charset = paramValue(raw.params, 'charset');
    if (charset && !knownCharset(charset)) {
      problems.push({ code: 'unknownCharset', column: raw.name, message: `${raw.name} uses the character set "${charset}", which Vigil cannot read.` });
      continue;
    }
    let value = raw.value;
    let params = raw.params;
    if (hasQuotedPrintable(params)) {
      try {
        const decoded = decodeQuotedPrintable(value, charset ?? 'utf-8');
        // Decoded text may hold newlines and backslashes; structured separators (;) stay as they were.
        value = escapeText(decoded);
      } catch {
        problems.push({ code: 'badEncoding', column: raw.name, message: `${raw.name} is not valid quoted-printable text in ${charset ?? 'UTF-8'}.` });
        continue;
      }
      params = params.replace(/;(encoding=)?quoted-printable(?=;|$)/gi, '');
    }
    params = params.replace(/;charset=("[^"]*"|[^;:]*)/gi, '');
    // vCard 2.1 bare types (TEL;CELL;VOICE:) become TYPE= parameters ical.js understands.
    params = params.replace(/;(?=([A-Za-z0-9-]+)(;|$))/g, ';TYPE=');
    kept.push(`${raw.group ? `${raw.group}.` : ''}${raw.name}${params}:${value}`);
  }
  if (problems.length) return result(null, guessLabel);

  let component: ICAL.Component;
  try {
    component = new ICAL.Component(ICAL.parse(`${kept.join('\r\n')}\r\n`) as unknown as unknown[]);
  } catch (error) {
    problems.push({ code: 'unreadable', column: null, message: `The card could not be read: ${(error as Error).message}` });
    return result(null, guessLabel);
  }
  const first = (name: string) => stringOf(component.getFirstPropertyValue(name));
  const labels = new Map<string, string>();
  for (const p of component.getAllProperties('x-ablabel')) {
    const group = p.getParameter('group') as string | undefined;
    if (group) labels.set(group.toLowerCase(), stringOf(p.getFirstValue()).replace(/^_\$!<(.*)>!\$_$/, '$1'));
  }

  let name = first('fn');
  if (!name) {
    const n = component.getFirstPropertyValue('n') as unknown;
    const parts = Array.isArray(n) ? n.map(stringOf) : [];
    const built = [parts[3], parts[1], parts[2], parts[0], parts[4]].filter(Boolean).join(' ').trim();
    if (built) {
      name = built;
      notes.push({ code: 'nameFromN', column: 'FN', message: `The card has no FN (display name); the name "${built}" was built from N.` });
    }
  }
  if (!name) {
    problems.push({ code: 'noName', column: 'FN', message: 'The card has no name: neither FN nor N is filled in.' });
    return result(null, '');
  }

  const phones: Phone[] = [];
  for (const p of component.getAllProperties('tel')) {
    const number = stringOf(p.getFirstValue()).replace(/^tel:/i, '');
    if (!number) continue;
    const group = p.getParameter('group') as string | undefined;
    const custom = (p.getParameter('x-vigil-label') as string | undefined) ?? (group ? labels.get(group.toLowerCase()) : undefined);
    const types = typesOf(p).filter((t) => !IGNORED_TYPES.has(t));
    const label = custom ?? types.map((t) => PHONE_TYPE_LABELS[t] ?? t).join(' ');
    phones.push({ label: label.slice(0, 50), number: number.slice(0, 50) });
  }
  const emails = component.getAllProperties('email').map((p) => stringOf(p.getFirstValue())).filter(Boolean);
  const messaging: Handle[] = component.getAllProperties('impp').flatMap((p) => {
    const uri = stringOf(p.getFirstValue());
    if (!uri) return [];
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri);
    const service = (p.getParameter('x-service-type') as string | undefined) ?? scheme?.[1] ?? '';
    return [{ service: service.slice(0, 50), handle: (scheme ? uri.slice(scheme[0].length) : uri).slice(0, 200) }];
  });
  const adr = component.getFirstPropertyValue('adr') as unknown;
  const address = Array.isArray(adr) ? adr.map(stringOf).filter(Boolean).join(', ') : stringOf(adr);
  let latitude: number | null = null;
  let longitude: number | null = null;
  const geo = first('geo').replace(/\\/g, '');
  if (geo) {
    const m = /^(?:geo:)?\s*(-?\d+(?:\.\d+)?)\s*[,;]\s*(-?\d+(?:\.\d+)?)/i.exec(geo);
    const lat = m ? Number(m[1]) : NaN;
    const lon = m ? Number(m[2]) : NaN;
    if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      latitude = lat;
      longitude = lon;
    } else notes.push({ code: 'badGeo', column: 'GEO', message: `GEO "${geo}" is not a valid position and was left out.` });
  }
  const org = component.getFirstPropertyValue('org') as unknown;
  const organisationName = (Array.isArray(org) ? stringOf(org[0]) : stringOf(org)) || null;
  const langs = component.getAllProperties('lang').map((p) => stringOf(p.getFirstValue())).filter(Boolean);
  const lastContact = first('x-vigil-last-contact');
  const card: ParsedCard = {
    name: name.slice(0, 200),
    organisationName: organisationName?.slice(0, 200) ?? null,
    organisationType: first('x-vigil-org-type') || null,
    role: [first('title'), first('role')].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(' / ').slice(0, 200),
    phones: phones.slice(0, 20),
    callSign: first('x-vigil-callsign').slice(0, 50),
    email: emails[0] ?? '',
    otherEmails: emails.slice(1),
    messaging: messaging.slice(0, 20),
    address: address.slice(0, 500),
    latitude,
    longitude,
    languages: (first('x-vigil-languages') || langs.join(', ')).slice(0, 200),
    relationshipOwner: first('x-vigil-owner').slice(0, 200),
    trustNote: first('x-vigil-trust').slice(0, 2000),
    lastContactDate: /^\d{4}-\d{2}-\d{2}$/.test(lastContact) ? lastContact : null,
    sensitive: first('x-vigil-sensitive').toLowerCase() === 'true',
    notes: [first('note'), ...emails.slice(1).map((e) => `Other e-mail: ${e}`)].filter(Boolean).join('\n').slice(0, 5000),
    uid: first('uid') || null,
  };
  return result(card, card.name);
}

export function parseVcf(text: string): CardResult[] {
  return splitCards(text).map((c, i) => parseCard(c.lines, i + 1, c.complete));
}

const PHONE_LABEL_TYPES: Record<string, string> = { mobile: 'cell', work: 'work', home: 'home', fax: 'fax', pager: 'pager', main: 'main', text: 'text', video: 'video' };

/** One vCard 4.0 per contact; Vigil's own fields as X-VIGIL-* so an export re-imports without loss. */
export function toVcf(list: Contact[], uidOf: (c: Contact) => string): string {
  return list
    .map((c) => {
      const card = new ICAL.Component(['vcard', [], []]);
      card.addPropertyWithValue('version', '4.0');
      card.addPropertyWithValue('uid', uidOf(c));
      card.addPropertyWithValue('fn', c.name);
      if (c.organisationName) {
        const org = new ICAL.Property('org');
        org.setValue(c.organisationName);
        card.addProperty(org);
      }
      if (c.organisationType) card.addPropertyWithValue('x-vigil-org-type', c.organisationType);
      if (c.role) card.addPropertyWithValue('title', c.role);
      for (const phone of c.phones) {
        const tel = new ICAL.Property('tel');
        tel.setValue(phone.number);
        const type = PHONE_LABEL_TYPES[phone.label.toLowerCase()];
        if (type) tel.setParameter('type', [type]);
        if (phone.label) tel.setParameter('x-vigil-label', phone.label);
        card.addProperty(tel);
      }
      if (c.email) card.addPropertyWithValue('email', c.email);
      for (const h of c.messaging) {
        const impp = new ICAL.Property('impp');
        const scheme = h.service.toLowerCase().replace(/[^a-z0-9+.-]/g, '') || 'im';
        impp.setValue(`${/^[a-z]/.test(scheme) ? scheme : `x${scheme}`}:${h.handle}`);
        if (h.service) impp.setParameter('x-service-type', h.service);
        card.addProperty(impp);
      }
      if (c.address) {
        const adr = new ICAL.Property('adr');
        adr.setValue(['', '', c.address, '', '', '', '']);
        card.addProperty(adr);
      }
      if (c.latitude != null && c.longitude != null) {
        const geo = new ICAL.Property('geo');
        geo.resetType('uri');
        geo.setValue(`geo:${c.latitude},${c.longitude}`);
        card.addProperty(geo);
      }
      if (c.languages) card.addPropertyWithValue('x-vigil-languages', c.languages);
      if (c.callSign) card.addPropertyWithValue('x-vigil-callsign', c.callSign);
      if (c.relationshipOwner) card.addPropertyWithValue('x-vigil-owner', c.relationshipOwner);
      if (c.trustNote) card.addPropertyWithValue('x-vigil-trust', c.trustNote);
      if (c.lastContactDate) card.addPropertyWithValue('x-vigil-last-contact', c.lastContactDate);
      if (c.sensitive) card.addPropertyWithValue('x-vigil-sensitive', 'true');
      if (c.notes) card.addPropertyWithValue('note', c.notes);
      return card.toString();
    })
    .join('\r\n')
    .concat(list.length ? '\r\n' : '');
}
