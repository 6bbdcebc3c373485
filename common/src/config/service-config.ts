import { z } from 'zod';
import { configParts } from './config';

/**
 * The shared parts a service declares it needs, beyond the database every service has. Each brings its
 * config variables (composed by `serviceConfigSchema`) and a connected client in the wiring's parts:
 * `bus` → `bus` (NATS JetStream: outbox relay, consumers); `redis` → `redis` (one shared client: rate
 * limits, lockouts); `auth` → `revocations` and access-token checks (JWT_PUBLIC_KEY; the revoked sessions
 * live in Redis, so `auth` comes with `redis`).
 */
export type Needs = { bus?: true } & ({ redis?: true; auth?: never } | { redis: true; auth: true });

type NoParts = Record<never, never>;
type BaseShape = typeof configParts.base & typeof configParts.database;
type NeedsShape<N extends Needs> = BaseShape &
  (N extends { bus: true } ? typeof configParts.bus : NoParts) &
  (N extends { redis: true } ? typeof configParts.redis : NoParts) &
  (N extends { auth: true } ? typeof configParts.jwtVerify : NoParts);

/**
 * A service's env schema: the base and database parts, the parts of what it `needs`, then its own
 * variables. Its inferred type is what the boot and the wiring see, so a need is a compile-time fact.
 */
export function serviceConfigSchema<N extends Needs, Own extends z.ZodRawShape>(
  needs: N,
  own: Own,
): z.ZodObject<NeedsShape<N> & Own, z.core.$strip> {
  return z.object({
    ...configParts.base,
    ...configParts.database,
    ...(needs.bus ? configParts.bus : {}),
    ...(needs.redis ? configParts.redis : {}),
    ...(needs.auth ? configParts.jwtVerify : {}),
    ...own,
  }) as unknown as z.ZodObject<NeedsShape<N> & Own, z.core.$strip>;
}

type Inferred<Shape extends z.ZodRawShape> = z.infer<z.ZodObject<Shape, z.core.$strip>>;

/** What every service's config has. */
export type ServiceConfig = Inferred<BaseShape>;
export type BusConfig = Inferred<typeof configParts.bus>;
export type RedisConfig = Inferred<typeof configParts.redis>;
export type AuthConfig = Inferred<typeof configParts.jwtVerify>;

/** The variable that tells, in a config type, that the service declared a need. */
interface NeedVariables {
  bus: 'NATS_URL';
  redis: 'REDIS_URL';
  auth: 'JWT_PUBLIC_KEY';
}
export type NeedName = keyof NeedVariables;
export type Declares<C, N extends NeedName> = NeedVariables[N] extends keyof C ? true : false;

/**
 * The `needs` a definition must state for config type C: exactly those its schema was composed with
 * (`{ bus: true, redis: true }` for a service with NATS and Redis), so the two cannot disagree.
 */
export type NeedsOf<C> = { [N in NeedName as Declares<C, N> extends true ? N : never]: true } & {
  [N in NeedName as Declares<C, N> extends true ? never : N]?: never;
};
