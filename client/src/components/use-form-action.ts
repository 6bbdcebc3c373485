'use client';

import { useRouter } from 'next/navigation';
import {
  startTransition,
  useActionState,
  useCallback,
  useEffect,
  useRef,
  type FormEvent,
  type ReactNode,
} from 'react';
import { toApiError } from '@/lib/api/errors';
import { errorText, formErrors, type FieldCatalogue, type Messages } from '@/lib/messages';
import { useMessages } from './messages';

/** What is wrong with each field, by the field's name: a sentence (or a sentence with a link). */
export type FieldErrors = Record<string, ReactNode>;

/** A submission that did not go through: every field's problem at once, and the sentences of the summary. */
export interface FormProblems {
  fields?: FieldErrors;
  general?: string[];
}

/** Returned by an action that went through and is taking the user elsewhere: the button stays busy. */
export const LEAVING = 'leaving';

type Outcome = FormProblems | typeof LEAVING | void;

interface Options {
  /** The catalogue a 400's `invalid` entries are read from (otherwise any API error is one sentence). */
  catalogue?: FieldCatalogue;
  /** Codes shown at their field rather than in the summary (see formErrors). */
  atField?: readonly string[];
  /** Where to come back to after signing in, when the API says the user is not signed in (401). */
  returnTo?: string;
}

interface State {
  fields: FieldErrors;
  general: string[];
  leaving: boolean;
  /** Counts the times problems were shown: each time, focus moves to the first. */
  round: number;
}

const NONE: State = { fields: {}, general: [], leaving: false, round: 0 };

/** An API error thrown by an action → what the form shows, chosen by its codes. */
function problemsOf(t: Messages, err: unknown, { catalogue, atField }: Options): FormProblems {
  const apiError = toApiError(err);
  if (apiError.status === 400 && catalogue) return formErrors(t, apiError, catalogue, atField);
  return { general: [errorText(t, apiError)] };
}

/**
 * The one way a form (or a button) sends something: React's useActionState runs `action` with the form's
 * data; `busy` is true meanwhile, when the problems of the last try are hidden. The action returns the
 * problems it found itself, or throws what the API answered, and every problem is shown at once. Each time
 * problems are shown, focus moves to the first field marked invalid (in page order), else to the summary,
 * so a keyboard or screen-reader user lands where to fix. The submit handler prevents the browser's own
 * submission (and React's reset of the fields after a `<form action>`): what was typed stays.
 */
export function useFormAction(action: (form: FormData) => Promise<Outcome>, options: Options = {}) {
  const router = useRouter();
  const t = useMessages();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<State, FormData>(async (previous, form) => {
    let outcome: Outcome;
    try {
      outcome = await action(form);
    } catch (err) {
      if (options.returnTo && toApiError(err).status === 401) {
        router.push(`/signin?next=${encodeURIComponent(options.returnTo)}`);
        outcome = LEAVING;
      } else outcome = problemsOf(t, err, options);
    }
    if (outcome === LEAVING) return { ...NONE, leaving: true, round: previous.round };
    if (!outcome) return { ...NONE, round: previous.round };
    return {
      fields: outcome.fields ?? {},
      general: outcome.general ?? [],
      leaving: false,
      round: previous.round + 1,
    };
  }, NONE);

  useEffect(() => {
    if (state.round === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? formRef.current?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  }, [state.round]);

  /** Sends this data (a button passes none); an action runs after the one before it has finished. */
  const run = useCallback(
    (form: FormData = new FormData()) => startTransition(() => dispatch(form)),
    [dispatch],
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run(new FormData(event.currentTarget));
  };

  return {
    formRef,
    onSubmit,
    run,
    busy: pending || state.leaving,
    fields: pending ? NONE.fields : state.fields,
    general: pending ? NONE.general : state.general,
  };
}

/** What useFormAction gives a form or a button: see ActionForm for the form's side. */
export type FormAction = ReturnType<typeof useFormAction>;
