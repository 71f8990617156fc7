import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../../shared/envelope';
import { LANGUAGES } from '../../../shared/contract/common';
import { ORGANISATION_TYPES, type Contact, type ContactColumn, type Handle, type Phone } from '../../../shared/contract/contacts';
import { translator } from '../i18n';
import { decodeText, detectDelimiter } from '../import/readTable';
import type { CardResult, ParsedCard } from './vcard';
import type { CellValue } from '../export/tabular';

/**
 * CSV with mapping by header names: Vigil's own export headers in all four languages, and the headers
 * Outlook and Google Contacts write. Every phone-like column becomes a phone labelled by its header.
 */
const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

type Field = keyof ParsedCard | 'firstName' | 'lastName' | 'phone' | 'ignore';

const ALIASES: Record<string, Field> = {
  name: 'name',
  fullname: 'name',
  displayname: 'name',
  fn: 'name',
  firstname: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  familyname: 'lastName',
  surname: 'lastName',
  company: 'organisationName',
  organization: 'organisationName',
  organisation: 'organisationName',
  organizationname: 'organisationName',
  organization1name: 'organisationName',
  jobtitle: 'role',
  title: 'role',
  organization1title: 'role',
  email: 'email',
  emailaddress: 'email',
  email1value: 'email',
  notes: 'notes',
  note: 'notes',
  address: 'address',
  businessaddress: 'address',
  homeaddress: 'address',
  address1formatted: 'address',
};

function headerFields(): Map<string, Field> {
  const map = new Map<string, Field>(Object.entries(ALIASES));
  const own: Partial<Record<ContactColumn, Field>> = {
    name: 'name',
    organisationName: 'organisationName',
    organisationType: 'organisationType',
    role: 'role',
    phones: 'phones',
    callSign: 'callSign',
    email: 'email',
    messaging: 'messaging',
    address: 'address',
    latitude: 'latitude',
    longitude: 'longitude',
    languages: 'languages',
    relationshipOwner: 'relationshipOwner',
    trustNote: 'trustNote',
    lastContactDate: 'lastContactDate',
    sensitive: 'sensitive',
    notes: 'notes',
    daysSinceContact: 'ignore',
    updatedAt: 'ignore',
  };
  for (const lang of LANGUAGES) {
    const t = translator(lang);
    for (const [column, field] of Object.entries(own)) map.set(norm(t(`contacts.columns.${column}`)), field);
    map.set(norm(t('contacts.columns.name')), 'name');
  }
  return map;
}

function phoneLike(header: string): boolean {
  return /phone|mobile|tel|cell|fax|pager|portable|movil|móvil|هاتف|جوال/i.test(header);
}

/** "mobile: +1 555; work: +2 666" (Vigil's own CSV) or a bare number. */
function parseList(value: string): Array<{ label: string; value: string }> {
  return value
    .split(/\s*[;\n]\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([^:+\d][^:]*):\s*(.+)$/.exec(part);
      return m ? { label: m[1]!.trim(), value: m[2]!.trim() } : { label: '', value: part };
    });
}

const yes = (v: string) => ['yes', 'true', '1', 'oui', 'sí', 'si', 'نعم', 'x'].includes(v.trim().toLowerCase());

export function parseContactsCsv(bytes: Buffer): { encoding: string; cards: CardResult[]; ignored: string[] } {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw new AppError('IO', 'The file is not a text CSV file.', { reason: 'UNREADABLE' });
  let grid: string[][];
  try {
    grid = parseCsv(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, bom: true, skip_empty_lines: false });
  } catch (error) {
    throw new AppError('IO', `The CSV file could not be read: ${(error as Error).message.split('\n')[0]}`, { reason: 'UNREADABLE' });
  }
  const filled = (r: string[]) => r.filter((c) => c.trim() !== '').length;
  let headerIndex = grid.findIndex((r) => filled(r) > 0);
  // A demo vault's export starts with a one-cell "FICTIONAL DEMO DATA" line above the header.
  if (headerIndex >= 0 && filled(grid[headerIndex]!) === 1 && grid[headerIndex + 1] && filled(grid[headerIndex + 1]!) > 1) headerIndex++;
  if (headerIndex < 0 || !grid.slice(headerIndex + 1).some((r) => filled(r) > 0)) {
    throw new AppError('IO', 'The CSV file has no data rows: nothing to import.', { reason: 'EMPTY' });
  }
  const fields = headerFields();
  const headers = grid[headerIndex]!.map((h) => h.trim());
  const mapping = headers.map((h): Field => fields.get(norm(h)) ?? (phoneLike(h) ? 'phone' : 'ignore'));
  if (!mapping.some((f) => f === 'name' || f === 'firstName' || f === 'lastName')) {
    throw new AppError('VALIDATION', `No column holds the name (headers read: ${headers.join(', ')}).`, { reason: 'NO_NAME_COLUMN' });
  }
  const ignored = headers.filter((h, i) => mapping[i] === 'ignore' && h && !fields.has(norm(h)));
  const cards: CardResult[] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    if (filled(cells) === 0) continue;
    const rowNumber = r + 1 - headerIndex;
    const problems: CardResult['problems'] = [];
    const phones: Phone[] = [];
    const messaging: Handle[] = [];
    const card: ParsedCard = {
      name: '',
      organisationName: null,
      organisationType: null,
      role: '',
      phones,
      callSign: '',
      email: '',
      otherEmails: [],
      messaging,
      address: '',
      latitude: null,
      longitude: null,
      languages: '',
      relationshipOwner: '',
      trustNote: '',
      lastContactDate: null,
      sensitive: false,
      notes: '',
      uid: null,
    };
    let first = '';
    let last = '';
    mapping.forEach((field, i) => {
      const raw = (cells[i] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
      if (!raw || field === 'ignore') return;
      const header = headers[i]!;
      switch (field) {
        case 'firstName':
          first = raw;
          break;
        case 'lastName':
          last = raw;
          break;
        case 'phone':
          phones.push({ label: header.replace(/\s*-?\s*value$/i, '').slice(0, 50), number: raw.slice(0, 50) });
          break;
        case 'phones':
          for (const p of parseList(raw)) phones.push({ label: p.label.slice(0, 50), number: p.value.slice(0, 50) });
          break;
        case 'messaging':
          for (const p of parseList(raw)) messaging.push({ service: p.label.slice(0, 50), handle: p.value.slice(0, 200) });
          break;
        case 'latitude':
        case 'longitude': {
          const n = Number(raw.replace(',', '.'));
          if (!Number.isFinite(n)) problems.push({ code: 'notANumber', column: header, message: `"${raw}" is not a number.` });
          else card[field] = n;
          break;
        }
        case 'sensitive':
          card.sensitive = yes(raw);
          break;
        case 'organisationType': {
          const lowered = raw.toLowerCase();
          const match = ORGANISATION_TYPES.find(
            (t) => t === lowered || LANGUAGES.some((l) => translator(l)(`contacts.orgTypes.${t}`).toLowerCase() === lowered),
          );
          card.organisationType = match ?? null;
          break;
        }
        case 'lastContactDate':
          if (/^\d{4}-\d{2}-\d{2}/.test(raw)) card.lastContactDate = raw.slice(0, 10);
          else problems.push({ code: 'invalidDate', column: header, message: `"${raw}" is not a date written as YYYY-MM-DD.` });
          break;
        case 'name':
        case 'organisationName':
        case 'role':
        case 'callSign':
        case 'email':
        case 'address':
        case 'languages':
        case 'relationshipOwner':
        case 'trustNote':
        case 'notes':
          (card as unknown as Record<string, string>)[field] = raw;
          break;
        default:
          break;
      }
    });
    if (!card.name) card.name = [first, last].filter(Boolean).join(' ');
    if (!card.name) problems.push({ code: 'noName', column: null, message: 'The row has no name.' });
    cards.push({ index: rowNumber, label: card.name, card: problems.length ? null : card, problems, notes: [] });
  }
  return { encoding, cards, ignored };
}

/** The export's cell for each column; phones and handles as "label: value; ..." so CSV re-imports them. */
export function contactCell(column: ContactColumn, c: Contact, t: (key: string) => string): CellValue {
  switch (column) {
    case 'phones':
      return c.phones.map((p) => (p.label ? `${p.label}: ${p.number}` : p.number)).join('; ');
    case 'messaging':
      return c.messaging.map((h) => (h.service ? `${h.service}: ${h.handle}` : h.handle)).join('; ');
    case 'organisationType':
      return c.organisationType ? t(`contacts.orgTypes.${c.organisationType}`) : null;
    case 'sensitive':
      return t(c.sensitive ? 'yes' : 'no');
    default:
      return (c[column] ?? null) as CellValue;
  }
}
