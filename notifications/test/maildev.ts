import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitFor } from '@ticketing/common/testing';

const BIN = path.resolve(__dirname, '../../node_modules/maildev/dist/bin/maildev.js');

/** A mail as maildev's REST API lists it (the fields the tests read). */
export interface CaughtMail {
  id: string;
  subject: string;
  html: string;
  text: string;
  to: Array<{ address: string }>;
  headers: Record<string, string>;
  attachments: Array<{ generatedFileName: string; contentId: string; contentType: string }>;
}

/**
 * A real SMTP server with an inbox: maildev as its own process on spare ports, with a mail directory of its
 * own (its default is shared by every run on the machine). `stop` and `start` again keep ports and mails.
 */
export async function startMaildev() {
  const [smtpPort, webPort] = [await freePort(), await freePort()];
  const directory = mkdtempSync(path.join(tmpdir(), 'maildev-'));
  const web = `http://127.0.0.1:${webPort}`;
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = ['--smtp', String(smtpPort), '--web', String(webPort), '--ip', '127.0.0.1'];
    args.push('--web-ip', '127.0.0.1', '--mail-directory', directory, '--silent');
    child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    // Loading its web app takes a few seconds, and far more on a busy machine.
    await waitFor(() => fetch(`${web}/api/healthz`).then((r) => r.ok), {
      timeoutMs: 90_000,
      intervalMs: 100,
    });
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  try {
    await start();
  } catch (err) {
    await stop();
    rmSync(directory, { recursive: true, force: true });
    throw err;
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    start,
    stop,
    async mails(): Promise<CaughtMail[]> {
      return (await fetch(`${web}/api/email`)).json() as Promise<CaughtMail[]>;
    },
    async to(address: string): Promise<CaughtMail[]> {
      return (await this.mails()).filter((m) => m.to.some((t) => t.address === address));
    },
    async attachment(mail: CaughtMail, fileName: string): Promise<Buffer> {
      const res = await fetch(`${web}/api/email/${mail.id}/attachment/${fileName}`);
      if (!res.ok) throw new Error(`attachment ${fileName}: ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    },
    async close() {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export type Maildev = Awaited<ReturnType<typeof startMaildev>>;
