import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * One strength rule for the form's meter and for the core that enforces it, so the two never disagree.
 * zxcvbn estimates guesses against dictionaries, names and keyboard patterns; a score of 3 of 4 (~10^10
 * guesses) on top of the memory-hard KDF keeps an offline attack on a seized laptop impractical.
 */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MIN_PASSPHRASE_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return factory;
}

export interface PassphraseStrength {
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** i18n keys of what is wrong, most important first. */
  problems: Array<'tooShort' | 'tooGuessable'>;
}

export function assessPassphrase(passphrase: string, userInputs: string[] = []): PassphraseStrength {
  const result = estimator().check(passphrase, userInputs.filter((s) => s.length > 0));
  const problems: PassphraseStrength['problems'] = [];
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) problems.push('tooShort');
  if (result.score < MIN_PASSPHRASE_SCORE) problems.push('tooGuessable');
  return { score: result.score, acceptable: problems.length === 0, problems };
}
