'use client';

import { useRouter } from 'next/navigation';
import { browserApi } from '@/lib/api/browser';
import { readEventForm } from '@/lib/event-input';
import { ActionForm } from './action-form';
import { InputField, SelectField } from './field';
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

  const action = useFormAction(
    async (form) => {
      const { input, errors: found } = readEventForm(form, t);
      if (Object.keys(found).length > 0) return { fields: found };
      const created = await browserApi.createEvent(input);
      router.push(`/sell?event=${created.id}`);
      return LEAVING;
    },
    { catalogue: 'event', returnTo: '/sell' },
  );

  const errors = action.fields;
  const text = (name: string, label: string, max: number) => (
    <InputField id={name} label={label} error={errors[name]} maxLength={max} aria-required />
  );
  return (
    <ActionForm action={action} aria-label={say.label} summaryId="event-form-errors">
      {text('title', say.title, 120)}
      <div className="form__row">
        {text('venue', say.venue, 120)}
        {text('city', say.city, 80)}
      </div>
      <div className="form__row">
        <InputField
          id="startsAt"
          label={say.startsAt}
          hint={say.startsAtHint}
          error={errors.startsAt}
          type="datetime-local"
          aria-required
        />
        <SelectField
          key={preset}
          id="timeZone"
          label={say.timeZone}
          hint={browserZone ? say.timeZonePreset(browserZone) : say.timeZoneHint}
          error={errors.timeZone}
          defaultValue={preset}
          options={timeZones.map((zone) => [zone, zone])}
        />
      </div>
      <div className="form__row">
        <SelectField
          id="category"
          label={say.category}
          error={errors.category}
          defaultValue=""
          options={[['', say.noCategory], ...Object.entries(t.events.categories)]}
        />
        <InputField
          id="imageUrl"
          label={say.imageUrl}
          hint="https://…"
          error={errors.imageUrl}
          type="url"
          maxLength={2000}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy || !hydrated}>
          {action.busy ? say.creating : say.create}
        </button>
      </div>
    </ActionForm>
  );
}
