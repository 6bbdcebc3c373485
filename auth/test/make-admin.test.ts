import { execFile } from 'node:child_process';
import path from 'node:path';
import { forThisFile } from '@ticketing/common/testing';
import { Browser, newUser, startAuth } from './support';

const service = forThisFile(startAuth);

// Each run starts a TypeScript process that loads all of common: seconds, more on a busy machine.

/** Runs the documented command (`npm run make-admin -w auth -- <email>`) as an operator would. */
function makeAdmin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, APP_ENV: 'test', DATABASE_URL: service.env.DATABASE_URL! };
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'make-admin', '--', ...args],
      { cwd: path.resolve(__dirname, '..'), env },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

test('when an operator makes a user admin, then their next refresh and sign-in carry the admin role', async () => {
  const user = newUser('admin');
  const browser = await new Browser(service.app).open();
  expect((await browser.post('/api/users/signup', user)).status).toBe(201);

  const run = await makeAdmin(user.email.toUpperCase());
  expect(run).toEqual({
    code: 0,
    stdout: expect.stringContaining(`${user.email} is now an admin`),
    stderr: '',
  });

  expect((await browser.post('/api/users/refresh')).status).toBe(204);
  expect(await browser.currentUser()).toEqual(expect.objectContaining({ email: user.email, role: 'admin' }));
  const again = await (await new Browser(service.app).open()).post('/api/users/signin', user);
  expect(again.body.role).toBe('admin');

  const twice = await makeAdmin(user.email);
  expect(twice.code).toBe(0);
  expect(twice.stdout).toContain('already an admin');
}, 90_000);

test('when the email is unknown, then make-admin says so and exits 1', async () => {
  const email = newUser('ghost').email;
  const run = await makeAdmin(email);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`No user with email ${email}`);
}, 60_000);

test('when no valid email is given, then make-admin prints its usage and exits 2', async () => {
  const run = await makeAdmin('not-an-email');
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('usage: npm run make-admin -w auth -- <email>');
}, 60_000);
