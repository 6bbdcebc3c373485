'use client';

import { useClock } from './use-clock';

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** What a screen reader hears: the minutes as they pass, then the last seconds, not every tick. */
function announcement(left: number): string {
  if (left <= 0) return 'Your reservation has expired.';
  if (left <= 10) return 'Less than 10 seconds left to pay.';
  if (left <= 30) return 'Less than 30 seconds left to pay.';
  const minutes = Math.ceil(left / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left to pay.`;
}

export function Countdown({ expiresAt }: { expiresAt: string }) {
  const now = useClock();
  const deadline = Math.floor(Date.parse(expiresAt) / 1000);
  const left = now === null ? null : Math.max(0, deadline - now);
  return (
    <div className="countdown-box">
      <p className="field__hint">Reserved for you</p>
      <p className="countdown" role="timer" aria-label="Time left to pay" data-testid="countdown">
        {left === null ? '--:--' : `${twoDigits(Math.floor(left / 60))}:${twoDigits(left % 60)}`}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {left === null ? '' : announcement(left)}
      </p>
    </div>
  );
}

/** True once the reservation's time is up (by this browser's clock). */
export function useExpired(expiresAt: string): boolean {
  const now = useClock();
  return now !== null && now * 1000 >= Date.parse(expiresAt);
}
