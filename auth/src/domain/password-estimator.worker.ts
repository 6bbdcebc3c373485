// The password-strength estimator, run in a worker thread (password-strength.ts starts it). Self-contained,
// with package imports only: under the tests Node runs this TypeScript file itself, without a build.
import { parentPort } from 'node:worker_threads';
import { estimatorOptions, isListedPassword } from '@ticketing/common/password';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export interface Judgement {
  score: number;
  /** The whole password is one entry of the bundled list of the most used (breached) passwords. */
  listed: boolean;
  /** The estimator's warning and suggestions, for people calling the API. */
  feedback: string;
}

/** Built once when the worker starts (it indexes some 100k dictionary words, a second or two). */
const estimator = new ZxcvbnFactory(estimatorOptions(common, english));

function judge(password: string, personal: string[]): Judgement {
  const result = estimator.check(password, personal);
  const feedback = [...new Set([result.feedback.warning, ...result.feedback.suggestions])]
    .filter(Boolean)
    .join(' ');
  return { score: result.score, listed: isListedPassword(password, result.sequence), feedback };
}

interface Request {
  id: number;
  password: string;
  personal: string[];
}

parentPort?.on('message', ({ id, password, personal }: Request) => {
  parentPort!.postMessage({ id, judgement: judge(password, personal) });
});
parentPort?.postMessage({ ready: true });
