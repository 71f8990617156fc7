import { describe, expect, it } from 'vitest';
import { assessPassphrase } from '../../../shared/domain/passphrase';

describe('passphrase strength rule (shared by the form and the core)', () => {
  it.each([
    ['short', 'Kab#9x', ['tooShort', 'tooGuessable']],
    ['long but a common pattern', 'password1234', ['tooGuessable']],
    ['keyboard walk', 'qwertyuiop1234', ['tooGuessable']],
  ])('refuses a %s passphrase', (_label, passphrase, problems) => {
    const result = assessPassphrase(passphrase);
    expect(result.acceptable).toBe(false);
    expect(result.problems).toEqual(problems);
  });

  it('refuses a passphrase made of the delegation name', () => {
    expect(assessPassphrase('Kenya Delegation', ['Kenya Delegation']).acceptable).toBe(false);
  });

  it('accepts four unrelated words', () => {
    expect(assessPassphrase('copper lantern drifts harbour')).toMatchObject({ acceptable: true, problems: [] });
  });
});
