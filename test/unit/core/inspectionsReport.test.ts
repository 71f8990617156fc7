import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { findChromium } from '../../../electron/core/report/renderPdf';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
afterEach(() => core.close());

/** An 8x8 red PNG, so the report shows a real picture. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC',
  'base64',
);

describe.skipIf(!findChromium())('inspection report PDF', () => {
  it('prints premises, scores, pass/fail, failed items with photos and actions; Arabic is RTL', async () => {
    core = await makeUnlockedCore({ demo: true });
    const premises = await call(core, 'premises.create', { name: 'Kessin residence', type: 'residence' });
    const template = (await call(core, 'inspections.listTemplates', {})).find((t) => t.presetKey === 'residence')!;
    const s = await call(core, 'inspections.start', { premisesId: premises.id, templateId: template.id, inspector: 'Amina Diallo' });
    const dir = tempDir();
    const photo = path.join(dir, 'wall.png');
    fs.writeFileSync(photo, PNG);
    for (const [i, item] of s.items.entries()) {
      if (item.answerType === 'check') await call(core, 'inspections.answer', { inspectionId: s.id, itemId: item.id, value: i === 0 ? 'no' : 'yes', ...(i === 0 ? { note: 'Breach behind the kitchen' } : {}) });
      else if (item.answerType === 'number') await call(core, 'inspections.answer', { inspectionId: s.id, itemId: item.id, value: '40' });
      else if (item.answerType === 'date') await call(core, 'inspections.answer', { inspectionId: s.id, itemId: item.id, value: '2024-01-01' });
      if (i === 0 || item.answerType === 'photo') await call(core, 'inspections.addPhoto', { inspectionId: s.id, itemId: item.id, file: photo });
    }
    await call(core, 'inspections.finish', { id: s.id });
    await call(core, 'inspections.createActions', { inspectionId: s.id, actions: [{ itemId: s.items[0]!.id, owner: 'Logistics officer', dueDate: '2030-01-31', title: 'Rebuild the wall section' }] });

    const out = path.join(dir, 'report.pdf');
    const result = await call(core, 'inspections.report', { id: s.id, path: out });
    expect(result.pages).toBeGreaterThanOrEqual(1);
    const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
    for (const expected of ['FICTIONAL DEMO DATA', 'Premises inspection report', 'Kessin residence', 'Amina Diallo', 'Perimeter', 'PASS', 'Breach behind the kitchen', 'Rebuild the wall section', 'Logistics officer']) {
      expect(text).toContain(expected);
    }
    expect(execFileSync('pdfimages', ['-list', out]).toString().split('\n').length).toBeGreaterThan(3);
    expect(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toContain(`${result.sha256}  report.pdf`);

    // The delegation's logo (Settings > Report logo) heads the inspection report too: one image more.
    const images = (file: string) => execFileSync('pdfimages', ['-list', file]).toString().trim().split('\n').length;
    await call(core, 'reports.setLogo', { file: photo });
    const withLogo = await call(core, 'inspections.report', { id: s.id, path: path.join(dir, 'report-logo.pdf') });
    expect(images(withLogo.path)).toBe(images(out) + 1);

    const ar = await call(core, 'inspections.report', { id: s.id, path: path.join(dir, 'report-ar.pdf'), lang: 'ar', paper: 'letter' });
    // pdftotext gives Arabic presentation forms, bidi marks and stray spaces inside words: fold them away.
    const arText = execFileSync('pdftotext', [ar.path, '-']).toString().normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e\s]/g, '');
    expect(arText).toContain('بياناتتجريبيةوهمية');
    expect(arText).toContain('المحيطالخارجي');
    const png = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', ar.path, png]);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
  }, 60_000);

  it('refuses a missing Chromium with a clear message', async () => {
    core = await makeUnlockedCore();
    const premises = await call(core, 'premises.create', { name: 'P', type: 'office' });
    const template = (await call(core, 'inspections.listTemplates', {}))[0]!;
    const s = await call(core, 'inspections.start', { premisesId: premises.id, templateId: template.id });
    const r = await callRaw(core, 'inspections.report', { id: s.id, path: path.join(tempDir(), 'r.pdf'), chromium: '/no/such/chromium' });
    expect(r).toMatchObject({ ok: false, error: { code: 'IO' } });
    if (!r.ok) expect(r.error.message).toMatch(/No Chromium/);
  });
});
