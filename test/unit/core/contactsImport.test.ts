import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

const fixture = (name: string) => path.resolve(__dirname, '../../fixtures/contacts', name);

let core: Core;
beforeEach(async () => {
  core = await makeUnlockedCore();
});
afterEach(() => core.close());

const names = async () => (await call(core, 'contacts.list', { endRow: 1000 })).rows.map((r) => r.name).sort();

describe('vCard import', () => {
  it('reads an iPhone 3.0 card: several TEL types, a custom label, folded note, photo dropped with a note', async () => {
    const report = await call(core, 'contacts.import', { file: fixture('iphone.vcf') });
    expect(report).toMatchObject({ format: 'vcf', committed: true, created: 1, problems: [] });
    expect(report.notes.map((n) => n.code)).toContain('photoDropped');
    const [c] = (await call(core, 'contacts.list', {})).rows;
    expect(c).toMatchObject({ name: 'Chidi Okonkwo', organisationName: 'Fictional INSO Office', role: 'Safety Advisor', email: 'chidi.okonkwo@example.org' });
    expect(c!.phones).toEqual([
      { label: 'mobile', number: '+254 700 111 222' },
      { label: 'work', number: '+254 20 555 0101' },
      { label: 'Thuraya', number: '+254 733 999 000' },
      { label: 'home', number: '020 555 0199' },
    ]);
    expect(c!.notes).toBe('Met at the security cell meeting. Prefers calls after 18:00, never on Fridays.');
    expect(c!.address).toBe('12 Harbour Road, Dunmore, Fictionland');
  });

  it('reads an Outlook 3.0 card with QUOTED-PRINTABLE and CHARSET=UTF-8, soft line breaks included', async () => {
    await call(core, 'contacts.import', { file: fixture('outlook.vcf') });
    const [c] = (await call(core, 'contacts.list', {})).rows;
    expect(c).toMatchObject({ name: 'Françoise Lefèvre', role: 'Attachée de sécurité', organisationName: 'Fictional Embassy' });
    expect(c!.notes).toBe("Responsable sécurité de l'ambassade. Très réactive la nuit.\nDeuxième ligne.");
    expect(c!.phones.map((p) => p.label)).toEqual(['work', 'mobile']);
  });

  it('reads 4.0 cards with Arabic and French names, tel: URIs, LANG, GEO and IMPP', async () => {
    await call(core, 'contacts.import', { file: fixture('arabic-french-4.vcf') });
    expect(await names()).toEqual(['Hélène Dubois-Mbaye', 'أحمد الخطيب']);
    const ahmad = (await call(core, 'contacts.list', { quickFilter: 'الخطيب' })).rows[0]!;
    expect(ahmad).toMatchObject({ organisationName: 'الهلال الأحمر الخيالي', languages: 'ar, fr', latitude: -3.2, longitude: 62.1 });
    expect(ahmad.phones).toEqual([{ label: 'mobile', number: '+961-3-555-123' }]);
    expect(ahmad.externalId).toBe('urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1');
    const helene = (await call(core, 'contacts.list', { quickFilter: 'Hélène' })).rows[0]!;
    expect(helene.messaging).toEqual([{ service: 'Signal', handle: '+221775550178' }]);
  });

  it.each([
    ['no-fn.vcf', 2, 'noName'],
    ['broken-folding.vcf', 1, 'brokenLine'],
    ['unknown-charset.vcf', 1, 'unknownCharset'],
  ])('%s: a clear problem for card %i, and nothing at all imported', async (file, row, code) => {
    const report = await call(core, 'contacts.import', { file: fixture(file) });
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ row, code, message: expect.any(String) })]);
    expect(report.problems[0]!.message.length).toBeGreaterThan(20);
    expect(await names()).toEqual([]);
  });

  it('refuses a card with a 10 MB photo with a clear message, and imports nothing', async () => {
    const dir = tempDir();
    const big = Buffer.alloc(10 * 1024 * 1024, 0xff).toString('base64');
    const folded = big.match(/.{1,74}/g)!.join('\r\n ');
    const file = path.join(dir, 'big-photo.vcf');
    fs.writeFileSync(
      file,
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Small Card\r\nTEL:+1 555 0100\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:${folded}\r\nEND:VCARD\r\n`,
    );
    const report = await call(core, 'contacts.import', { file });
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ row: 2, code: 'photoTooLarge' })]);
    expect(report.problems[0]!.message).toMatch(/13\.3 MB.*1\.0 MB/);
    expect(report.items.map((i) => i.action)).toEqual(['create', 'invalid']);
    expect(await names()).toEqual([]);
  });

  it('a dry run reports and writes nothing', async () => {
    const report = await call(core, 'contacts.import', { file: fixture('arabic-french-4.vcf'), dryRun: true });
    expect(report).toMatchObject({ committed: false, created: 2, problems: [] });
    expect(await names()).toEqual([]);
  });

  it('merges a duplicate (same phone in another format, or same e-mail) into the existing contact', async () => {
    const existing = await call(core, 'contacts.create', { name: 'C. Okonkwo', phones: [{ label: 'mobile', number: '00254700111222' }], role: '' });
    const report = await call(core, 'contacts.import', { file: fixture('iphone.vcf') });
    expect(report).toMatchObject({ created: 0, updated: 1, items: [expect.objectContaining({ action: 'merge', mergeWith: { id: existing.id, name: 'C. Okonkwo' } })] });
    const merged = await call(core, 'contacts.get', { id: existing.id });
    expect(merged.name).toBe('C. Okonkwo');
    expect(merged.role).toBe('Safety Advisor');
    expect(merged.phones).toHaveLength(4);
    expect((await call(core, 'contacts.list', {})).total).toBe(1);
  });

  it('refuses an unsupported file and a missing upload with the right codes', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.pdf'), '%PDF-1.4');
    expect(await callRaw(core, 'contacts.import', { file: path.join(dir, 'a.pdf') })).toMatchObject({ ok: false, error: { code: 'IO' } });
    expect(await callRaw(core, 'contacts.import', { file: 'upload:nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    fs.writeFileSync(path.join(dir, 'empty.vcf'), '');
    expect(await callRaw(core, 'contacts.import', { file: path.join(dir, 'empty.vcf') })).toMatchObject({ ok: false, error: { code: 'IO' } });
    // On a French vault, a missing upload is said in French.
    await call(core, 'settings.update', { language: 'fr' });
    expect(await callRaw(core, 'contacts.import', { file: 'upload:nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Le fichier à importer n’est plus disponible ; choisissez-le à nouveau.' },
    });
  });
});

describe('CSV import', () => {
  it('reads a Windows-1252 Outlook CSV, mapping by header names', async () => {
    const report = await call(core, 'contacts.import', { file: fixture('windows-1252.csv') });
    expect(report).toMatchObject({ format: 'csv', encoding: 'windows-1252', created: 2, committed: true });
    const jose = (await call(core, 'contacts.list', { quickFilter: 'José' })).rows[0]!;
    expect(jose).toMatchObject({ name: 'José Muñoz', organisationName: 'Fictional Police Station', role: 'Commissaire adjoint', notes: 'Réunion à l’hôtel de ville – café' });
    expect(jose.phones).toEqual([{ label: 'Mobile Phone', number: '+33 6 55 55 02 02' }]);
  });

  it('reads a UTF-16 tab-separated CSV with first and last names', async () => {
    const report = await call(core, 'contacts.import', { file: fixture('utf16.csv') });
    expect(report).toMatchObject({ encoding: 'utf-16le', created: 2 });
    expect(await names()).toEqual(['Yuki Tanaka', 'سلمى حداد']);
  });
});

describe('export', () => {
  async function seed() {
    const org = await call(core, 'organisations.create', { name: 'Fictional INSO', type: 'inso' });
    await call(core, 'contacts.create', {
      name: 'Hélène Dubois, "Léna"',
      organisationId: org.id,
      role: 'Coordinatrice sécurité',
      phones: [
        { label: 'mobile', number: '+221 77 555 0178' },
        { label: 'Thuraya', number: '+88216 555 0101' },
      ],
      callSign: 'Victor 2',
      email: 'helene@example.fr',
      messaging: [{ service: 'Signal', handle: '+221775550178' }],
      address: '12 Rue des Fictions, Dunmore',
      latitude: -3.25,
      longitude: 62.15,
      languages: 'French, Wolof',
      relationshipOwner: 'Amina Diallo',
      trustNote: 'Reliable; confirms by phone',
      lastContactDate: '2024-03-05',
      notes: 'Line one\nLine two; with a semicolon',
    });
    await call(core, 'contacts.create', { name: 'أحمد الخطيب', phones: [{ label: 'work', number: '+961 1 555 123' }], sensitive: true, organisationId: org.id });
  }

  it('vCard round trip: export then import into another vault gives the same data', async () => {
    await seed();
    const dir = tempDir();
    const out = path.join(dir, 'contacts.vcf');
    const result = await call(core, 'contacts.export', { format: 'vcf', path: out, includeRestricted: true });
    expect(result).toMatchObject({ rows: 2, leftOut: 0 });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^BEGIN:VCARD\r\nVERSION:4.0\r\n/);
    const before = (await call(core, 'contacts.list', {})).rows;
    const other = await makeUnlockedCore();
    try {
      const report = await call(other, 'contacts.import', { file: out });
      expect(report).toMatchObject({ created: 2, problems: [] });
      const after = (await call(other, 'contacts.list', {})).rows;
      const strip = (c: (typeof before)[number]) => {
        const { id: _id, organisationId: _o, createdAt: _c, updatedAt: _u, externalId: _e, daysSinceContact: _d, ...rest } = c;
        return rest;
      };
      expect(after.map(strip)).toEqual(before.map(strip));
      // Re-importing the same file updates (external id), never duplicates.
      const again = await call(other, 'contacts.import', { file: out });
      expect(again).toMatchObject({ created: 0, updated: 2 });
    } finally {
      other.close();
    }
  });

  it('CSV round trip keeps phones, handles and flags', async () => {
    await seed();
    const out = path.join(tempDir(), 'contacts.csv');
    await call(core, 'contacts.export', { format: 'csv', path: out, includeRestricted: true, lang: 'fr' });
    const other = await makeUnlockedCore();
    try {
      await call(other, 'contacts.import', { file: out });
      const after = (await call(other, 'contacts.list', {})).rows;
      const helene = after.find((c) => c.name.startsWith('Hélène'))!;
      expect(helene).toMatchObject({ callSign: 'Victor 2', organisationName: 'Fictional INSO', organisationType: 'inso', latitude: -3.25, lastContactDate: '2024-03-05' });
      expect(helene.phones).toHaveLength(2);
      expect(after.find((c) => c.name === 'أحمد الخطيب')!.sensitive).toBe(true);
    } finally {
      other.close();
    }
  });

  it('leaves sensitive contacts out of every format unless asked, and says how many', async () => {
    await seed();
    const dir = tempDir();
    for (const format of ['vcf', 'csv', 'xlsx'] as const) {
      const out = path.join(dir, `contacts.${format}`);
      const result = await call(core, 'contacts.export', { format, path: out });
      expect(result).toMatchObject({ rows: 1, leftOut: 1 });
      const content = format === 'xlsx'
        ? execFileSync('/usr/bin/python3', ['-c', 'import sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1])\nfor r in wb.active.iter_rows(values_only=True): print(r)', out], { encoding: 'utf8' })
        : fs.readFileSync(out, 'utf8');
      expect(content).toContain('Hélène');
      expect(content).not.toContain('الخطيب');
    }
    const all = await call(core, 'contacts.export', { format: 'xlsx', path: path.join(dir, 'all.xlsx'), includeRestricted: true });
    expect(all).toMatchObject({ rows: 2, leftOut: 0 });
    expect(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toContain('all.xlsx');
  });

  it('refuses a relative export path with VALIDATION', async () => {
    expect(await callRaw(core, 'contacts.export', { format: 'vcf', path: 'contacts.vcf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
