import { configProblems } from '@ticketing/common/testing';
import { loadServiceConfig } from '../src/config';

const production = {
  APP_ENV: 'production',
  DATABASE_URL: 'postgres://notifications@db:5432/notifications',
  MAIL_FROM: 'Ticketing <tickets@example.com>',
  PUBLIC_URL: 'https://tickets.example.com',
};

test('when production has no SMTP_URL, then the configuration is refused naming it', () => {
  expect(configProblems(() => loadServiceConfig(production))).toEqual([
    expect.stringMatching(/^SMTP_URL: is required/),
  ]);
});

test('when the SMTP server, sender and site are given, then production starts with them', () => {
  const config = loadServiceConfig({ ...production, SMTP_URL: 'smtps://mailer:secret@smtp.example.com:465' });
  expect(config.SMTP_URL).toBe('smtps://mailer:secret@smtp.example.com:465');
  expect(config.REMINDER_LEAD_SECONDS).toBe(180);
});

test('when MAIL_FROM is not an address, then the configuration is refused naming it', () => {
  const env = { ...production, SMTP_URL: 'smtp://smtp.example.com', MAIL_FROM: 'Ticketing' };
  expect(configProblems(() => loadServiceConfig(env))).toEqual([expect.stringMatching(/^MAIL_FROM/)]);
});

test('when development gives nothing, then it mails the local catcher from a local sender', () => {
  const config = loadServiceConfig({ APP_ENV: 'development' });
  expect(config.SMTP_URL).toBe('smtp://127.0.0.1:1025');
  expect(config.PUBLIC_URL).toBe('http://localhost:8080');
});
