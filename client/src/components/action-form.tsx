import type { ReactNode } from 'react';
import { FormErrors } from './field';
import { useMessages } from './messages';
import type { FormAction } from './use-form-action';

/**
 * The <form> of a useFormAction form: it submits through the action (the browser's own validation off: every
 * field is checked at once) and shows, above its fields, the problems no field shows. With `summaryId`, a
 * long form also says how many fields need fixing, and is described by that sentence while it shows.
 */
export function ActionForm({
  action: { formRef, onSubmit, fields, general },
  summaryId,
  className = 'form card',
  'aria-label': ariaLabel,
  children,
}: {
  action: FormAction;
  summaryId?: string;
  className?: string;
  'aria-label'?: string;
  children: ReactNode;
}) {
  const { errors } = useMessages();
  const invalid = Object.keys(fields).length;
  const summary = summaryId !== undefined && invalid > 0;
  return (
    <form
      ref={formRef}
      className={className}
      onSubmit={onSubmit}
      noValidate
      aria-label={ariaLabel}
      aria-describedby={summary ? summaryId : undefined}
    >
      {summary && (
        <p id={summaryId} className="alert alert--error" role="alert">
          {errors.formSummary(invalid)}
        </p>
      )}
      <FormErrors messages={general} />
      {children}
    </form>
  );
}
