import type { Redis } from 'ioredis';

/** Closes a Redis connection; quit() rejects on one that has already ended, and closing twice is harmless. */
export async function quitRedis(connection: Redis): Promise<void> {
  if (connection.status !== 'end') await connection.quit().catch(() => connection.disconnect());
}
