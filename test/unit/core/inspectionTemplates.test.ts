import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import type { TemplateItem } from '../../../shared/contract/inspections';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

/** A real 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let core: Core;
afterEach(() => core.close());

async function setup() {
  core = await makeUnlockedCore({ now: () => new Date('2024-03-31T09:00:00Z') });
  const premises = await call(core, 'premises.create', { name: 'Warehouse 2', type: 'warehouse' });
  const templates = await call(core, 'inspections.listTemplates', {});
  const office = await call(core, 'inspections.getTemplate', { id: templates.find((t) => t.presetKey === 'office')!.id });
  return { premises, office };
}

const asInput = ({ itemKey, presetKey, section, label, answerType, weight, critical, required, photoRequired }: TemplateItem) => ({
  itemKey,
  presetKey,
  section,
  label,
  answerType,
  weight,
  critical,
  required,
  photoRequired,
});

function photoFile(): string {
  const file = path.join(tempDir(), 'evidence.png');
  fs.writeFileSync(file, PNG);
  return file;
}

type Detail = Awaited<ReturnType<typeof call<'inspections.get'>>>;

async function answerEverything(d: Detail, photo: string): Promise<Detail> {
  for (const item of d.items) {
    const value = { check: 'yes', number: '3', date: '2024-03-01', text: 'ok', photo: null }[item.answerType];
    if (value) await call(core, 'inspections.answer', { inspectionId: d.id, itemId: item.id, value });
    if (item.answerType === 'photo') await call(core, 'inspections.addPhoto', { inspectionId: d.id, itemId: item.id, file: photo });
  }
  return call(core, 'inspections.get', { id: d.id });
}

describe('template editing', () => {
  it('saves answer type, flags, order and deletions as a new version; a finished inspection keeps the old one', async () => {
    const { premises, office } = await setup();
    const photo = photoFile();
    const started = await call(core, 'inspections.start', { premisesId: premises.id, templateId: office.id });
    const finished = await call(core, 'inspections.finish', { id: (await answerEverything(started, photo)).id });

    const [a, b, c, ...rest] = office.items.map(asInput);
    // Move the second item first, delete the third, turn the first into a number item with a photo required.
    const edited = await call(core, 'inspections.saveTemplate', {
      familyId: office.familyId,
      name: office.name,
      premisesType: 'warehouse',
      passThreshold: 75,
      items: [b!, { ...a!, answerType: 'number', weight: 0, critical: false, required: false, photoRequired: true }, ...rest],
    });
    expect(edited).toMatchObject({ version: 2, premisesType: 'warehouse', passThreshold: 75, itemCount: office.items.length - 1 });
    expect(edited.items.map((i) => i.itemKey).slice(0, 2)).toEqual([b!.itemKey, a!.itemKey]);
    expect(edited.items[1]).toMatchObject({ answerType: 'number', weight: 0, required: false, photoRequired: true });
    expect(edited.items.some((i) => i.itemKey === c!.itemKey)).toBe(false);
    // Read back from the store, not from the save's answer.
    const reread = await call(core, 'inspections.getTemplate', { id: edited.id });
    expect(reread.items.map((i) => i.label)).toEqual(edited.items.map((i) => i.label));

    const after = await call(core, 'inspections.get', { id: finished.id });
    expect(after).toMatchObject({ status: 'finished', templateVersion: 1, passThreshold: 80, score: finished.score, passed: finished.passed });
    expect(after.items.map((i) => [i.itemKey, i.answerType, i.photoRequired])).toEqual(finished.items.map((i) => [i.itemKey, i.answerType, false]));

    // The version history lists both versions, newest first, and which inspection used each.
    const versions = await call(core, 'inspections.templateVersions', { familyId: office.familyId });
    expect(versions.map((v) => [v.version, v.itemCount, v.inspectionCount])).toEqual([
      [2, office.items.length - 1, 0],
      [1, office.items.length, 1],
    ]);
    expect(versions[1]!.inspections).toEqual([{ id: finished.id, premisesName: 'Warehouse 2', inspectedOn: '2024-03-31', status: 'finished' }]);
  });

  it('refuses a template with no items with a clear message and changes nothing', async () => {
    const { office } = await setup();
    const refused = await callRaw(core, 'inspections.saveTemplate', { familyId: office.familyId, name: office.name, items: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/at least one item/), details: { issues: [{ path: 'items', message: 'noItems' }] } } });
    expect(await call(core, 'inspections.templateVersions', { familyId: office.familyId })).toHaveLength(1);
    expect((await call(core, 'inspections.getTemplate', { id: office.id })).items).toHaveLength(office.items.length);
  });

  it('refuses an empty label or a weight out of range, naming the item, with nothing saved', async () => {
    const { office } = await setup();
    const items = office.items.map(asInput);
    for (const [bad, path] of [
      [{ ...items[2]!, label: '   ' }, 'items.2.label'],
      [{ ...items[3]!, weight: 11 }, 'items.3.weight'],
    ] as const) {
      const input = { familyId: office.familyId, name: office.name, items: items.map((it, i) => (i === Number(path.split('.')[1]) ? bad : it)) };
      const refused = await callRaw(core, 'inspections.saveTemplate', input);
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path }] } } });
    }
    expect(await call(core, 'inspections.templateVersions', { familyId: office.familyId })).toHaveLength(1);
  });

  it('shows a rewritten preset label as written, and an untouched one in the reader language', async () => {
    const { office } = await setup();
    const items = office.items.map(asInput);
    const saved = await call(core, 'inspections.saveTemplate', {
      familyId: office.familyId,
      name: office.name,
      items: [{ ...items[0]!, label: 'Fence checked from outside', presetKey: null }, ...items.slice(1)],
    });
    expect(saved.items[0]!.presetKey).toBeNull();
    expect(saved.items[1]!.presetKey).toBe(items[1]!.presetKey);
    await call(core, 'settings.update', { language: 'es' });
    const es = await call(core, 'inspections.getTemplate', { id: saved.id });
    expect(es.items[0]!.label).toBe('Fence checked from outside');
    expect(es.items[1]!.label).not.toBe(office.items[1]!.label);
  });
});

describe('version history', () => {
  it('editing from an older version saves after the newest one; an unknown family is not found', async () => {
    const { office } = await setup();
    const items = office.items.map(asInput);
    const v2 = await call(core, 'inspections.saveTemplate', { familyId: office.familyId, name: office.name, items: items.slice(0, 3) });
    // The user opens v1 from the history and saves it again: it becomes v3 with v1's items, v2 is kept.
    const v1 = await call(core, 'inspections.getTemplate', { id: office.id });
    const v3 = await call(core, 'inspections.saveTemplate', { familyId: v1.familyId, name: v1.name, items: v1.items.map(asInput) });
    expect(v3).toMatchObject({ version: 3, itemCount: office.items.length });
    expect((await call(core, 'inspections.templateVersions', { familyId: office.familyId })).map((v) => [v.id, v.version])).toEqual([
      [v3.id, 3],
      [v2.id, 2],
      [office.id, 1],
    ]);
    const unknown = await callRaw(core, 'inspections.templateVersions', { familyId: '0190a5f0-0000-7000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('photo required', () => {
  it('an inspection cannot be finished while a photo-required item has no photo; the draft is kept', async () => {
    const { premises, office } = await setup();
    const photo = photoFile();
    const items = office.items.map(asInput);
    const checkIndexes = items.flatMap((it, i) => (it.answerType === 'check' ? [i] : [])).slice(0, 2);
    const template = await call(core, 'inspections.saveTemplate', {
      name: 'Warehouse with evidence',
      items: items.map((it, i) => (checkIndexes.includes(i) ? { ...it, photoRequired: true } : it)),
    });
    const [needsPhoto, naAllowed] = checkIndexes.map((i) => template.items[i]!);
    const started = await call(core, 'inspections.start', { premisesId: premises.id, templateId: template.id });
    expect(started.items.find((i) => i.itemKey === needsPhoto!.itemKey)!.photoRequired).toBe(true);
    let draft = await answerEverything(started, photo);
    const naItem = draft.items.find((i) => i.itemKey === naAllowed!.itemKey)!;
    await call(core, 'inspections.answer', { inspectionId: draft.id, itemId: naItem.id, value: 'na', note: 'No gate on this side' });

    const refused = await callRaw(core, 'inspections.finish', { id: draft.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/1 item\(s\) need a photo/) } });
    if (refused.ok) return;
    const missing = (refused.error.details as { missingPhotos: Array<{ itemId: string }> }).missingPhotos;
    const target = draft.items.find((i) => i.itemKey === needsPhoto!.itemKey)!;
    expect(missing.map((m) => m.itemId)).toEqual([target.id]);
    draft = await call(core, 'inspections.get', { id: draft.id });
    expect(draft.status).toBe('draft');
    expect(draft.items.find((i) => i.id === naItem.id)).toMatchObject({ value: 'na', note: 'No gate on this side' });
    expect(draft.items.find((i) => i.id === target.id)!.value).toBe('yes');

    await call(core, 'inspections.addPhoto', { inspectionId: draft.id, itemId: target.id, file: photo });
    expect(await call(core, 'inspections.finish', { id: draft.id })).toMatchObject({ status: 'finished' });
  });
});
