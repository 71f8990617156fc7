import { describe, expect, it } from 'vitest';
import { presetTaxonomy } from '../../../db/repositories/incidentTaxonomy';
import { draftRenames, fromDraft, moveRow, newRow, rowProblems, toDraft } from '../../../shared/domain/incidentTaxonomyDraft';
import { IncidentTaxonomySchema } from '../../../shared/contract/incidentTaxonomy';

describe('taxonomy editor draft', () => {
  it('round-trips the presets unchanged and proposes no rename', () => {
    const draft = toDraft(presetTaxonomy());
    expect(IncidentTaxonomySchema.parse(fromDraft(draft))).toEqual(presetTaxonomy());
    expect(draftRenames(draft)).toEqual([]);
  });

  it('marks empty values and values listed twice whatever the case, the first one staying clean', () => {
    const rows = [
      { ...newRow(), value: 'Shooting' },
      { ...newRow(), value: '  ' },
      { ...newRow(), value: ' shooting ' },
    ];
    const problems = rowProblems(rows);
    expect(problems.get(rows[0]!.key)).toBeUndefined();
    expect(problems.get(rows[1]!.key)).toBe('empty');
    expect(problems.get(rows[2]!.key)).toBe('duplicate');
  });

  it('offers to rename in incidents only loaded terms whose value changed', () => {
    const draft = toDraft(presetTaxonomy());
    draft.category[10]!.value = ' Gunfire ';
    draft.weapon.push({ ...newRow(), value: 'Small arms' });
    draft.subCategory[0]!.fr = 'Guet-apens';
    expect(draftRenames(draft)).toEqual([{ field: 'category', from: 'Shooting', to: 'Gunfire' }]);
  });

  it('moves a row up and down and leaves the ends alone', () => {
    const rows = ['a', 'b', 'c'].map((value) => ({ ...newRow(), value }));
    expect(moveRow(rows, 2, -1).map((r) => r.value)).toEqual(['a', 'c', 'b']);
    expect(moveRow(rows, 0, 1).map((r) => r.value)).toEqual(['b', 'a', 'c']);
    expect(moveRow(rows, 0, -1).map((r) => r.value)).toEqual(['a', 'b', 'c']);
    expect(moveRow(rows, 2, 1).map((r) => r.value)).toEqual(['a', 'b', 'c']);
  });
});
