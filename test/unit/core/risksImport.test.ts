import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { RisksImportReportSchema, type Risk } from '../../../shared/contract/risks';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
const dir = tempDir('vigil-risks-import-');
beforeEach(async () => {
  core = await makeUnlockedCore({ now: () => new Date('2025-03-10T08:00:00Z') });
});
afterEach(() => core.close());

function csv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

async function allRisks(c: Core): Promise<Risk[]> {
  return (await call(c, 'risks.list', { startRow: 0, endRow: 1000, sortModel: [{ colId: 'reference', sort: 'asc' }] })).rows;
}

describe('risks.import through dispatch', () => {
  it('reads French headers, creates risks with an "imported" review and audit rows', async () => {
    const file = csv('fr.csv', [
      'Réf.;Risque;Catégorie;Probabilité inhérente;Impact inhérent;Probabilité résiduelle;Impact résiduel;Statut;Prochaine revue',
      'R-010;Braquage sur la route de l’aéroport;Criminalité;4;4;2;3;Ouvert;2025-06-30',
      ';Manifestation devant le bureau;civilUnrest;3;2;;;mitigated;',
    ]);
    const report = RisksImportReportSchema.parse(await call(core, 'risks.import', { file }));
    expect(report).toMatchObject({ committed: true, created: 2, updated: 0, skipped: 0, problems: [] });
    const rows = await allRisks(core);
    expect(rows.map((r) => [r.reference, r.category, r.residualLikelihood, r.residualImpact, r.status, r.nextReview])).toEqual([
      ['R-010', 'crime', 2, 3, 'open', '2025-06-30'],
      // No residual rating: as bad as the inherent one; the next number follows the highest imported.
      ['R-011', 'civilUnrest', 3, 2, 'mitigated', '2025-09-10'],
    ]);
    const detail = await call(core, 'risks.get', { id: rows[0]!.id });
    expect(detail.reviews.map((r) => r.kind)).toEqual(['imported']);
    const audit = await call(core, 'audit.list', { startRow: 0, endRow: 100, sortModel: [] });
    expect(audit.rows.filter((a) => a.entity === 'risk' && a.action === 'import')).toHaveLength(2);
  });

  it('a dry run lists every row’s problem and writes nothing; a commit with a bad row writes nothing either', async () => {
    const file = csv('bad.csv', [
      'Reference,Title,Category,Inherent likelihood,Inherent impact,Next review',
      'R-001,Good risk,crime,3,3,2025-05-01',
      'R-002,Likelihood six,crime,6,3,',
      'R-001,Repeated reference,crime,2,2,',
      'R-004,Impossible date,crime,2,2,2025-02-30',
      'R-005,,crime,2,2,',
      'R-006,Unknown category,floods,0,2,',
    ]);
    const dry = RisksImportReportSchema.parse(await call(core, 'risks.import', { file, dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, committed: false, created: 1, skipped: 5 });
    expect(dry.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'Inherent likelihood', 'scaleStep'],
      [4, 'Reference', 'duplicateReference'],
      [5, 'Next review', 'dateFormat'],
      [6, 'Title', 'required'],
      [7, 'Inherent likelihood', 'scaleStep'],
      [7, 'Category', 'unknownCategory'],
    ]);
    expect(dry.problems[1]!.message).toContain('row 2');
    const committed = RisksImportReportSchema.parse(await call(core, 'risks.import', { file }));
    expect(committed.committed).toBe(false);
    expect(await allRisks(core)).toHaveLength(0);
  });

  it('a missing required column is named, nothing imported', async () => {
    const file = csv('missing.csv', ['Title,Impact', 'Carjacking,4']);
    const report = RisksImportReportSchema.parse(await call(core, 'risks.import', { file }));
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 1, code: 'missingColumn', column: 'Inherent likelihood', message: expect.stringContaining('required') }),
    ]);
    expect(await allRisks(core)).toHaveLength(0);
  });

  it('a reference already in the vault updates that risk and says so', async () => {
    const existing = await call(core, 'risks.create', { title: 'Old title', category: 'crime', inherentLikelihood: 2, inherentImpact: 2, residualLikelihood: 2, residualImpact: 2 });
    const file = csv('update.csv', ['Ref.,Risk,Inherent likelihood,Inherent impact', `${existing.reference},New title,5,5`]);
    const dry = RisksImportReportSchema.parse(await call(core, 'risks.import', { file, dryRun: true }));
    expect(dry.items).toEqual([{ row: 2, reference: 'R-001', title: 'New title', action: 'update', riskId: existing.id }]);
    const report = RisksImportReportSchema.parse(await call(core, 'risks.import', { file }));
    expect(report).toMatchObject({ committed: true, created: 0, updated: 1 });
    const detail = await call(core, 'risks.get', { id: existing.id });
    expect(detail.risk).toMatchObject({ title: 'New title', inherentLevel: 'unacceptable' });
    expect(detail.reviews[0]).toMatchObject({ kind: 'imported', inherentLevelBefore: 'low', inherentLevelAfter: 'unacceptable' });
  });

  it('an empty or unreadable file is an IO error', async () => {
    const empty = csv('empty.csv', []);
    const result = await callRaw(core, 'risks.import', { file: empty });
    expect(result).toMatchObject({ ok: false, error: { code: 'IO' } });
  });

  it('round trip: a register exported as XLSX and CSV imports into a fresh vault as the same risks', async () => {
    await call(core, 'risks.create', {
      title: '=Formula-looking title',
      threat: 'Armed carjacking',
      cause: 'Night checkpoints',
      consequence: 'Injury, loss of vehicle',
      category: 'roadSafety',
      programme: 'Health',
      exposed: ['nationalStaff', 'assets'],
      inherentLikelihood: 4,
      inherentImpact: 5,
      residualLikelihood: 2,
      residualImpact: 3,
      owner: 'Head of logistics',
      status: 'accepted',
      acceptedBy: 'Head of delegation',
      acceptedOn: '2025-03-01',
      acceptanceValidUntil: '2025-12-31',
      nextReview: '2025-07-15',
      notes: 'Convoys only after dark',
    });
    await call(core, 'risks.create', { title: 'Cholera outbreak', category: 'health', inherentLikelihood: 3, inherentImpact: 3, residualLikelihood: 1, residualImpact: 3 });
    const original = await allRisks(core);
    const fields = (r: Risk) => {
      const { id: _id, createdAt: _c, updatedAt: _u, reviewOverdue: _o, ...rest } = r;
      return rest;
    };
    for (const [format, lang] of [['xlsx', 'en'], ['csv', 'fr']] as const) {
      const out = path.join(dir, `register-${lang}.${format}`);
      await call(core, 'risks.export', { format, path: out, lang, view: { quickFilter: '', filterModel: {}, sortModel: [] } });
      const fresh = await makeUnlockedCore({ now: () => new Date('2025-03-10T08:00:00Z') });
      try {
        const report = RisksImportReportSchema.parse(await call(fresh, 'risks.import', { file: out }));
        expect(report.problems).toEqual([]);
        expect(report.created).toBe(2);
        expect((await allRisks(fresh)).map(fields)).toEqual(original.map(fields));
      } finally {
        fresh.close();
      }
    }
  });
});
