import {
  RISK_LEVEL_KEYS,
  type LevelColour,
  type RiskLevel,
  type RiskLevelKey,
  type RiskMatrix,
} from '../presets/riskMatrices';

export const SCALE_STEPS = [1, 2, 3, 4, 5] as const;

export function isScaleStep(n: unknown): n is 1 | 2 | 3 | 4 | 5 {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;
}

/** The level of a likelihood x impact cell in a matrix; throws on a step outside 1-5 (a programming error). */
export function riskLevel(matrix: RiskMatrix, likelihood: number, impact: number): RiskLevel {
  if (!isScaleStep(likelihood) || !isScaleStep(impact)) {
    throw new RangeError(`likelihood and impact must be whole numbers 1-5 (got ${likelihood} x ${impact})`);
  }
  const level = matrix.cells[likelihood - 1]?.[impact - 1];
  if (!isScaleStep(level)) throw new RangeError(`matrix cell ${likelihood} x ${impact} holds no level 1-5`);
  return level;
}

export function levelKey(level: number): RiskLevelKey {
  const key = RISK_LEVEL_KEYS[level - 1];
  if (!key) throw new RangeError(`no risk level ${level}`);
  return key;
}

export function levelColour(matrix: RiskMatrix, level: number): LevelColour {
  const colour = matrix.colours[level - 1];
  if (!colour) throw new RangeError(`no colour for level ${level}`);
  return colour;
}

/**
 * Problems that make a matrix unusable (not 5x5, a level outside 1-5, a bad colour), as field paths; an
 * empty list means the matrix is fine. A level that goes down as likelihood or impact goes up is allowed:
 * some organisations want it, and it is their call.
 */
export function matrixProblems(matrix: RiskMatrix): string[] {
  const problems: string[] = [];
  if (matrix.cells.length !== 5) problems.push('cells');
  matrix.cells.forEach((row, l) => {
    if (row.length !== 5) problems.push(`cells.${l}`);
    row.forEach((cell, i) => {
      if (!isScaleStep(cell)) problems.push(`cells.${l}.${i}`);
    });
  });
  if (matrix.likelihoodLabels.length !== 5) problems.push('likelihoodLabels');
  if (matrix.impactLabels.length !== 5) problems.push('impactLabels');
  if (matrix.colours.length !== 5) problems.push('colours');
  matrix.colours.forEach((c, i) => {
    if (!/^#[0-9a-f]{6}$/i.test(c.fill) || !/^#[0-9a-f]{6}$/i.test(c.ink)) problems.push(`colours.${i}`);
  });
  return problems;
}

/** Counts per cell: counts[likelihood - 1][impact - 1]. */
export function emptyHeatMap(): number[][] {
  return SCALE_STEPS.map(() => SCALE_STEPS.map(() => 0));
}
