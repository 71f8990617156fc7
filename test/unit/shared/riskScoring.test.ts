import { describe, expect, it } from 'vitest';
import { RISK_MATRIX_PRESET_IDS, RISK_MATRIX_PRESETS } from '../../../shared/presets/riskMatrices';
import { levelColour, levelKey, matrixProblems, riskLevel } from '../../../shared/domain/riskScoring';

const steps = [1, 2, 3, 4, 5];

describe.each(RISK_MATRIX_PRESET_IDS)('risk matrix preset %s', (id) => {
  const matrix = RISK_MATRIX_PRESETS[id];

  it('is a valid 5x5 matrix with five colours', () => {
    expect(matrixProblems(matrix)).toEqual([]);
    expect(matrix.preset).toBe(id);
  });

  it('never lowers the level when likelihood or impact rises', () => {
    for (const l of steps) {
      for (const i of steps) {
        if (l < 5) expect(riskLevel(matrix, l + 1, i)).toBeGreaterThanOrEqual(riskLevel(matrix, l, i));
        if (i < 5) expect(riskLevel(matrix, l, i + 1)).toBeGreaterThanOrEqual(riskLevel(matrix, l, i));
      }
    }
  });

  it('puts the corners at the extremes: rare and negligible is low, certain and critical very high or worse', () => {
    expect(levelKey(riskLevel(matrix, 1, 1))).toBe('low');
    expect(riskLevel(matrix, 5, 5)).toBeGreaterThanOrEqual(4);
    expect(levelKey(riskLevel(matrix, 5, 5))).toBe('unacceptable');
  });

  it('uses every level somewhere and has a colour for each', () => {
    const used = new Set(steps.flatMap((l) => steps.map((i) => riskLevel(matrix, l, i))));
    expect([...used].sort()).toEqual([1, 2, 3, 4, 5]);
    for (const level of steps) expect(levelColour(matrix, level).fill).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it.each([
    [0, 3],
    [6, 3],
    [3, 0],
    [3, 6],
    [2.5, 3],
  ])('refuses likelihood %s x impact %s', (l, i) => {
    expect(() => riskLevel(matrix, l, i)).toThrow(RangeError);
  });
});

describe('preset specifics', () => {
  it('generic NGO follows the likelihood x impact score bands', () => {
    const band = (score: number) => (score <= 3 ? 1 : score <= 6 ? 2 : score <= 12 ? 3 : score <= 16 ? 4 : 5);
    for (const l of steps) for (const i of steps) expect(riskLevel(RISK_MATRIX_PRESETS.genericNgo, l, i)).toBe(band(l * i));
  });

  it('the presets disagree where organisations do (likely x severe)', () => {
    expect(levelKey(riskLevel(RISK_MATRIX_PRESETS.ifrc, 4, 4))).toBe('veryHigh');
    expect(levelKey(riskLevel(RISK_MATRIX_PRESETS.unSrm, 4, 4))).toBe('veryHigh');
    expect(levelKey(riskLevel(RISK_MATRIX_PRESETS.unSrm, 3, 3))).toBe('medium');
    expect(levelKey(riskLevel(RISK_MATRIX_PRESETS.ifrc, 3, 3))).toBe('high');
  });

  it('reports a broken matrix', () => {
    const broken = { ...RISK_MATRIX_PRESETS.ifrc, cells: [[1, 2, 3, 4, 9], ...RISK_MATRIX_PRESETS.ifrc.cells.slice(1)] };
    expect(matrixProblems(broken)).toEqual(['cells.0.4']);
  });
});
