import { AppError } from '../../../shared/envelope';
import {
  BRIEFING_GRACE_HOURS,
  PEOPLE_COLUMNS,
  REQUIRED_COURSES,
  RESTRICTED_PEOPLE_COLUMNS,
  TRAINING_DUE_DAYS,
  type Briefing,
  type InCountry,
  type PeopleColumn,
  type Person,
  type PersonDetail,
  type Training,
} from '../../../shared/contract/people';
import type { Language } from '../../../shared/contract/common';
import { isInCountry, isNotBriefed, monthsBefore, trainingFlags } from '../../../shared/domain/peopleFlags';
import { localDay } from '../../../shared/domain/zonedTime';
import { getPremises } from '../../../db/repositories/premises';
import * as repo from '../../../db/repositories/people';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { toCsv, toXlsx, type CellValue, type TabularColumn } from '../export/tabular';
import { escapeHtml, renderPdf, reportFontFaces } from '../report/renderPdf';
import { loadSettings } from './settingsService';

function withFlags(ctx: CommandContext, rows: repo.PersonRow[]): Person[] {
  const ids = rows.map((r) => r.id);
  const briefed = new Set(repo.briefingsOf(ctx.db.sqlite, ids).map((b) => b.personId));
  const trainings = new Map<string, Training[]>();
  for (const t of repo.trainingsOf(ctx.db.sqlite, ids)) trainings.set(t.personId, [...(trainings.get(t.personId) ?? []), t]);
  const now = ctx.now();
  const today = localDay(now, loadSettings(ctx.db.sqlite).timeZone);
  return rows.map((r) => ({
    ...r,
    bloodGroup: r.bloodGroup as Person['bloodGroup'],
    notBriefed: isNotBriefed(r, briefed.has(r.id) ? 1 : 0, now, BRIEFING_GRACE_HOURS),
    trainingFlags:
      r.status === 'left' ? [] : trainingFlags(trainings.get(r.id) ?? [], REQUIRED_COURSES, today, TRAINING_DUE_DAYS),
  }));
}

function requirePerson(ctx: CommandContext, id: string): Person {
  const row = repo.getPersonRow(ctx.db.sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', 'That person is no longer in the personnel list.');
  return withFlags(ctx, [row])[0]!;
}

function detail(ctx: CommandContext, id: string): PersonDetail {
  const person = requirePerson(ctx, id);
  return { ...person, briefings: repo.briefingsOf(ctx.db.sqlite, [id]), trainings: repo.trainingsOf(ctx.db.sqlite, [id]) };
}

function checkLinks(ctx: CommandContext, input: { dependantOfId: string | null; residencePremisesId: string | null }, selfId?: string): void {
  if (input.dependantOfId) {
    if (input.dependantOfId === selfId) {
      throw new AppError('VALIDATION', 'A person cannot be their own dependant.', { issues: [{ path: 'dependantOfId', message: 'dependantOfSelf' }] });
    }
    if (!repo.getPersonRow(ctx.db.sqlite, input.dependantOfId)) {
      throw new AppError('VALIDATION', 'The person this dependant is linked to no longer exists.', {
        issues: [{ path: 'dependantOfId', message: 'unknownPerson' }],
      });
    }
  }
  if (input.residencePremisesId && !getPremises(ctx.db.sqlite, input.residencePremisesId)) {
    throw new AppError('VALIDATION', 'The chosen residence no longer exists.', { issues: [{ path: 'residencePremisesId', message: 'unknownPremises' }] });
  }
}

export function inCountryNow(ctx: CommandContext): InCountry {
  const now = ctx.now();
  const timeZone = loadSettings(ctx.db.sqlite).timeZone;
  const present = repo.allPeople(ctx.db.sqlite).filter((p) => isInCountry(p, now, timeZone));
  const groups = new Map<string, Map<string, repo.PersonRow[]>>();
  for (const p of present) {
    const location = p.residenceAreaPath ?? '';
    const residence = p.residenceName ?? p.residenceAddress;
    const byResidence = groups.get(location) ?? new Map<string, repo.PersonRow[]>();
    byResidence.set(residence, [...(byResidence.get(residence) ?? []), p]);
    groups.set(location, byResidence);
  }
  const sortKey = (s: string) => (s === '' ? '\uffff' : s.toLocaleLowerCase());
  return {
    today: localDay(now, timeZone),
    total: present.length,
    groups: [...groups.entries()]
      .sort(([a], [b]) => sortKey(a).localeCompare(sortKey(b)))
      .map(([location, residences]) => ({
        location: location || null,
        residences: [...residences.entries()]
          .sort(([a], [b]) => sortKey(a).localeCompare(sortKey(b)))
          .map(([residence, list]) => ({
            residence: residence || null,
            people: list.map((p) => ({
              id: p.id,
              name: p.name,
              category: p.category,
              organisation: p.organisation,
              position: p.position,
              phones: p.phones,
              radioCallSign: p.radioCallSign,
            })),
          })),
      })),
  };
}

function purgeCandidates(ctx: CommandContext, months: number) {
  const timeZone = loadSettings(ctx.db.sqlite).timeZone;
  const cutoff = monthsBefore(localDay(ctx.now(), timeZone), months);
  const people = repo
    .allPeople(ctx.db.sqlite)
    .filter((p) => p.status === 'left' && p.departureAt !== null && localDay(p.departureAt, timeZone) < cutoff)
    .map((p) => ({ id: p.id, name: p.name, departureAt: p.departureAt }));
  return { cutoff, people };
}

function exportColumns(lang: Language, ids: readonly PeopleColumn[]): TabularColumn<Person>[] {
  const t = translator(lang);
  const value: Record<PeopleColumn, (p: Person) => CellValue> = {
    name: (p) => p.name,
    category: (p) => t(`people.categories.${p.category}`),
    dependantOfName: (p) => p.dependantOfName,
    organisation: (p) => p.organisation,
    position: (p) => p.position,
    phones: (p) => p.phones.join(', '),
    radioCallSign: (p) => p.radioCallSign,
    nationality: (p) => p.nationality,
    passportExpiry: (p) => p.passportExpiry,
    bloodGroup: (p) => p.bloodGroup,
    emergencyContact: (p) => p.emergencyContact,
    residenceName: (p) => p.residenceName,
    residenceAreaPath: (p) => p.residenceAreaPath,
    residenceAddress: (p) => p.residenceAddress,
    arrivalAt: (p) => p.arrivalAt,
    departureAt: (p) => p.departureAt,
    status: (p) => t(`people.statuses.${p.status}`),
    lastBriefingAt: (p) => p.lastBriefingAt,
    notes: (p) => p.notes,
    updatedAt: (p) => p.updatedAt,
  };
  return ids.map((id) => ({ id, header: t(`people.columns.${id}`), value: value[id] }));
}

/** The one-page crisis headcount: everyone in country today, by location and residence. */
export function renderHeadcount(data: InCountry, lang: Language, delegation: string, demo: boolean, generatedAt: string): string {
  const t = translator(lang);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const rows = data.groups
    .map(
      (g) => `<h2>${escapeHtml(g.location ?? t('people.headcount.noLocation'))}</h2>${g.residences
        .map(
          (r) => `<h3>${escapeHtml(r.residence ?? t('people.headcount.noResidence'))} (${r.people.length})</h3><table><tbody>${r.people
            .map(
              (p) =>
                `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(t(`people.categories.${p.category}`))}</td><td>${escapeHtml(p.organisation)}</td><td>${escapeHtml(p.phones.join(', '))}</td><td>${escapeHtml(p.radioCallSign)}</td></tr>`,
            )
            .join('')}</tbody></table>`,
        )
        .join('')}`,
    )
    .join('');
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><style>${reportFontFaces()}
body{font-family:'Noto Sans','Noto Sans Arabic',sans-serif;font-size:9pt;margin:0}
h1{font-size:14pt;margin:0 0 2pt}h2{font-size:11pt;margin:6pt 0 2pt;border-block-end:1px solid #999}h3{font-size:9.5pt;margin:4pt 0 1pt}
table{border-collapse:collapse;inline-size:100%}td{padding:1pt 4pt;border-block-end:1px solid #ddd;text-align:start}
.meta{color:#444}.demo{color:#b00;font-weight:700}.total{font-size:12pt;font-weight:700}
</style></head><body>${demo ? `<p class="demo">${escapeHtml(t('demoMarker'))}</p>` : ''}
<h1>${escapeHtml(t('people.headcount.title'))} — ${escapeHtml(delegation)}</h1>
<p class="meta">${escapeHtml(t('people.headcount.today', { day: data.today }))} · ${escapeHtml(t('people.headcount.generated', { at: generatedAt }))}</p>
<p class="total">${escapeHtml(t('people.headcount.total', { count: data.total }))}</p>${rows}</body></html>`;
}

export const peopleHandlers: Handlers<
  | 'people.list'
  | 'people.get'
  | 'people.create'
  | 'people.update'
  | 'people.delete'
  | 'people.addBriefing'
  | 'people.deleteBriefing'
  | 'people.saveTraining'
  | 'people.deleteTraining'
  | 'people.inCountry'
  | 'people.board'
  | 'people.purgePreview'
  | 'people.purge'
  | 'people.export'
> = {
  'people.list': (ctx, q) => {
    const page = repo.queryPeople(ctx.db.sqlite, q, { offset: q.startRow, limit: q.endRow - q.startRow });
    return { rows: withFlags(ctx, page.rows), total: page.total };
  },

  'people.get': (ctx, { id }) => detail(ctx, id),

  'people.create': (ctx, input) => {
    const created = ctx.transact((audit) => {
      checkLinks(ctx, input);
      const now = ctx.nowIso();
      const id = newId();
      repo.insertPerson(ctx.db.orm, { id, ...input, createdAt: now, updatedAt: now });
      const after = requirePerson(ctx, id);
      audit({ entity: 'people', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('people.changed', [created.id]);
    return created;
  },

  'people.update': (ctx, { id, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requirePerson(ctx, id);
      checkLinks(ctx, input, id);
      repo.updatePerson(ctx.db.orm, { id, ...input, updatedAt: ctx.nowIso() });
      const after = requirePerson(ctx, id);
      audit({ entity: 'people', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('people.changed', [id]);
    return updated;
  },

  'people.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requirePerson(ctx, id);
      repo.deletePeople(ctx.db.orm, [id]);
      audit({ entity: 'people', entityId: id, action: 'delete', before });
    });
    ctx.emit('people.changed', [id]);
    return { id };
  },

  'people.addBriefing': (ctx, input) => {
    const briefing = ctx.transact((audit) => {
      requirePerson(ctx, input.personId);
      const b: Briefing = { id: newId(), ...input };
      repo.insertBriefing(ctx.db.orm, b);
      audit({ entity: 'briefing', entityId: b.id, action: 'create', after: b });
      return b;
    });
    ctx.emit('people.changed', [input.personId]);
    return briefing;
  },

  'people.deleteBriefing': (ctx, { id }) => {
    const before = ctx.transact((audit) => {
      const found = repo.getBriefing(ctx.db.sqlite, id);
      if (!found) throw new AppError('NOT_FOUND', 'That briefing no longer exists.');
      repo.deleteBriefing(ctx.db.orm, id);
      audit({ entity: 'briefing', entityId: id, action: 'delete', before: found });
      return found;
    });
    ctx.emit('people.changed', [before.personId]);
    return { id };
  },

  'people.saveTraining': (ctx, { id, ...input }) => {
    const saved = ctx.transact((audit) => {
      requirePerson(ctx, input.personId);
      const before = id ? repo.getTraining(ctx.db.sqlite, id) : undefined;
      if (id && !before) throw new AppError('NOT_FOUND', 'That training record no longer exists.');
      const t: Training = { id: id ?? newId(), ...input };
      repo.upsertTraining(ctx.db.orm, t, Boolean(before));
      audit({ entity: 'training', entityId: t.id, action: before ? 'update' : 'create', before, after: t });
      return t;
    });
    ctx.emit('people.changed', [input.personId]);
    return saved;
  },

  'people.deleteTraining': (ctx, { id }) => {
    const before = ctx.transact((audit) => {
      const found = repo.getTraining(ctx.db.sqlite, id);
      if (!found) throw new AppError('NOT_FOUND', 'That training record no longer exists.');
      repo.deleteTraining(ctx.db.orm, id);
      audit({ entity: 'training', entityId: id, action: 'delete', before: found });
      return found;
    });
    ctx.emit('people.changed', [before.personId]);
    return { id };
  },

  'people.inCountry': (ctx) => inCountryNow(ctx),

  'people.board': (ctx) => {
    const everyone = withFlags(ctx, repo.allPeople(ctx.db.sqlite));
    const timeZone = loadSettings(ctx.db.sqlite).timeZone;
    const now = ctx.now();
    return {
      inCountry: everyone.filter((p) => isInCountry(p, now, timeZone)).length,
      notBriefed: everyone.filter((p) => p.notBriefed).map((p) => ({ id: p.id, name: p.name, arrivalAt: p.arrivalAt! })),
      training: everyone.flatMap((p) => p.trainingFlags.map((f) => ({ id: p.id, name: p.name, ...f }))),
    };
  },

  'people.purgePreview': (ctx, { olderThanMonths }) => purgeCandidates(ctx, olderThanMonths),

  'people.purge': (ctx, { olderThanMonths }) => {
    const result = ctx.transact((audit) => {
      const found = purgeCandidates(ctx, olderThanMonths);
      const ids = found.people.map((p) => p.id);
      repo.deletePeople(ctx.db.orm, ids);
      // What went, never who: ids and a count, so the audit trail keeps no personal data.
      audit({ entity: 'people', entityId: 'retention', action: 'purge', after: { olderThanMonths, cutoff: found.cutoff, count: ids.length, ids } });
      return found;
    });
    ctx.emit('people.changed', result.people.map((p) => p.id));
    return result;
  },

  'people.export': async (ctx, request) => {
    const target = checkExportTarget(request.path, request.format);
    const settings = loadSettings(ctx.db.sqlite);
    const lang = request.lang ?? settings.language;
    const t = translator(lang);
    if (request.format === 'pdf') {
      const html = renderHeadcount(inCountryNow(ctx), lang, settings.delegationName, settings.isDemo, localDay(ctx.now(), settings.timeZone));
      const pdf = await renderPdf(html, { paper: request.paper, chromium: request.chromium });
      const written = writeExport(target, pdf.data);
      ctx.logger.info('export written', { command: ctx.command, bytes: written.bytes, pages: pdf.pages });
      return { ...written, rows: inCountryNow(ctx).total, verified: true };
    }
    const wanted = (request.columns ?? PEOPLE_COLUMNS).filter(
      (c): c is PeopleColumn =>
        (PEOPLE_COLUMNS as readonly string[]).includes(c) && (request.includeRestricted || !RESTRICTED_PEOPLE_COLUMNS.includes(c as PeopleColumn)),
    );
    if (wanted.length === 0) throw new AppError('VALIDATION', 'Choose at least one column to export.');
    const now = ctx.now();
    let rows = withFlags(ctx, repo.queryPeople(ctx.db.sqlite, request.view, null).rows);
    if (request.inCountry) rows = rows.filter((p) => isInCountry(p, now, settings.timeZone));
    const columns = exportColumns(lang, wanted);
    const options = { sheetName: t('people.sheet'), demoMarker: settings.isDemo ? t('demoMarker') : null };
    const data = request.format === 'csv' ? toCsv(columns, rows, options) : await toXlsx(columns, rows, options);
    const written = writeExport(target, data);
    ctx.logger.info('export written', { command: ctx.command, rows: rows.length, bytes: written.bytes });
    return { ...written, rows: rows.length, verified: true };
  },
};
