import { loadConfig, serviceConfigSchema } from '@ticketing/common';
import { z } from 'zod';

export const needs = { bus: true } as const;

export const configSchema = serviceConfigSchema(needs, {
  /** The SMTP server, credentials included (smtp://user:pass@host:587, smtps://… for TLS from the start). */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }),
  /** The sender of every mail: an address, optionally with a name ("Ticketing <tickets@example.com>"). */
  MAIL_FROM: z.string().regex(/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/, 'must be an address'),
  /** Where the site is, for links in mails (the buyer's tickets page). */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  /** How long before a reservation ends its reminder goes out. */
  REMINDER_LEAD_SECONDS: z.coerce.number().int().positive().default(180),
  /** How often due mails (reminders) are looked for; new mails wake the sender at once anyway. */
  MAIL_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(1_000),
});

export type Config = z.infer<typeof configSchema>;

export const loadServiceConfig = (env: NodeJS.ProcessEnv = process.env): Config =>
  loadConfig(configSchema, env, {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/notifications',
    SMTP_URL: 'smtp://127.0.0.1:1025',
    MAIL_FROM: 'Ticketing <tickets@ticketing.dev>',
    PUBLIC_URL: 'http://localhost:8080',
  });
