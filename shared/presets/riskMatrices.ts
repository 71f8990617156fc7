/**
 * Risk matrices, as data (DESIGN.md section 4): a fixed 5x5 grid of likelihood x impact. Step labels are
 * i18n keys (`risks.scale.<key>`), a cell holds a level 1-5 (low ... unacceptable) and each level has a
 * colour. A vault keeps its own copy, so an officer can edit cells and colours after choosing a preset.
 */
export const RISK_LEVEL_KEYS = ['low', 'medium', 'high', 'veryHigh', 'unacceptable'] as const;
export type RiskLevelKey = (typeof RISK_LEVEL_KEYS)[number];
/** 1 = low ... 5 = unacceptable. */
export type RiskLevel = 1 | 2 | 3 | 4 | 5;

export const RISK_MATRIX_PRESET_IDS = ['ifrc', 'unSrm', 'genericNgo'] as const;
export type RiskMatrixPresetId = (typeof RISK_MATRIX_PRESET_IDS)[number];

export interface LevelColour {
  /** Cell fill, #rrggbb. */
  fill: string;
  /** Text colour that stays readable on `fill`. */
  ink: string;
}

export interface RiskMatrix {
  preset: RiskMatrixPresetId;
  /** Label keys for likelihood 1..5 and impact 1..5 (`risks.scale.<key>`). */
  likelihoodLabels: readonly string[];
  impactLabels: readonly string[];
  /** cells[likelihood - 1][impact - 1] = level 1..5. */
  cells: readonly (readonly number[])[];
  /** colours[level - 1]. */
  colours: readonly LevelColour[];
}

const TRAFFIC_LIGHT: readonly LevelColour[] = [
  { fill: '#4caf50', ink: '#0b1f0c' },
  { fill: '#ffeb3b', ink: '#1a1a1a' },
  { fill: '#ff9800', ink: '#1a1a1a' },
  { fill: '#e53935', ink: '#ffffff' },
  { fill: '#4a0d0d', ink: '#ffffff' },
];

export const RISK_MATRIX_PRESETS: Record<RiskMatrixPresetId, RiskMatrix> = {
  // IFRC security risk assessment: likelihood from rare to almost certain, impact negligible to critical.
  ifrc: {
    preset: 'ifrc',
    likelihoodLabels: ['rare', 'unlikely', 'possible', 'likely', 'almostCertain'],
    impactLabels: ['negligible', 'minor', 'moderate', 'severe', 'critical'],
    cells: [
      [1, 1, 1, 2, 3],
      [1, 1, 2, 3, 4],
      [1, 2, 3, 4, 4],
      [2, 3, 4, 4, 5],
      [2, 3, 4, 5, 5],
    ],
    colours: TRAFFIC_LIGHT,
  },
  // UN Security Risk Management: "unacceptable" only for very likely/likely with critical impact.
  unSrm: {
    preset: 'unSrm',
    likelihoodLabels: ['veryUnlikely', 'unlikely', 'moderatelyLikely', 'likely', 'veryLikely'],
    impactLabels: ['negligible', 'minor', 'moderate', 'severe', 'critical'],
    cells: [
      [1, 1, 1, 2, 2],
      [1, 1, 2, 2, 3],
      [1, 2, 2, 3, 4],
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
    ],
    colours: [
      { fill: '#2e7d32', ink: '#ffffff' },
      { fill: '#fdd835', ink: '#1a1a1a' },
      { fill: '#fb8c00', ink: '#1a1a1a' },
      { fill: '#d32f2f', ink: '#ffffff' },
      { fill: '#212121', ink: '#ffffff' },
    ],
  },
  // Generic NGO (score = likelihood x impact): 1-3 low, 4-6 medium, 8-12 high, 15-16 very high, 20-25 unacceptable.
  genericNgo: {
    preset: 'genericNgo',
    likelihoodLabels: ['veryUnlikely', 'unlikely', 'moderatelyLikely', 'likely', 'veryLikely'],
    impactLabels: ['negligible', 'minor', 'moderate', 'severe', 'critical'],
    cells: [
      [1, 1, 1, 2, 2],
      [1, 2, 2, 3, 3],
      [1, 2, 3, 3, 4],
      [2, 3, 3, 4, 5],
      [2, 3, 4, 5, 5],
    ],
    colours: TRAFFIC_LIGHT,
  },
};

/** Every label key a preset uses, so the translation files can be checked against the presets. */
export const RISK_SCALE_LABEL_KEYS = [
  ...new Set(Object.values(RISK_MATRIX_PRESETS).flatMap((m) => [...m.likelihoodLabels, ...m.impactLabels])),
];
