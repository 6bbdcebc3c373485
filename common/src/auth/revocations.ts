import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { quitRedis } from '../lifecycle/redis';

const SET_KEY = 'auth:revoked-sessions';
const CHANNEL = 'auth:session-revoked';

/**
 * Revoked sessions, known to every service within milliseconds: auth records a revocation in a Redis
 * sorted set (score = when the last access token of that session expires) and publishes it; each service
 * keeps the live set in memory, loaded at start and on every reconnect, so a request costs no network call.
 */
export class SessionRevocations {
  private readonly revoked = new Map<string, number>();

  private constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    private readonly logger: Logger,
  ) {}

  static async connect(url: string, logger: Logger): Promise<SessionRevocations> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
    const self = new SessionRevocations(new Redis(url, options), new Redis(url, options), logger);
    await self.start();
    return self;
  }

  private async start(): Promise<void> {
    this.redis.on('error', (err) => this.logger.warn({ err }, 'redis error (revocations)'));
    this.subscriber.on('error', (err) => this.logger.warn({ err }, 'redis subscriber error (revocations)'));
    this.subscriber.on('message', (_channel, message: string) => {
      const [sessionId, until] = message.split(' ');
      if (sessionId) this.revoked.set(sessionId, Number(until) || Date.now() + 3_600_000);
    });
    // ioredis re-subscribes on reconnect; what was missed meanwhile is reloaded from the set.
    this.subscriber.on(
      'ready',
      () => void this.reload().catch((err) => this.logger.warn({ err }, 'revocation reload failed')),
    );
    await this.redis.connect();
    await this.subscriber.connect();
    await this.subscriber.subscribe(CHANNEL);
    await this.reload();
  }

  private async reload(): Promise<void> {
    const now = Date.now();
    const entries = await this.redis.zrangebyscore(SET_KEY, now, '+inf', 'WITHSCORES');
    for (let i = 0; i < entries.length; i += 2) this.revoked.set(entries[i]!, Number(entries[i + 1]));
  }

  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId);
    if (until === undefined) return false;
    if (until < Date.now()) {
      this.revoked.delete(sessionId);
      return false;
    }
    return true;
  }

  /** Called by auth: revoke now, everywhere, until `untilMs` (when no token of the session can be valid). */
  async revoke(sessionId: string, untilMs: number): Promise<void> {
    this.revoked.set(sessionId, untilMs);
    await this.redis
      .multi()
      .zadd(SET_KEY, untilMs, sessionId)
      .zremrangebyscore(SET_KEY, '-inf', Date.now())
      .publish(CHANNEL, `${sessionId} ${untilMs}`)
      .exec();
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    await quitRedis(this.redis);
  }
}
