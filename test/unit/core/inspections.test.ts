import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

/** A real 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let core: Core;
let clock = new Date('2024-02-29T09:00:00Z');
afterEach(() => core.close());

async function setup() {
  core = await makeUnlockedCore({ now: () => clock });
  const premises = await call(core, 'premises.create', { name: 'Main office', type: 'office' });
  const templates = await call(core, 'inspections.listTemplates', {});
  const office = templates.find((t) => t.presetKey === 'office')!;
  return { premises, templates, office };
}

type Detail = Awaited<ReturnType<typeof call<'inspections.get'>>>;

async function answerAll(inspection: Detail, value: (label: string, i: number) => string = () => 'yes') {
  let last = inspection;
  const dir = tempDir();
  const photo = path.join(dir, 'gate.png');
  fs.writeFileSync(photo, PNG);
  for (const [i, item] of inspection.items.entries()) {
    if (item.answerType === 'check') last = await call(core, 'inspections.answer', { inspectionId: inspection.id, itemId: item.id, value: value(item.label, i) });
    if (item.answerType === 'number') last = await call(core, 'inspections.answer', { inspectionId: inspection.id, itemId: item.id, value: '12' });
    if (item.answerType === 'date') last = await call(core, 'inspections.answer', { inspectionId: inspection.id, itemId: item.id, value: '2024-01-15' });
    if (item.answerType === 'photo') await call(core, 'inspections.addPhoto', { inspectionId: inspection.id, itemId: item.id, file: photo });
  }
  return call(core, 'inspections.get', { id: last.id });
}

describe('inspection templates', () => {
  it('seeds the four presets on first use, once, in the vault language', async () => {
    const { templates } = await setup();
    expect(templates.map((t) => t.presetKey).sort()).toEqual(['guest_house', 'office', 'residence', 'warehouse']);
    expect(templates.every((t) => t.version === 1 && t.itemCount > 20)).toBe(true);
    expect(await call(core, 'inspections.listTemplates', {})).toHaveLength(4);
    await call(core, 'settings.update', { language: 'fr' });
    const fr = await call(core, 'inspections.getTemplate', { id: templates.find((t) => t.presetKey === 'office')!.id });
    expect(fr.name).toBe('Inspection de bureau');
    expect(fr.items[0]!.label).toMatch(/Mur ou clôture/);
  });

  it('refuses a template with no items and saves nothing', async () => {
    await setup();
    const result = await callRaw(core, 'inspections.saveTemplate', { name: 'Empty', items: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'inspections.listTemplates', {})).toHaveLength(4);
  });

  it('editing a template makes a new version and leaves a finished inspection as it was', async () => {
    const { premises, office } = await setup();
    const template = await call(core, 'inspections.getTemplate', { id: office.id });
    const started = await call(core, 'inspections.start', { premisesId: premises.id, templateId: office.id });
    const finished = await call(core, 'inspections.finish', { id: (await answerAll(started)).id });
    const edited = await call(core, 'inspections.saveTemplate', {
      familyId: template.familyId,
      name: template.name,
      passThreshold: 90,
      premisesType: 'office',
      items: [{ ...template.items[0]!, label: 'Wall checked with a ladder' }, ...template.items.slice(1, 3)],
    });
    expect(edited).toMatchObject({ familyId: template.familyId, version: 2, itemCount: 3, passThreshold: 90 });
    expect(edited.items[0]).toMatchObject({ label: 'Wall checked with a ladder', presetKey: null, itemKey: template.items[0]!.itemKey });
    const list = await call(core, 'inspections.listTemplates', {});
    expect(list.find((t) => t.familyId === template.familyId)).toMatchObject({ id: edited.id, version: 2 });
    const after = await call(core, 'inspections.get', { id: finished.id });
    expect(after).toMatchObject({ templateId: office.id, templateVersion: 1, passThreshold: 80, score: finished.score });
    expect(after.items).toHaveLength(template.items.length);
    expect(after.items[0]!.label).toBe(template.items[0]!.label);
    // A copy is a new family.
    const copy = await call(core, 'inspections.saveTemplate', { name: 'Copy of office', items: template.items.slice(0, 2) });
    expect(copy).toMatchObject({ version: 1, presetKey: null });
    expect(copy.familyId).not.toBe(template.familyId);
  });
});

describe('inspection run', () => {
  it('keeps a draft as it is answered, refuses to finish with unanswered required items, then scores', async () => {
    const { premises, office } = await setup();
    const started = await call(core, 'inspections.start', { premisesId: premises.id, templateId: office.id, inspector: 'A. Diallo' });
    expect(started).toMatchObject({ status: 'draft', inspector: 'A. Diallo', inspectedOn: '2024-02-29', score: null });
    const first = started.items[0]!;
    await call(core, 'inspections.answer', { inspectionId: started.id, itemId: first.id, value: 'partial', note: 'Gap near the gate' });
    const refused = await callRaw(core, 'inspections.finish', { id: started.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (refused.ok) return;
    const unanswered = (refused.error.details as { unanswered: Array<{ itemId: string }> }).unanswered;
    expect(unanswered.length).toBe(started.items.filter((i) => i.required).length - 1);
    const kept = await call(core, 'inspections.get', { id: started.id });
    expect(kept.status).toBe('draft');
    expect(kept.items[0]).toMatchObject({ value: 'partial', note: 'Gap near the gate' });

    // A critical "no" fails it even though everything else is yes.
    const critical = started.items.find((i) => i.critical)!;
    const done = await answerAll(kept, (_l, i) => (started.items[i]!.id === critical.id ? 'no' : i === 0 ? 'partial' : 'yes'));
    const finished = await call(core, 'inspections.finish', { id: done.id });
    expect(finished.status).toBe('finished');
    expect(finished.passed).toBe(false);
    expect(finished.score).toBeGreaterThan(80);
    expect(finished.failedItemIds.sort()).toEqual([first.id, critical.id].sort());
    expect(await callRaw(core, 'inspections.answer', { inspectionId: started.id, itemId: first.id, value: 'yes' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('checks answers against the item type', async () => {
    const { premises, office } = await setup();
    const s = await call(core, 'inspections.start', { premisesId: premises.id, templateId: office.id });
    const check = s.items.find((i) => i.answerType === 'check')!;
    const num = s.items.find((i) => i.answerType === 'number')!;
    expect(await callRaw(core, 'inspections.answer', { inspectionId: s.id, itemId: check.id, value: 'maybe' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callRaw(core, 'inspections.answer', { inspectionId: s.id, itemId: num.id, value: 'lots' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call(core, 'inspections.answer', { inspectionId: s.id, itemId: num.id, value: '12,5' })).items.find((i) => i.id === num.id)!.value).toBe('12.5');
  });

  it('stores a real image, and refuses a non-image and a 50 MB file with nothing added', async () => {
    const { premises, office } = await setup();
    const s = await call(core, 'inspections.start', { premisesId: premises.id, templateId: office.id });
    const item = s.items[0]!;
    const dir = tempDir();
    const fake = path.join(dir, 'photo.png');
    fs.writeFileSync(fake, 'this is a text file pretending to be a PNG');
    const notImage = await callRaw(core, 'inspections.addPhoto', { inspectionId: s.id, itemId: item.id, file: fake });
    expect(notImage).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!notImage.ok) expect(notImage.error.message).toMatch(/not a PNG, JPEG or WebP/);
    const huge = path.join(dir, 'huge.jpg');
    const fd = fs.openSync(huge, 'w');
    fs.writeSync(fd, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    const tooBig = await callRaw(core, 'inspections.addPhoto', { inspectionId: s.id, itemId: item.id, file: huge });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!tooBig.ok) expect(tooBig.error.message).toMatch(/50\.0 MB.*at most 10 MB/);
    expect((await call(core, 'inspections.get', { id: s.id })).items[0]!.photoIds).toEqual([]);

    const good = path.join(dir, 'gate.png');
    fs.writeFileSync(good, PNG);
    const added = await call(core, 'inspections.addPhoto', { inspectionId: s.id, itemId: item.id, file: good });
    expect(added).toMatchObject({ mime: 'image/png', size: PNG.length });
    const back = await call(core, 'inspections.getPhoto', { id: added.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(PNG)).toBe(true);
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(20)]);
    fs.writeFileSync(path.join(dir, 'w.bin'), webp);
    expect((await call(core, 'inspections.addPhoto', { inspectionId: s.id, itemId: item.id, file: path.join(dir, 'w.bin') })).mime).toBe('image/webp');
  });

  it('deletes a photo of a draft (audited), and refuses on a finished inspection with nothing changed', async () => {
    const { premises, office } = await setup();
    const s = await call(core, 'inspections.start', { premisesId: premises.id, templateId: office.id });
    const item = s.items[0]!;
    const file = path.join(tempDir(), 'gate.png');
    fs.writeFileSync(file, PNG);
    const keep = await call(core, 'inspections.addPhoto', { inspectionId: s.id, itemId: item.id, file });
    const gone = await call(core, 'inspections.addPhoto', { inspectionId: s.id, itemId: item.id, file });
    expect((await call(core, 'inspections.get', { id: s.id })).items[0]!.photoIds).toHaveLength(2);

    expect(await call(core, 'inspections.deletePhoto', { id: gone.id })).toEqual({ id: gone.id });
    expect((await call(core, 'inspections.get', { id: s.id })).items[0]!.photoIds).toEqual([keep.id]);
    expect(await callRaw(core, 'inspections.getPhoto', { id: gone.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const audit = await call(core, 'audit.list', { startRow: 0, endRow: 500 });
    expect(audit.rows.some((r) => r.command === 'inspections.deletePhoto' && r.entityId === gone.id && r.action === 'delete')).toBe(true);

    const done = await answerAll(await call(core, 'inspections.get', { id: s.id }));
    await call(core, 'inspections.finish', { id: done.id });
    const auditBefore = (await call(core, 'audit.list', {})).total;
    const refused = await callRaw(core, 'inspections.deletePhoto', { id: keep.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/finished; its photos are kept/);
    expect((await call(core, 'inspections.get', { id: s.id })).items[0]!.photoIds).toEqual([keep.id]);
    expect(Buffer.from((await call(core, 'inspections.getPhoto', { id: keep.id })).dataBase64, 'base64').equals(PNG)).toBe(true);
    expect((await call(core, 'audit.list', {})).total).toBe(auditBefore);
  });

  it('refuses an unknown premises or template', async () => {
    const { premises, office } = await setup();
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect(await callRaw(core, 'inspections.start', { premisesId: unknown, templateId: office.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callRaw(core, 'inspections.start', { premisesId: premises.id, templateId: unknown })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('corrective actions and comparison', () => {
  it('creates actions from failed items only, shows overdue ones, and closes them with a note', async () => {
    const { premises, office } = await setup();
    const s = await call(core, 'inspections.start', { premisesId: premises.id, templateId: office.id });
    const done = await answerAll(s, (_l, i) => (i === 0 ? 'no' : i === 1 ? 'partial' : 'yes'));
    const finished = await call(core, 'inspections.finish', { id: done.id });
    const [a, b] = finished.failedItemIds;
    const yesItem = finished.items.find((i) => i.value === 'yes')!;
    expect(await callRaw(core, 'inspections.createActions', { inspectionId: s.id, actions: [{ itemId: yesItem.id, owner: 'Logistics' }] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const actions = await call(core, 'inspections.createActions', {
      inspectionId: s.id,
      actions: [
        { itemId: a!, owner: 'Logistics', dueDate: '2024-02-28' },
        { itemId: b!, owner: 'Admin', dueDate: '2024-03-31', title: 'Fix the gate' },
      ],
    });
    expect(actions.map((x) => [x.title, x.overdue])).toEqual([
      [finished.items[0]!.label, true],
      ['Fix the gate', false],
    ]);
    expect(await callRaw(core, 'inspections.createActions', { inspectionId: s.id, actions: [{ itemId: a! }] })).toMatchObject({ ok: false });
    expect(await call(core, 'inspections.board', {})).toMatchObject({ openActions: 2, overdueActions: 1 });
    const overdue = await call(core, 'inspections.listActions', { filterModel: { overdue: { filterType: 'text', type: 'equals', filter: 'yes' } } });
    expect(overdue.rows.map((r) => r.owner)).toEqual(['Logistics']);
    const noNote = await callRaw(core, 'inspections.updateAction', { id: actions[0]!.id, title: 'x', status: 'done' });
    expect(noNote).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const closed = await call(core, 'inspections.updateAction', { id: actions[0]!.id, title: 'Wall repaired', owner: 'Logistics', status: 'done', closingNote: 'Mason came' });
    expect(closed).toMatchObject({ status: 'done', overdue: false, closingNote: 'Mason came' });
    expect((await call(core, 'inspections.get', { id: s.id })).actions).toHaveLength(2);
    // Time passes: 31 Mar is still on time on 31 Mar, overdue on 1 Apr.
    clock = new Date('2024-03-31T20:00:00Z');
    expect((await call(core, 'inspections.board', {})).overdueActions).toBe(0);
    clock = new Date('2024-04-01T06:00:00Z');
    expect((await call(core, 'inspections.board', {})).overdueActions).toBe(1);
    clock = new Date('2024-02-29T09:00:00Z');

    const dir = tempDir();
    const csv = await call(core, 'inspections.exportActions', { format: 'csv', path: path.join(dir, 'actions.csv') });
    expect(csv.rows).toBe(2);
    const text = fs.readFileSync(csv.path, 'utf8');
    expect(text).toContain('Fix the gate');
    expect(text).toContain('Due date');
    expect(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toContain('actions.csv');
  });

  it('compares with the previous finished inspection of the same premises', async () => {
    const { premises, office } = await setup();
    const first = await call(core, 'inspections.start', { premisesId: premises.id, templateId: office.id, inspectedOn: '2024-01-10' });
    await call(core, 'inspections.finish', { id: (await answerAll(first, (_l, i) => (i === 0 ? 'no' : i === 1 ? 'yes' : 'yes'))).id });
    const second = await call(core, 'inspections.start', { premisesId: premises.id, templateId: office.id, inspectedOn: '2024-02-20' });
    await answerAll(second, (_l, i) => (i === 0 ? 'yes' : i === 1 ? 'partial' : 'yes'));
    const cmp = await call(core, 'inspections.compare', { id: second.id });
    expect(cmp.previous?.id).toBe(first.id);
    expect(cmp.items[0]).toMatchObject({ before: 'no', after: 'yes', change: 'improved' });
    expect(cmp.items[1]).toMatchObject({ before: 'yes', after: 'partial', change: 'worse' });
    expect(cmp.counts.improved).toBe(1);
    expect(cmp.counts.worse).toBe(1);
    expect((await call(core, 'inspections.compare', { id: first.id })).previous).toBeNull();
  });
});

describe('equipment register', () => {
  it('refuses an expiry before the purchase date and an impossible date', async () => {
    const { premises } = await setup();
    const r = await callRaw(core, 'equipment.create', { premisesId: premises.id, kind: 'fire_extinguisher', purchaseDate: '2024-03-01', expiryDate: '2024-02-29' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect((r.error.details as { issues: Array<{ path: string; message: string }> }).issues).toContainEqual({ path: 'expiryDate', message: 'expiryBeforePurchase' });
    expect(await callRaw(core, 'equipment.create', { premisesId: premises.id, kind: 'radio', expiryDate: '2023-02-29' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call(core, 'equipment.list', {})).total).toBe(0);
  });

  it('computes ok / due / overdue against the clock, around 29 February and month ends', async () => {
    const { premises } = await setup();
    const mk = (expiryDate: string | null, nextCheck: string | null = null) =>
      call(core, 'equipment.create', { premisesId: premises.id, kind: 'fire_extinguisher', type: 'CO2', capacity: '5 kg', expiryDate, nextCheck });
    const yesterday = await mk('2024-02-28');
    const todayItem = await mk('2024-02-29');
    const in30 = await mk('2024-03-30');
    const in31 = await mk('2024-03-31');
    const checkDue = await mk('2030-01-01', '2024-03-15');
    expect([yesterday, todayItem, in30, in31, checkDue].map((e) => e.status)).toEqual(['overdue', 'due', 'due', 'ok', 'due']);
    expect(await call(core, 'inspections.board', {})).toMatchObject({ equipmentDue: 3, equipmentOverdue: 1 });
    const overdue = await call(core, 'equipment.list', { filterModel: { status: { filterType: 'text', type: 'equals', filter: 'overdue' } } });
    expect(overdue.rows.map((r) => r.id)).toEqual([yesterday.id]);
    // Late on 29 Feb UTC it is already 1 March in Nairobi (UTC+3): the 29 Feb item is now overdue.
    clock = new Date('2024-02-29T22:00:00Z');
    expect((await call(core, 'equipment.list', {})).rows.find((r) => r.id === todayItem.id)!.status).toBe('overdue');
    clock = new Date('2024-02-29T09:00:00Z');

    const updated = await call(core, 'equipment.update', { ...in31, id: in31.id, expiryDate: '2024-03-01' });
    expect(updated.status).toBe('due');
    await call(core, 'equipment.delete', { id: in31.id });
    expect((await call(core, 'equipment.list', {})).total).toBe(4);
    const dir = tempDir();
    const xlsx = await call(core, 'equipment.export', { format: 'xlsx', path: path.join(dir, 'equipment.xlsx') });
    expect(xlsx.rows).toBe(4);
    expect(fs.readFileSync(xlsx.path).subarray(0, 2).toString()).toBe('PK');
  });
});
