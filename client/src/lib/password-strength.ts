/**
 * The same estimator auth checks sign-ups with (zxcvbn-ts, common + English dictionaries), loaded only
 * when someone types a new password: its dictionaries are too big for every page's bundle. Auth decides;
 * this tells people before they send.
 */
import { estimatorOptions, isListedPassword, MIN_PASSWORD_SCORE } from '@ticketing/common/password';

export type PasswordVerdict = {
  score: 0 | 1 | 2 | 3 | 4;
  problem?: 'password_breached' | 'password_too_weak';
};

type Estimator = (password: string, personal: string[]) => PasswordVerdict;

let loading: Promise<Estimator> | undefined;

async function load(): Promise<Estimator> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  const zxcvbn = new ZxcvbnFactory(estimatorOptions(common, english));
  return (password, personal) => {
    const result = zxcvbn.check(password, personal);
    const problem = isListedPassword(password, result.sequence)
      ? 'password_breached'
      : result.score < MIN_PASSWORD_SCORE
        ? 'password_too_weak'
        : undefined;
    return { score: result.score, ...(problem ? { problem } : {}) };
  };
}

/** Starts loading the dictionaries (call it when a password field is shown or focused). */
export const preloadPasswordEstimator = (): Promise<Estimator> => (loading ??= load());

export async function judgePassword(password: string, personal: string[] = []): Promise<PasswordVerdict> {
  return (await preloadPasswordEstimator())(
    password,
    personal.filter((s) => s.length >= 3),
  );
}
