import { MSR_PARTS } from '../presets/msrIfrc';

export const MSR_STATUSES = ['notAssessed', 'compliant', 'partial', 'nonCompliant', 'notApplicable'] as const;
export type MsrStatus = (typeof MSR_STATUSES)[number];

/**
 * Compliance score of one item: compliant 1, partial 0.5, non-compliant or not yet assessed 0; not
 * applicable is left out of the count altogether (null).
 */
export function itemScore(status: MsrStatus): number | null {
  switch (status) {
    case 'compliant':
      return 1;
    case 'partial':
      return 0.5;
    case 'notApplicable':
      return null;
    default:
      return 0;
  }
}

export interface ComplianceFigure {
  /** 0-100, one decimal; null when no item counts (all not applicable, or none). */
  percent: number | null;
  applicable: number;
  counts: Record<MsrStatus, number>;
}

function figure(statuses: MsrStatus[]): ComplianceFigure {
  const counts = Object.fromEntries(MSR_STATUSES.map((s) => [s, 0])) as Record<MsrStatus, number>;
  let score = 0;
  let applicable = 0;
  for (const s of statuses) {
    counts[s] += 1;
    const v = itemScore(s);
    if (v === null) continue;
    applicable += 1;
    score += v;
  }
  return { percent: applicable ? Math.round((score / applicable) * 1000) / 10 : null, applicable, counts };
}

export interface ComplianceSummary {
  overall: ComplianceFigure;
  parts: Array<ComplianceFigure & { part: number }>;
}

/** The overall figure is over every applicable item, not the mean of the parts (a part of 2 items weighs less). */
export function complianceSummary(items: ReadonlyArray<{ part: number; status: MsrStatus }>): ComplianceSummary {
  return {
    overall: figure(items.map((i) => i.status)),
    parts: MSR_PARTS.map((part) => ({ part, ...figure(items.filter((i) => i.part === part).map((i) => i.status)) })),
  };
}

/** Better or worse between two assessments; moves to or from "not applicable" are only a change. */
export function statusDirection(before: MsrStatus, after: MsrStatus): 'improved' | 'worsened' | 'changed' | 'same' {
  if (before === after) return 'same';
  const a = itemScore(before);
  const b = itemScore(after);
  if (a === null || b === null || a === b) return 'changed';
  return b > a ? 'improved' : 'worsened';
}
