'use client';

import { useSyncExternalStore } from 'react';

/** The current second, ticking; null while rendering on the server (no clock to disagree with). */
const subscribe = (tick: () => void) => {
  const timer = setInterval(tick, 250);
  return () => clearInterval(timer);
};
const nowSecond = () => Math.floor(Date.now() / 1000);

export const useClock = (): number | null => useSyncExternalStore(subscribe, nowSecond, () => null);
