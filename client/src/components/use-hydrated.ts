'use client';

import { useSyncExternalStore } from 'react';

const subscribeNever = () => () => undefined;

/** False while the server renders and on hydration, then true: controls that need the browser wait for it. */
export const useHydrated = () =>
  useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
