'use client';

import { useRouter } from 'next/navigation';
import { browserApi } from '@/lib/api/browser';
import { readEventForm } from '@/lib/event-input';
import { Field, FormErrors } from './field';
import { useMessages } from './messages';
import { LEAVING, useFormAction } from './use-form-action';
import { useHydrated } from './use-hydrated';

/**
 * Puts a new event on the marketplace, then goes on to list a ticket in it. `timeZones` come from the
 * server, so the select is the same list on both sides; it is preset to the seller's zone once interactive.
 */
export function EventForm({ timeZones }: { timeZones: string[] }) {
  const router = useRouter();
  const t = useMessages();
  const say = t.eventForm;
  const hydrated = useHydrated();
  const browserZone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : undefined;
  const preset = browserZone && timeZones.includes(browserZone) ? browserZone : 'UTC';

  const {
    formRef,
    onSubmit,
    busy,
    fields: errors,
    general,
  } = useFormAction(
    async (form) => {
      const { input, errors: found } = readEventForm(form, t);
      if (Object.keys(found).length > 0) return { fields: found };
      const created = await browserApi.createEvent(input);
      router.push(`/sell?event=${created.id}`);
      return LEAVING;
    },
    { catalogue: 'event', returnTo: '/sell' },
  );

  const hasErrors = Object.keys(errors).length > 0;
  const text = (name: string, label: string, max: number) => (
    <Field id={name} label={label} error={errors[name]}>
      {(aria) => <input {...aria} name={name} className="input" maxLength={max} aria-required />}
    </Field>
  );
  return (
    <form
      ref={formRef}
      className="form card"
      onSubmit={onSubmit}
      noValidate
      aria-label={say.label}
      aria-describedby={hasErrors ? 'event-form-errors' : undefined}
    >
      {hasErrors && (
        <p id="event-form-errors" className="alert alert--error" role="alert">
          {t.errors.formSummary(Object.keys(errors).length)}
        </p>
      )}
      <FormErrors messages={general} />
      {text('title', say.title, 120)}
      <div className="form__row">
        {text('venue', say.venue, 120)}
        {text('city', say.city, 80)}
      </div>
      <div className="form__row">
        <Field id="startsAt" label={say.startsAt} hint={say.startsAtHint} error={errors.startsAt}>
          {(aria) => (
            <input {...aria} name="startsAt" type="datetime-local" className="input" aria-required />
          )}
        </Field>
        <Field
          id="timeZone"
          label={say.timeZone}
          hint={browserZone ? say.timeZonePreset(browserZone) : say.timeZoneHint}
          error={errors.timeZone}
        >
          {(aria) => (
            <select {...aria} key={preset} name="timeZone" className="select" defaultValue={preset}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field id="category" label={say.category} error={errors.category}>
          {(aria) => (
            <select {...aria} name="category" className="select" defaultValue="">
              <option value="">{say.noCategory}</option>
              {Object.entries(t.events.categories).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="imageUrl" label={say.imageUrl} hint="https://…" error={errors.imageUrl}>
          {(aria) => <input {...aria} name="imageUrl" type="url" className="input" maxLength={2000} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy || !hydrated}>
          {busy ? say.creating : say.create}
        </button>
      </div>
    </form>
  );
}
