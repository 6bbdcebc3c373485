'use client';

import type { Messages } from '@/lib/messages';
import { useMessages } from './messages';
import { useClock } from './use-clock';

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** What a screen reader hears: the minutes as they pass, then the last seconds, not every tick. */
function announcement(t: Messages['countdown'], left: number): string {
  if (left <= 0) return t.expired;
  if (left <= 10) return t.tenSeconds;
  if (left <= 30) return t.thirtySeconds;
  return t.minutes(Math.ceil(left / 60));
}

export function Countdown({ expiresAt }: { expiresAt: string }) {
  const now = useClock();
  const { countdown: t } = useMessages();
  const deadline = Math.floor(Date.parse(expiresAt) / 1000);
  const left = now === null ? null : Math.max(0, deadline - now);
  return (
    <div className="countdown-box">
      <p className="field__hint">{t.reserved}</p>
      <p className="countdown" role="timer" aria-label={t.label} data-testid="countdown">
        {left === null ? '--:--' : `${twoDigits(Math.floor(left / 60))}:${twoDigits(left % 60)}`}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {left === null ? '' : announcement(t, left)}
      </p>
    </div>
  );
}

/** True once the reservation's time is up (by this browser's clock). */
export function useExpired(expiresAt: string): boolean {
  const now = useClock();
  return now !== null && now * 1000 >= Date.parse(expiresAt);
}
