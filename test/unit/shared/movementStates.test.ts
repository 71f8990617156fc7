import { describe, expect, it } from 'vitest';
import { canTransition, checkTransition, MOVEMENT_STATES, type MovementState } from '../../../shared/domain/movementStates';

const LEGAL: Array<[MovementState, MovementState]> = [
  ['draft', 'requested'],
  ['draft', 'cancelled'],
  ['requested', 'approved'],
  ['requested', 'refused'],
  ['requested', 'cancelled'],
  ['approved', 'under_way'],
  ['approved', 'cancelled'],
  ['under_way', 'completed'],
];

describe('movement state machine', () => {
  for (const from of MOVEMENT_STATES) {
    for (const to of MOVEMENT_STATES) {
      const legal = LEGAL.some(([a, b]) => a === from && b === to);
      it(`${from} -> ${to} is ${legal ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(legal);
        const check = checkTransition(from, to);
        expect(check.ok).toBe(legal);
        if (!check.ok) expect(check.message.length).toBeGreaterThan(10);
      });
    }
  }

  it('says why an approved movement cannot be approved again', () => {
    expect(checkTransition('approved', 'approved')).toEqual({ ok: false, message: 'This movement is already approved.' });
    expect(checkTransition('completed', 'under_way')).toMatchObject({ ok: false, message: expect.stringContaining('can no longer change') });
    expect(checkTransition('under_way', 'cancelled')).toMatchObject({ ok: false, message: expect.stringContaining('only become completed') });
  });
});
