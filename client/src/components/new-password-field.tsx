'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { judgePassword, preloadPasswordEstimator } from '@/lib/password-strength';
import { Field } from './field';
import { useMessages } from './messages';

const SETTLE_MS = 150;

/** A new password with a strength meter that follows what is typed (once typing pauses). */
export function NewPasswordField({ error, label }: { error?: ReactNode; label?: string }) {
  const t = useMessages();
  const [password, setPassword] = useState('');
  const [score, setScore] = useState<number | null>(null);

  useEffect(() => {
    if (!password) return;
    let current = true;
    const timer = setTimeout(() => {
      void judgePassword(password).then((v) => current && setScore(v.score));
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password]);

  const shown = password ? score : null;
  const say = t.passwordStrength;
  return (
    <Field id="password" label={label ?? t.auth.password} hint={t.auth.passwordHint} error={error}>
      {(aria) => (
        <>
          <input
            {...aria}
            name="password"
            type="password"
            autoComplete="new-password"
            className="input"
            aria-required
            onFocus={() => void preloadPasswordEstimator()}
            onChange={(e) => setPassword(e.target.value)}
          />
          {shown !== null && (
            <span className="strength">
              <meter
                id="password-strength"
                min={0}
                max={4}
                low={2}
                high={3}
                optimum={4}
                value={shown}
                aria-labelledby="password-strength-text"
              />
              <span id="password-strength-text" aria-live="polite">
                {say.label}: {say.levels[shown as keyof typeof say.levels]}
              </span>
            </span>
          )}
        </>
      )}
    </Field>
  );
}
