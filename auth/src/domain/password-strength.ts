import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { MIN_PASSWORD_SCORE } from '@ticketing/common/password';
import type { Judgement } from './password-estimator.worker';
import { PasswordBreachedError, PasswordTooWeakError } from './errors';

type Pending = { resolve: (j: Judgement) => void; reject: (err: Error) => void };

/**
 * The estimator runs in one worker thread: a check costs tens of milliseconds of CPU (a pathological
 * password far more), which on the main thread would stall every other request of the process.
 * Requests queue in the worker; a crashed worker fails what it held and the next check starts a new one.
 */
class PasswordJudge {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  /** Starts the worker (and its dictionaries' indexing) now rather than at the first check. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    // Built: the compiled .js beside this file; under the tests Node strips the types of the .ts itself.
    const file = path.join(__dirname, `password-estimator.worker${path.extname(__filename)}`);
    const worker = new Worker(file, { execArgv: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'] });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (message: { ready?: true; id?: number; judgement?: Judgement }) => {
        if (message.ready) return resolve();
        const waiting = this.pending.get(message.id!);
        this.pending.delete(message.id!);
        waiting?.resolve(message.judgement!);
      });
    });
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', (code) => this.fail(worker, new Error(`password estimator exited with code ${code}`)));
    return this.ready;
  }

  async judge(password: string, personal: string[]): Promise<Judgement> {
    await this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, password, personal });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    await worker?.terminate();
  }

  private fail(worker: Worker, err: Error): void {
    if (this.worker !== worker) return; // an old worker, already replaced or stopped
    void worker.terminate();
    this.worker = undefined;
    this.ready = undefined;
    for (const waiting of this.pending.values()) waiting.reject(err);
    this.pending.clear();
  }
}

export const passwordJudge = new PasswordJudge();

/**
 * Refuses a password found in the common-password list, or one that scores below MIN_PASSWORD_SCORE.
 * `personal` (email, name) counts as known to an attacker, so a password built from it scores lower.
 */
export async function assertStrongPassword(password: string, personal: string[]): Promise<void> {
  const { listed, score, feedback } = await passwordJudge.judge(password, personal);
  if (listed) throw new PasswordBreachedError();
  if (score < MIN_PASSWORD_SCORE) throw new PasswordTooWeakError(feedback);
}

/** What an attacker knows about the person: the email, its local part and the name's words. */
export const personalInputs = (email: string, name = ''): string[] =>
  [email, email.split('@')[0] ?? '', ...name.split(/\s+/)].filter((s) => s.length >= 3);
