/**
 * The movement life cycle, enforced in one place:
 * draft -> requested -> approved | refused; approved -> under_way | cancelled; under_way -> completed;
 * draft / requested -> cancelled. Every other move is refused with a message saying why.
 */
export const MOVEMENT_STATES = ['draft', 'requested', 'approved', 'refused', 'under_way', 'completed', 'cancelled'] as const;
export type MovementState = (typeof MOVEMENT_STATES)[number];

export const MOVEMENT_TRANSITIONS: Readonly<Record<MovementState, readonly MovementState[]>> = {
  draft: ['requested', 'cancelled'],
  requested: ['approved', 'refused', 'cancelled'],
  approved: ['under_way', 'cancelled'],
  refused: [],
  under_way: ['completed'],
  completed: [],
  cancelled: [],
};

export type TransitionCheck = { ok: true } | { ok: false; message: string };

const LABEL: Record<MovementState, string> = {
  draft: 'a draft',
  requested: 'requested',
  approved: 'approved',
  refused: 'refused',
  under_way: 'under way',
  completed: 'completed',
  cancelled: 'cancelled',
};

export function canTransition(from: MovementState, to: MovementState): boolean {
  return MOVEMENT_TRANSITIONS[from].includes(to);
}

export function checkTransition(from: MovementState, to: MovementState): TransitionCheck {
  if (canTransition(from, to)) return { ok: true };
  if (from === to) return { ok: false, message: `This movement is already ${LABEL[from]}.` };
  const next = MOVEMENT_TRANSITIONS[from];
  if (next.length === 0) return { ok: false, message: `This movement is ${LABEL[from]}: it can no longer change.` };
  return {
    ok: false,
    message: `A movement that is ${LABEL[from]} cannot become ${LABEL[to]}; it can only become ${next.map((s) => LABEL[s]).join(' or ')}.`,
  };
}

/** Can the movement still be edited (route, times, travellers)? */
export const isEditable = (state: MovementState): boolean => state === 'draft' || state === 'requested';
