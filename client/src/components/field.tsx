import type { ComponentProps, ReactNode } from 'react';
import type { FieldErrors } from './use-form-action';

interface FieldProps {
  id: string;
  label: string;
  error?: ReactNode;
  hint?: string;
  className?: string;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A label, the control, a hint and the message for this field, wired together for screen readers. */
export function Field({ id, label, error, hint, className, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The commonest Field: a plain text-like <input> named as the field (`name` defaults to `id`). */
export function InputField({
  id,
  name = id,
  label,
  hint,
  error,
  ...input
}: Omit<FieldProps, 'children' | 'className'> &
  Omit<ComponentProps<'input'>, 'id' | 'className' | 'children'>) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(aria) => <input {...aria} name={name} className="input" {...input} />}
    </Field>
  );
}

/** A Field whose control is a <select> named as the field, with these options: [value, text] each. */
export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  ...select
}: Omit<FieldProps, 'children' | 'className'> &
  Omit<ComponentProps<'select'>, 'id' | 'name' | 'className' | 'children'> & {
    options: readonly (readonly [value: string | number, text: string])[];
  }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <select {...aria} name={id} className="select" {...select}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The names in a catalogue whose entry is a plain string: the fields it can label. */
type Labelled<L> = { [K in keyof L]: L[K] extends string ? K : never }[keyof L] & string;

/**
 * What a form's field takes from its name: its id (and so its name), its label (the catalogue's entry of that
 * name) and its error. `field('city')` → `{ id: 'city', label: labels.city, error: errors.city }`.
 */
export function fieldsOf<L extends object>(labels: L, errors: FieldErrors) {
  return (name: Labelled<L>) => ({ id: name, label: labels[name] as string, error: errors[name] });
}

/** The problems of a submission that belong to no one field, above the fields (focus moves here). */
export function FormErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1}>
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
