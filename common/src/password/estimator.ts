// No imports: auth's estimator worker and the web client load this file alone (@ticketing/common/password),
// each with its own copy of zxcvbn-ts, so that the meter people see and the check auth makes agree.

/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^10 guesses), the least a password may score. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * The estimator's options, from zxcvbn-ts's common and English language packages. Few l33t substitutions:
 * the default makes one check take a second.
 */
export function estimatorOptions<
  CommonWords extends object,
  EnglishWords extends object,
  Graphs,
  Translations,
>(
  common: { dictionary: CommonWords; adjacencyGraphs: Graphs },
  english: { dictionary: EnglishWords; translations: Translations },
) {
  return {
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    l33tMaxSubstitutions: 10,
    maxLength: 128,
  };
}

interface Match {
  pattern: string;
  dictionaryName?: string;
  i: number;
  j: number;
}

/** The whole password is one entry of the bundled list of the most used (breached) passwords. */
export const isListedPassword = (password: string, sequence: readonly Match[]): boolean =>
  sequence.some(
    (match) =>
      match.pattern === 'dictionary' &&
      match.dictionaryName === 'passwords-common' &&
      match.i === 0 &&
      match.j === password.length - 1,
  );
