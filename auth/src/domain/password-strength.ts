import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { PasswordBreachedError, PasswordTooWeakError } from './errors';

/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^10 guesses), the least a password may score. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * Built once (it indexes some 100k dictionary words, which takes a second or two), so wiring calls it at
 * boot and no sign-up pays for it. Few l33t substitutions: the default makes one check take a second.
 */
export const passwordEstimator = (): ZxcvbnFactory =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    l33tMaxSubstitutions: 10,
    maxLength: 128,
  }));

/** The whole password is one entry of the bundled list of the most used (breached) passwords, l33t or not. */
const isListedPassword = (password: string, result: ZxcvbnResult): boolean =>
  result.sequence.some(
    (match) =>
      match.pattern === 'dictionary' &&
      match.dictionaryName === 'passwords-common' &&
      match.i === 0 &&
      match.j === password.length - 1,
  );

const feedbackOf = (result: ZxcvbnResult): string =>
  [...new Set([result.feedback.warning, ...result.feedback.suggestions])].filter(Boolean).join(' ');

/**
 * Refuses a password found in the common-password list, or one that scores below MIN_PASSWORD_SCORE.
 * `personal` (email, name) counts as known to an attacker, so a password built from it scores lower.
 */
export function assertStrongPassword(password: string, personal: string[]): void {
  const result = passwordEstimator().check(password, personal);
  if (isListedPassword(password, result)) throw new PasswordBreachedError();
  if (result.score < MIN_PASSWORD_SCORE) throw new PasswordTooWeakError(feedbackOf(result));
}

/** What an attacker knows about the person: the email, its local part and the name's words. */
export const personalInputs = (email: string, name = ''): string[] =>
  [email, email.split('@')[0] ?? '', ...name.split(/\s+/)].filter((s) => s.length >= 3);
