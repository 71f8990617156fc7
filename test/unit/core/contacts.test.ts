import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
});
afterEach(() => core.close());

const issuesOf = (result: { ok: boolean; error?: { details?: unknown } }) =>
  ((result.error?.details as { issues?: Array<{ path: string }> } | undefined)?.issues ?? []).map((i) => i.path);

describe('organisations and contacts through dispatch', () => {
  it('creates, lists, updates and deletes, with audit rows and events', async () => {
    const events: string[] = [];
    core.subscribe((e) => events.push(e.name));
    const org = await call(core, 'organisations.create', { name: 'UNDSS Dunmore', type: 'undss' });
    const contact = await call(core, 'contacts.create', {
      name: 'Grace Wanjiru',
      organisationId: org.id,
      phones: [{ label: 'mobile', number: '+254 711 000 321' }],
      messaging: [{ service: 'Signal', handle: '+254711000321' }],
    });
    expect(contact).toMatchObject({ organisationName: 'UNDSS Dunmore', organisationType: 'undss', lastContactDate: null, daysSinceContact: null });
    const updated = await call(core, 'contacts.update', { ...contact, id: contact.id, role: 'Field Security Coordination Officer', sensitive: true });
    expect(updated.role).toBe('Field Security Coordination Officer');
    expect((await call(core, 'organisations.get', { id: org.id })).contactCount).toBe(1);
    const list = await call(core, 'contacts.list', { quickFilter: 'undss grace' });
    expect(list.rows.map((r) => r.name)).toEqual(['Grace Wanjiru']);
    const audit = await call(core, 'audit.list', {} as never);
    expect(JSON.stringify(audit)).toContain('contact');
    await call(core, 'contacts.delete', { id: contact.id });
    expect(await callRaw(core, 'contacts.get', { id: contact.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(events).toEqual(['organisations.changed', 'contacts.changed', 'contacts.changed', 'contacts.changed', 'interactions.changed']);
  });

  it.each([
    ['empty name', { name: '  ' }, 'name'],
    ['phone without digits', { name: 'A', phones: [{ label: 'x', number: 'call me' }] }, 'phones.0.number'],
    ['bad e-mail', { name: 'A', email: 'not-an-email' }, 'email'],
    ['latitude out of range', { name: 'A', latitude: 91, longitude: 10 }, 'latitude'],
    ['only one coordinate', { name: 'A', latitude: 10 }, 'longitude'],
    ['impossible last contact date', { name: 'A', lastContactDate: '2024-02-30' }, 'lastContactDate'],
    ['organisation that is not an id', { name: 'A', organisationId: 'UNDSS' }, 'organisationId'],
  ])('refuses %s with VALIDATION and saves nothing', async (_label, input, field) => {
    const result = await callRaw(core, 'contacts.create', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(issuesOf(result as never)).toContain(field);
    expect((await call(core, 'contacts.list', {})).total).toBe(0);
  });

  it('refuses an organisation that does not exist and an unknown organisation type', async () => {
    const missing = await callRaw(core, 'contacts.create', { name: 'A', organisationId: '01900000-0000-7000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(issuesOf(missing as never)).toContain('organisationId');
    const badType = await callRaw(core, 'organisations.create', { name: 'X', type: 'mafia' });
    expect(issuesOf(badType as never)).toContain('type');
  });

  it('logging an interaction moves the last contact date forward, never back, and computes days since', async () => {
    const org = await call(core, 'organisations.create', { name: 'Fictional Police', type: 'police' });
    const c = await call(core, 'contacts.create', { name: 'Chief Inspector Omondi', organisationId: org.id });
    const today = (await call(core, 'contacts.get', { id: c.id })).daysSinceContact;
    expect(today).toBeNull();
    await call(core, 'interactions.create', { date: '2020-01-10', contactId: c.id, kind: 'meeting', subject: 'Checkpoint coordination' });
    await call(core, 'interactions.create', { date: '2019-05-01', contactId: c.id, kind: 'call', subject: 'Older call' });
    const after = await call(core, 'contacts.get', { id: c.id });
    expect(after.lastContactDate).toBe('2020-01-10');
    expect(after.daysSinceContact).toBeGreaterThan(365);
    const log = await call(core, 'interactions.list', { contactId: c.id });
    expect(log.map((i) => i.subject)).toEqual(['Checkpoint coordination', 'Older call']);
    expect(log[0]!.organisationId).toBe(org.id);
    expect((await call(core, 'interactions.list', { organisationId: org.id })).length).toBe(2);
    const stale = await call(core, 'contacts.list', { filterModel: { daysSinceContact: { filterType: 'number', type: 'greaterThanOrEqual', filter: 90 } } });
    expect(stale.rows.map((r) => r.id)).toEqual([c.id]);
    expect(await call(core, 'contacts.summary', {})).toMatchObject({ contacts: 1, stale: 1, staleDays: 90 });
  });

  it('refuses an interaction with nobody, a bad kind or a bad date', async () => {
    for (const [input, field] of [
      [{ date: '2024-01-01', kind: 'meeting', subject: 'x' }, 'contactId'],
      [{ date: '2024-13-01', kind: 'meeting', subject: 'x', organisationId: '01900000-0000-7000-8000-000000000000' }, 'date'],
      [{ date: '2024-01-01', kind: 'telepathy', subject: 'x', organisationId: '01900000-0000-7000-8000-000000000000' }, 'kind'],
    ] as const) {
      const result = await callRaw(core, 'interactions.create', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(issuesOf(result as never)).toContain(field);
    }
  });

  it('links contacts once, refuses self links, and shows them in the network filtered by type', async () => {
    const undss = await call(core, 'organisations.create', { name: 'UNDSS', type: 'undss' });
    const police = await call(core, 'organisations.create', { name: 'Police', type: 'police' });
    const a = await call(core, 'contacts.create', { name: 'A', organisationId: undss.id });
    const b = await call(core, 'contacts.create', { name: 'B', organisationId: police.id });
    await call(core, 'contactLinks.create', { fromContactId: a.id, toContactId: b.id, relation: 'introduced' });
    expect(await callRaw(core, 'contactLinks.create', { fromContactId: b.id, toContactId: a.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await callRaw(core, 'contactLinks.create', { fromContactId: a.id, toContactId: a.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const all = await call(core, 'contacts.network', {});
    expect(all.links).toHaveLength(1);
    const onlyUndss = await call(core, 'contacts.network', { types: ['undss'] });
    expect(onlyUndss.contacts.map((c) => c.name)).toEqual(['A']);
    expect(onlyUndss.links).toHaveLength(0);
  });
});
