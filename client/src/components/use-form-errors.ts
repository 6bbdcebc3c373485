'use client';

import { useEffect, useRef, useState } from 'react';

export type FieldErrors = Record<string, string>;

/**
 * A form's errors: every field's at once plus the summary. Each time they are shown, focus moves to the
 * first field marked invalid (in page order), so a keyboard or screen-reader user lands where to fix.
 */
export function useFormErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<{ fields: FieldErrors; general: string[]; round: number }>({
    fields: {},
    general: [],
    round: 0,
  });

  useEffect(() => {
    if (state.round === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? formRef.current?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  }, [state.round]);

  const show = (fields: FieldErrors, general: string[] = []) =>
    setState((s) => ({ fields, general, round: s.round + 1 }));
  const clear = () => setState((s) => ({ fields: {}, general: [], round: s.round }));

  return { formRef, fields: state.fields, general: state.general, show, clear };
}
