/**
 * Security phase scales, as data. Labels are i18n keys (`phase.<scale>.<key>`) so every language names
 * them; colours are the conventional ones each system uses.
 */
export interface PhaseLevel {
  level: number;
  key: string;
  colour: string;
  /** Text colour that stays readable on `colour`. */
  ink: string;
}

export interface PhaseScale {
  id: PhaseScaleId;
  levels: readonly PhaseLevel[];
}

export const PHASE_SCALE_IDS = ['ifrc', 'un'] as const;
export type PhaseScaleId = (typeof PHASE_SCALE_IDS)[number];

export const PHASE_SCALES: Record<PhaseScaleId, PhaseScale> = {
  ifrc: {
    id: 'ifrc',
    levels: [
      { level: 1, key: 'white', colour: '#f4f4f4', ink: '#1a1a1a' },
      { level: 2, key: 'yellow', colour: '#f7d217', ink: '#1a1a1a' },
      { level: 3, key: 'orange', colour: '#f28c1e', ink: '#1a1a1a' },
      { level: 4, key: 'red', colour: '#c8102e', ink: '#ffffff' },
    ],
  },
  un: {
    id: 'un',
    levels: [
      { level: 1, key: 'minimal', colour: '#2e7d32', ink: '#ffffff' },
      { level: 2, key: 'low', colour: '#9ccc65', ink: '#1a1a1a' },
      { level: 3, key: 'moderate', colour: '#fdd835', ink: '#1a1a1a' },
      { level: 4, key: 'substantial', colour: '#fb8c00', ink: '#1a1a1a' },
      { level: 5, key: 'high', colour: '#e53935', ink: '#ffffff' },
      { level: 6, key: 'extreme', colour: '#6a1b1b', ink: '#ffffff' },
    ],
  },
};

export function phaseLevel(scale: PhaseScaleId, level: number): PhaseLevel | undefined {
  return PHASE_SCALES[scale].levels.find((l) => l.level === level);
}
