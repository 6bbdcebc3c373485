import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout, the same as every service's (pino), so the runner and log tooling read them alike. */
export const createLogger = (name = 'stripe-emulator'): Logger => pino({ name });

export const silentLogger: Logger = pino({ level: 'silent' });
