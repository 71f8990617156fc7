/**
 * Inspection scoring, pure: only yes / no / partial / n.a. items score (yes 1, partial 0.5, no 0), each
 * multiplied by its weight; n.a. and unanswered items leave the denominator; a section with nothing to
 * score has no score (null), not 0 or 100. A critical item answered "no" fails the inspection whatever
 * the total; otherwise it passes when the total reaches the template's threshold.
 */
import type { AnswerType } from '../presets/inspectionTemplates';

export const CHECK_VALUES = ['yes', 'no', 'partial', 'na'] as const;
export type CheckValue = (typeof CHECK_VALUES)[number];

export interface ScoredItem {
  id: string;
  key: string;
  section: string;
  answerType: AnswerType;
  weight: number;
  critical: boolean;
  required: boolean;
  /** The answer as stored: a CheckValue, a number as text, a YYYY-MM-DD date, free text, or null. */
  value: string | null;
  photoCount: number;
}

export interface SectionScore {
  section: string;
  /** 0-100, one decimal; null when nothing in the section scores. */
  score: number | null;
  earned: number;
  possible: number;
}

export interface InspectionScore {
  sections: SectionScore[];
  total: number | null;
  passed: boolean;
  failedCritical: string[];
  /** Items answered "no" or "partial": the ones a corrective action can come from. */
  failed: string[];
  unansweredRequired: string[];
}

const POINTS: Record<Exclude<CheckValue, 'na'>, number> = { yes: 1, partial: 0.5, no: 0 };

export function isCheckValue(v: unknown): v is CheckValue {
  return typeof v === 'string' && (CHECK_VALUES as readonly string[]).includes(v);
}

/** Points (0-1) an item earns, or null when it does not count (not a check item, n.a., unanswered). */
export function itemPoints(item: Pick<ScoredItem, 'answerType' | 'value'>): number | null {
  if (item.answerType !== 'check' || !isCheckValue(item.value) || item.value === 'na') return null;
  return POINTS[item.value];
}

export function isAnswered(item: Pick<ScoredItem, 'answerType' | 'value' | 'photoCount'>): boolean {
  if (item.answerType === 'photo') return item.photoCount > 0;
  return item.value !== null && item.value.trim() !== '';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreInspection(items: readonly ScoredItem[], passThreshold: number): InspectionScore {
  const bySection = new Map<string, { earned: number; possible: number }>();
  let earned = 0;
  let possible = 0;
  const failedCritical: string[] = [];
  const failed: string[] = [];
  const unansweredRequired: string[] = [];
  for (const item of items) {
    if (!bySection.has(item.section)) bySection.set(item.section, { earned: 0, possible: 0 });
    if (item.required && !isAnswered(item)) unansweredRequired.push(item.id);
    const points = itemPoints(item);
    if (item.answerType === 'check' && (item.value === 'no' || item.value === 'partial')) failed.push(item.id);
    if (item.critical && item.answerType === 'check' && item.value === 'no') failedCritical.push(item.id);
    if (points === null || item.weight <= 0) continue;
    const s = bySection.get(item.section)!;
    s.earned += points * item.weight;
    s.possible += item.weight;
    earned += points * item.weight;
    possible += item.weight;
  }
  const sections = [...bySection].map(([section, s]) => ({
    section,
    score: s.possible > 0 ? round1((100 * s.earned) / s.possible) : null,
    earned: s.earned,
    possible: s.possible,
  }));
  const total = possible > 0 ? round1((100 * earned) / possible) : null;
  const passed = failedCritical.length === 0 && total !== null && total >= passThreshold;
  return { sections, total, passed, failedCritical, failed, unansweredRequired };
}

export type ItemChange = 'improved' | 'worse' | 'unchanged' | 'new' | 'not_comparable';

/** How one item moved between the previous inspection and this one (matched by item key). */
export function compareItem(previous: Pick<ScoredItem, 'answerType' | 'value'> | undefined, current: Pick<ScoredItem, 'answerType' | 'value'>): ItemChange {
  if (!previous) return 'new';
  const before = itemPoints(previous);
  const after = itemPoints(current);
  if (before === null || after === null) {
    if (current.answerType === 'check' || previous.answerType === 'check') return before === after ? 'unchanged' : 'not_comparable';
    return (previous.value ?? '') === (current.value ?? '') ? 'unchanged' : 'not_comparable';
  }
  if (after > before) return 'improved';
  if (after < before) return 'worse';
  return 'unchanged';
}
