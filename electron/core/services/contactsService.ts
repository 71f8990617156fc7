import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import {
  CONTACT_COLUMNS,
  ContactInputSchema,
  ORGANISATION_TYPES,
  STALE_CONTACT_DAYS,
  type Contact,
  type ContactColumn,
  type ContactFields,
  type ContactImportProblem,
  type ContactsImportReport,
  type OrganisationType,
  type Phone,
} from '../../../shared/contract/contacts';
import { getArea } from '../../../db/repositories/areas';
import {
  contactKeys,
  contactsSummary,
  deleteContact,
  deleteInteraction,
  deleteLink,
  deleteOrganisation,
  findLink,
  findOrganisationByName,
  getContact,
  getInteraction,
  getLink,
  getOrganisation,
  insertContact,
  insertInteraction,
  insertLink,
  insertOrganisation,
  listInteractions,
  listLinks,
  loadNetwork,
  queryContacts,
  groupContacts,
  queryOrganisations,
  touchLastContact,
  updateContact,
  updateInteraction,
  updateOrganisation,
  type ContactRecord,
} from '../../../db/repositories/contacts';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { toCsv, toXlsx, type TabularColumn } from '../export/tabular';
import { loadSettings } from './settingsService';
import { importSay, loadImportFile } from '../import/incidentsImport';
import { parseVcf, toVcf, type CardResult, type ParsedCard } from '../contacts/vcard';
import { contactCell, parseContactsCsv } from '../contacts/contactsCsv';
import { decodeText } from '../import/readTable';

/** The delegation's calendar day: "not contacted for N days" counts days where the officer lives. */
export function todayIn(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const today = (ctx: CommandContext) => todayIn(ctx.now(), loadSettings(ctx.db.sqlite).timeZone);

function requireContact(ctx: CommandContext, id: string, day = today(ctx)): Contact {
  const found = getContact(ctx.db.sqlite, day, id);
  if (!found) throw new AppError('NOT_FOUND', 'That contact no longer exists.');
  return found;
}

function requireOrganisation(ctx: CommandContext, id: string) {
  const found = getOrganisation(ctx.db.sqlite, id);
  if (!found) throw new AppError('NOT_FOUND', 'That organisation no longer exists.');
  return found;
}

function invalid(path: string, message: string, text: string): AppError {
  return new AppError('VALIDATION', text, { issues: [{ path, message }] });
}

function checkOrganisationRef(ctx: CommandContext, id: string | null): void {
  if (id && !getOrganisation(ctx.db.sqlite, id)) throw invalid('organisationId', 'unknownOrganisation', 'The chosen organisation no longer exists.');
}

function checkContactRef(ctx: CommandContext, id: string | null, field = 'contactId'): void {
  if (id && !getContact(ctx.db.sqlite, today(ctx), id)) throw invalid(field, 'unknownContact', 'The chosen contact no longer exists.');
}

function checkAreaRef(ctx: CommandContext, areaId: string | null): void {
  if (areaId && !getArea(ctx.db.sqlite, areaId)) throw invalid('areaId', 'unknownArea', 'The chosen area no longer exists.');
}

/* ----- duplicate detection ----- */

/** Digits only, international prefix 00 as +; the last 9 digits decide (with or without country code). */
export function phoneKey(number: string): string | null {
  const digits = number.replace(/^\s*00/, '').replace(/\D/g, '');
  return digits.length >= 6 ? digits.slice(-9) : null;
}

interface Candidate {
  id: string;
  name: string;
  email: string;
  phones: Phone[];
  externalId: string | null;
}

function findDuplicate(list: Candidate[], c: { email: string; phones: Phone[]; externalId: string | null }): Candidate | undefined {
  const email = c.email.trim().toLowerCase();
  const keys = new Set(c.phones.map((p) => phoneKey(p.number)).filter((k): k is string => !!k));
  return list.find(
    (x) =>
      (c.externalId && x.externalId === c.externalId) ||
      (email && x.email.trim().toLowerCase() === email) ||
      x.phones.some((p) => {
        const k = phoneKey(p.number);
        return k != null && keys.has(k);
      }),
  );
}

/** Merge keeps what the vault already says and fills in what it lacked; phones and handles are joined. */
function mergeInto(existing: ContactFields, incoming: ContactFields): ContactFields {
  const keys = new Set(existing.phones.map((p) => phoneKey(p.number) ?? p.number));
  const handles = new Set(existing.messaging.map((h) => `${h.service.toLowerCase()}:${h.handle.toLowerCase()}`));
  const pick = <K extends keyof ContactFields>(k: K): ContactFields[K] =>
    existing[k] === '' || existing[k] == null ? incoming[k] : existing[k];
  const lastContactDate =
    existing.lastContactDate && incoming.lastContactDate
      ? existing.lastContactDate > incoming.lastContactDate
        ? existing.lastContactDate
        : incoming.lastContactDate
      : (existing.lastContactDate ?? incoming.lastContactDate);
  const hasPosition = existing.latitude != null;
  return {
    ...existing,
    organisationId: existing.organisationId ?? incoming.organisationId,
    role: pick('role'),
    phones: [...existing.phones, ...incoming.phones.filter((p) => !keys.has(phoneKey(p.number) ?? p.number))].slice(0, 20),
    callSign: pick('callSign'),
    email: pick('email'),
    messaging: [...existing.messaging, ...incoming.messaging.filter((h) => !handles.has(`${h.service.toLowerCase()}:${h.handle.toLowerCase()}`))].slice(0, 20),
    address: pick('address'),
    latitude: hasPosition ? existing.latitude : incoming.latitude,
    longitude: hasPosition ? existing.longitude : incoming.longitude,
    languages: pick('languages'),
    relationshipOwner: pick('relationshipOwner'),
    trustNote: pick('trustNote'),
    lastContactDate,
    sensitive: existing.sensitive || incoming.sensitive,
    notes: pick('notes'),
    externalId: existing.externalId ?? incoming.externalId,
  };
}

const fieldsOf = (c: Contact): ContactFields => ({
  name: c.name,
  organisationId: c.organisationId,
  role: c.role,
  phones: c.phones,
  callSign: c.callSign,
  email: c.email,
  messaging: c.messaging,
  address: c.address,
  latitude: c.latitude,
  longitude: c.longitude,
  languages: c.languages,
  relationshipOwner: c.relationshipOwner,
  trustNote: c.trustNote,
  lastContactDate: c.lastContactDate,
  sensitive: c.sensitive,
  notes: c.notes,
  externalId: c.externalId,
});

/* ----- import ----- */

interface PlannedContact {
  row: number;
  fields: ContactFields;
  organisation: { name: string; type: OrganisationType } | null;
  mergeWith: Candidate | null;
}

function readImport(bytes: Buffer, name: string): { format: 'vcf' | 'csv'; encoding: string | null; cards: CardResult[]; notes: ContactImportProblem[] } {
  if (bytes.length === 0) throw new AppError('IO', `${name} is empty: nothing to import.`, { reason: 'EMPTY' });
  const ext = path.extname(name).toLowerCase();
  const head = decodeText(bytes.subarray(0, 4096));
  const isVcf = ext === '.vcf' || ext === '.vcard' || /^\s*begin:vcard/i.test(head.text);
  if (isVcf) {
    const { text, encoding } = decodeText(bytes);
    const cards = parseVcf(text);
    if (cards.length === 0) throw new AppError('IO', `${name} holds no vCard (no BEGIN:VCARD line).`, { reason: 'EMPTY' });
    return { format: 'vcf', encoding, cards, notes: [] };
  }
  if (ext === '.csv' || ext === '.txt' || ext === '') {
    const { encoding, cards, ignored } = parseContactsCsv(bytes);
    return {
      format: 'csv',
      encoding,
      cards,
      notes: ignored.map((h) => ({ row: 1, column: h, code: 'columnIgnored', message: `The column "${h}" is not imported.` })),
    };
  }
  throw new AppError('IO', `${name} is neither a vCard (.vcf) nor a CSV file.`, { reason: 'UNSUPPORTED' });
}

function planImport(ctx: CommandContext, cards: CardResult[], problems: ContactImportProblem[]): { plan: PlannedContact[]; invalidRows: Set<number> } {
  const existing: Candidate[] = contactKeys(ctx.db.sqlite);
  const plan: PlannedContact[] = [];
  const invalidRows = new Set<number>();
  for (const card of cards) {
    for (const p of card.problems) problems.push({ row: card.index, column: p.column, code: p.code, message: p.message });
    if (!card.card) {
      invalidRows.add(card.index);
      continue;
    }
    const c: ParsedCard = card.card;
    const parsed = ContactInputSchema.safeParse({
      name: c.name,
      role: c.role,
      phones: c.phones,
      callSign: c.callSign,
      email: c.email,
      messaging: c.messaging,
      address: c.address,
      latitude: c.latitude,
      longitude: c.longitude,
      languages: c.languages,
      relationshipOwner: c.relationshipOwner,
      trustNote: c.trustNote,
      lastContactDate: c.lastContactDate,
      sensitive: c.sensitive,
      notes: c.notes,
      externalId: c.uid,
    });
    if (!parsed.success) {
      invalidRows.add(card.index);
      for (const issue of parsed.error.issues) {
        const column = issue.path.map(String).join('.');
        const bad = issue.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k as string], c as unknown);
        problems.push({ row: card.index, column, code: issue.message, message: `"${String(bad ?? '')}" is not valid (${issue.message}).` });
      }
      continue;
    }
    const organisation = c.organisationName
      ? { name: c.organisationName, type: (ORGANISATION_TYPES as readonly string[]).includes(c.organisationType ?? '') ? (c.organisationType as OrganisationType) : 'other' }
      : null;
    const candidates = [...existing, ...plan.filter((p) => !p.mergeWith).map((p) => ({ id: `planned:${p.row}`, name: p.fields.name, email: p.fields.email, phones: p.fields.phones, externalId: p.fields.externalId }))];
    const dup = findDuplicate(candidates, parsed.data);
    if (dup?.id.startsWith('planned:')) {
      const target = plan.find((p) => `planned:${p.row}` === dup.id)!;
      target.fields = mergeInto(target.fields, parsed.data);
      continue;
    }
    plan.push({ row: card.index, fields: parsed.data, organisation, mergeWith: dup ?? null });
  }
  return { plan, invalidRows };
}

function runImport(ctx: CommandContext, input: { file: string; dryRun: boolean }): ContactsImportReport {
  // A missing, unreadable or too large file is said in the vault's language, as for the other imports.
  const file = loadImportFile(input.file, ctx, importSay(loadSettings(ctx.db.sqlite).language));
  const read = readImport(file.bytes, file.name);
  const problems: ContactImportProblem[] = [];
  const notes: ContactImportProblem[] = [...read.notes];
  for (const card of read.cards) for (const n of card.notes) notes.push({ row: card.index, column: n.column, code: n.code, message: n.message });
  const { plan, invalidRows } = planImport(ctx, read.cards, problems);
  const merged = new Set(plan.map((p) => p.row));
  const items: ContactsImportReport['items'] = read.cards.map((card) => {
    const planned = plan.find((p) => p.row === card.index);
    return {
      row: card.index,
      name: card.label,
      action: invalidRows.has(card.index) ? 'invalid' : planned?.mergeWith || !merged.has(card.index) ? 'merge' : 'create',
      mergeWith: planned?.mergeWith ? { id: planned.mergeWith.id, name: planned.mergeWith.name } : null,
    };
  });
  const created = plan.filter((p) => !p.mergeWith).length;
  const updated = plan.length - created;
  const report = { format: read.format, encoding: read.encoding, created, updated, skipped: invalidRows.size, problems, notes, items };
  if (input.dryRun || problems.length > 0) return { ...report, committed: false };

  const ids = ctx.transact((audit) => {
    const now = ctx.nowIso();
    const day = today(ctx);
    const orgIds = new Map<string, string>();
    const touched: string[] = [];
    const orgFor = (o: PlannedContact['organisation']): string | null => {
      if (!o) return null;
      const key = o.name.toLowerCase();
      if (orgIds.has(key)) return orgIds.get(key)!;
      const found = findOrganisationByName(ctx.db.sqlite, o.name);
      let id = found?.id;
      if (!id) {
        id = newId();
        insertOrganisation(ctx.db.orm, { id, name: o.name, type: o.type, areaId: null, notes: '', createdAt: now, updatedAt: now });
        audit({ entity: 'organisation', entityId: id, action: 'create', after: getOrganisation(ctx.db.sqlite, id) });
      }
      orgIds.set(key, id);
      return id;
    };
    for (const p of plan) {
      const organisationId = orgFor(p.organisation);
      if (p.mergeWith) {
        const before = requireContact(ctx, p.mergeWith.id, day);
        const fields = mergeInto(fieldsOf(before), { ...p.fields, organisationId });
        updateContact(ctx.db.orm, { id: before.id, ...fields, updatedAt: now });
        audit({ entity: 'contact', entityId: before.id, action: 'update', before, after: requireContact(ctx, before.id, day) });
        touched.push(before.id);
      } else {
        const id = newId();
        insertContact(ctx.db.orm, { id, ...p.fields, organisationId, createdAt: now, updatedAt: now });
        audit({ entity: 'contact', entityId: id, action: 'create', after: requireContact(ctx, id, day) });
        touched.push(id);
      }
    }
    audit({ entity: 'contactImport', entityId: newId(), action: 'import', after: { file: file.name, format: read.format, created, updated } });
    return touched;
  });
  ctx.emit('contacts.changed', ids);
  ctx.emit('organisations.changed');
  return { ...report, committed: true };
}

/* ----- export ----- */

function exportColumns(lang: Parameters<typeof translator>[0], ids: readonly ContactColumn[]): TabularColumn<Contact>[] {
  const t = translator(lang);
  return ids.map((id) => ({ id, header: t(`contacts.columns.${id}`), value: (c: Contact) => contactCell(id, c, t) }));
}

export const contactsHandlers: Handlers<
  | 'organisations.list'
  | 'organisations.get'
  | 'organisations.create'
  | 'organisations.update'
  | 'organisations.delete'
  | 'contacts.list'
  | 'contacts.get'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.summary'
  | 'contacts.groups'
  | 'contacts.network'
  | 'contacts.export'
  | 'contacts.import'
  | 'interactions.list'
  | 'interactions.create'
  | 'interactions.update'
  | 'interactions.delete'
  | 'contactLinks.list'
  | 'contactLinks.create'
  | 'contactLinks.delete'
> = {
  'organisations.list': (ctx, q) => queryOrganisations(ctx.db.sqlite, q, { offset: q.startRow, limit: q.endRow - q.startRow }),

  'organisations.get': (ctx, { id }) => requireOrganisation(ctx, id),

  'organisations.create': (ctx, input) => {
    const created = ctx.transact((audit) => {
      checkAreaRef(ctx, input.areaId);
      const now = ctx.nowIso();
      const id = newId();
      insertOrganisation(ctx.db.orm, { id, ...input, createdAt: now, updatedAt: now });
      const after = requireOrganisation(ctx, id);
      audit({ entity: 'organisation', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('organisations.changed', [created.id]);
    return created;
  },

  'organisations.update': (ctx, { id, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requireOrganisation(ctx, id);
      checkAreaRef(ctx, input.areaId);
      updateOrganisation(ctx.db.orm, { id, ...input, updatedAt: ctx.nowIso() });
      const after = requireOrganisation(ctx, id);
      audit({ entity: 'organisation', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('organisations.changed', [id]);
    ctx.emit('contacts.changed');
    return updated;
  },

  'organisations.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requireOrganisation(ctx, id);
      deleteOrganisation(ctx.db.orm, id);
      audit({ entity: 'organisation', entityId: id, action: 'delete', before });
    });
    ctx.emit('organisations.changed', [id]);
    ctx.emit('contacts.changed');
    return { id };
  },

  'contacts.list': (ctx, q) => queryContacts(ctx.db.sqlite, today(ctx), q, { offset: q.startRow, limit: q.endRow - q.startRow }),

  'contacts.get': (ctx, { id }) => requireContact(ctx, id),

  'contacts.create': (ctx, input) => {
    const created = ctx.transact((audit) => {
      checkOrganisationRef(ctx, input.organisationId);
      const now = ctx.nowIso();
      const id = newId();
      insertContact(ctx.db.orm, { id, ...input, createdAt: now, updatedAt: now });
      const after = requireContact(ctx, id);
      audit({ entity: 'contact', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('contacts.changed', [created.id]);
    return created;
  },

  'contacts.update': (ctx, { id, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requireContact(ctx, id);
      checkOrganisationRef(ctx, input.organisationId);
      updateContact(ctx.db.orm, { id, ...input, updatedAt: ctx.nowIso() } satisfies Omit<ContactRecord, 'createdAt'>);
      const after = requireContact(ctx, id);
      audit({ entity: 'contact', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('contacts.changed', [id]);
    return updated;
  },

  'contacts.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requireContact(ctx, id);
      deleteContact(ctx.db.orm, id);
      audit({ entity: 'contact', entityId: id, action: 'delete', before });
    });
    ctx.emit('contacts.changed', [id]);
    ctx.emit('interactions.changed');
    return { id };
  },

  'contacts.groups': (ctx, { by, view }) => {
    const groups = groupContacts(ctx.db.sqlite, today(ctx), by, view);
    return { groups, total: groups.reduce((sum, g) => sum + g.count, 0) };
  },

  'contacts.summary': (ctx) => ({ ...contactsSummary(ctx.db.sqlite, today(ctx), STALE_CONTACT_DAYS), staleDays: STALE_CONTACT_DAYS }),

  'contacts.network': (ctx, { types }) => loadNetwork(ctx.db.sqlite, today(ctx), STALE_CONTACT_DAYS, types ?? null),

  'contacts.export': async (ctx, request) => {
    const target = checkExportTarget(request.path, request.format);
    const settings = loadSettings(ctx.db.sqlite);
    const lang = request.lang ?? settings.language;
    const t = translator(lang);
    const day = todayIn(ctx.now(), settings.timeZone);
    const byIds = request.ids ? { sql: `c.id IN (${request.ids.map(() => '?').join(',') || "''"})`, params: request.ids } : undefined;
    const { rows: all } = queryContacts(ctx.db.sqlite, day, request.view, null, byIds);
    const rows = request.includeRestricted ? all : all.filter((c) => !c.sensitive);
    const leftOut = all.length - rows.length;
    let data: Buffer;
    if (request.format === 'vcf') {
      const marker = settings.isDemo ? `${t('demoMarker')}\r\n` : '';
      // A demo marker outside BEGIN:VCARD is ignored by readers but seen by anyone opening the file.
      data = Buffer.from(marker + toVcf(rows, (c) => c.externalId ?? `urn:uuid:${c.id}`), 'utf8');
    } else {
      const wanted = (request.columns ?? CONTACT_COLUMNS).filter((c): c is ContactColumn => (CONTACT_COLUMNS as readonly string[]).includes(c));
      if (wanted.length === 0) throw new AppError('VALIDATION', 'Choose at least one column to export.');
      const columns = exportColumns(lang, wanted);
      const options = { sheetName: t('contacts.sheet'), demoMarker: settings.isDemo ? t('demoMarker') : null };
      data = request.format === 'csv' ? toCsv(columns, rows, options) : await toXlsx(columns, rows, options);
    }
    const written = writeExport(target, data);
    ctx.logger.info('export written', { command: ctx.command, rows: rows.length, leftOut, bytes: written.bytes });
    return { ...written, rows: rows.length, leftOut, verified: true };
  },

  'contacts.import': (ctx, input) => runImport(ctx, input),

  'interactions.list': (ctx, q) => listInteractions(ctx.db.sqlite, q),

  'interactions.create': (ctx, input) => {
    const created = ctx.transact((audit) => {
      checkContactRef(ctx, input.contactId);
      checkOrganisationRef(ctx, input.organisationId);
      const now = ctx.nowIso();
      const id = newId();
      const organisationId = input.organisationId ?? (input.contactId ? getContact(ctx.db.sqlite, today(ctx), input.contactId)?.organisationId ?? null : null);
      insertInteraction(ctx.db.orm, { id, ...input, organisationId, createdAt: now, updatedAt: now });
      if (input.contactId) touchLastContact(ctx.db.sqlite, input.contactId, input.date, now);
      const after = getInteraction(ctx.db.sqlite, id)!;
      audit({ entity: 'interaction', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('interactions.changed', [created.id]);
    if (created.contactId) ctx.emit('contacts.changed', [created.contactId]);
    return created;
  },

  'interactions.update': (ctx, { id, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = getInteraction(ctx.db.sqlite, id);
      if (!before) throw new AppError('NOT_FOUND', 'That interaction no longer exists.');
      checkContactRef(ctx, input.contactId);
      checkOrganisationRef(ctx, input.organisationId);
      const now = ctx.nowIso();
      updateInteraction(ctx.db.orm, { id, ...input, updatedAt: now });
      if (input.contactId) touchLastContact(ctx.db.sqlite, input.contactId, input.date, now);
      const after = getInteraction(ctx.db.sqlite, id)!;
      audit({ entity: 'interaction', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('interactions.changed', [id]);
    if (updated.contactId) ctx.emit('contacts.changed', [updated.contactId]);
    return updated;
  },

  'interactions.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = getInteraction(ctx.db.sqlite, id);
      if (!before) throw new AppError('NOT_FOUND', 'That interaction no longer exists.');
      deleteInteraction(ctx.db.orm, id);
      audit({ entity: 'interaction', entityId: id, action: 'delete', before });
    });
    ctx.emit('interactions.changed', [id]);
    return { id };
  },

  'contactLinks.list': (ctx, { contactId }) => listLinks(ctx.db.sqlite, contactId),

  'contactLinks.create': (ctx, input) => {
    const created = ctx.transact((audit) => {
      checkContactRef(ctx, input.fromContactId, 'fromContactId');
      checkContactRef(ctx, input.toContactId, 'toContactId');
      if (findLink(ctx.db.sqlite, input.fromContactId, input.toContactId)) {
        throw new AppError('CONFLICT', 'These two contacts are already linked.');
      }
      const id = newId();
      insertLink(ctx.db.orm, { id, ...input, createdAt: ctx.nowIso() });
      const after = getLink(ctx.db.sqlite, id)!;
      audit({ entity: 'contactLink', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('contacts.changed', [input.fromContactId, input.toContactId]);
    return created;
  },

  'contactLinks.delete': (ctx, { id }) => {
    const before = ctx.transact((audit) => {
      const found = getLink(ctx.db.sqlite, id);
      if (!found) throw new AppError('NOT_FOUND', 'That link no longer exists.');
      deleteLink(ctx.db.orm, id);
      audit({ entity: 'contactLink', entityId: id, action: 'delete', before: found });
      return found;
    });
    ctx.emit('contacts.changed', [before.fromContactId, before.toContactId]);
    return { id };
  },
};
