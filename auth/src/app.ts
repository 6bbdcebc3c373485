import path from 'node:path';
import { afterValidation, isLocal, rateLimitsOn, type ServiceDefinition } from '@ticketing/common';
import { AccountLockout } from './domain/account-lockout';
import { sessionsPurge } from './domain/purge-sessions';
import type { AuthDeps } from './domain/auth-deps';
import { passwordJudge } from './domain/password-strength';
import { dummyHash } from './domain/passwords';
import { sessionCookies } from './api/session-cookies';
import { USERS_PATH, usersRouter } from './api/users.router';
import { needs, type Config } from './config';

export const authService: ServiceDefinition<Config> = {
  name: 'auth',
  needs,
  migrationsDir: path.resolve(__dirname, '../migrations'),
  wire: async ({ config, database, revocations, redis, logger }) => {
    // Built once up front, so neither the first unknown-email sign-in nor the first sign-up is slower.
    await dummyHash();
    await passwordJudge.start();
    const prefix = config.RATE_LIMIT_PREFIX;
    const deps: AuthDeps = {
      db: database.db,
      revocations,
      lockout: new AccountLockout(redis, {
        prefix,
        maxFailures: config.SIGNIN_MAX_FAILURES,
        lockoutSeconds: config.SIGNIN_LOCKOUT_SECONDS,
      }),
      tokens: {
        privateKey: config.JWT_PRIVATE_KEY,
        accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
        reuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
      },
      resetTokenTtlSeconds: config.PASSWORD_RESET_TTL_SECONDS,
      verifyTokenTtlSeconds: config.EMAIL_VERIFICATION_TTL_SECONDS,
      logger,
    };
    const limit = rateLimitsOn(redis, prefix);
    const perMinute = { durationSeconds: 60 };
    const perHour = { durationSeconds: 3600 };
    const limits = {
      signIn: limit({ name: 'signin-ip', points: config.SIGNIN_IP_LIMIT_PER_MINUTE, ...perMinute }),
      signUp: limit({ name: 'signup-ip', points: config.SIGNUP_IP_LIMIT_PER_HOUR, ...perHour }),
      resetPerIp: limit({ name: 'reset-ip', points: config.PASSWORD_RESET_IP_LIMIT_PER_HOUR, ...perHour }),
      resetPerEmail: afterValidation(
        limit({
          name: 'reset-email',
          points: config.PASSWORD_RESET_EMAIL_LIMIT_PER_HOUR,
          ...perHour,
          key: (req) => String((req.body as { email: string }).email),
        }),
      ),
      verifyPerIp: limit({
        name: 'verify-ip',
        points: config.EMAIL_VERIFICATION_IP_LIMIT_PER_HOUR,
        ...perHour,
      }),
      verifyResendPerUser: limit({
        name: 'verify-resend',
        points: config.EMAIL_VERIFICATION_RESEND_LIMIT_PER_HOUR,
        ...perHour,
        key: (req) => req.currentUser?.id ?? String(req.ip),
      }),
    };
    const cookies = sessionCookies({
      secure: !isLocal(config),
      refreshPath: USERS_PATH,
      refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    });
    return {
      routes: { [USERS_PATH]: usersRouter(deps, limits, cookies) },
      periodicJobs: [sessionsPurge(database.db)],
      closeables: [['password-estimator', { close: () => passwordJudge.stop() }]],
    };
  },
};
