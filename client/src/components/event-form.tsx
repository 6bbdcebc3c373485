'use client';

import { useRouter } from 'next/navigation';
import { browserApi } from '@/lib/api/browser';
import { readEventForm } from '@/lib/event-input';
import { messages } from '@/lib/messages';
import { ActionForm } from './action-form';
import { InputField, SelectField } from './field';
import { LEAVING, useFormAction } from './use-form-action';
import { useHydrated } from './use-hydrated';

/** No category first: the field is optional. */
const CATEGORIES = [['', 'None'] as const, ...Object.entries(messages.events.categories)];

/**
 * Puts a new event on the marketplace, then goes on to list a ticket in it. `timeZones` come from the
 * server, so the select is the same list on both sides; it is preset to the seller's zone once interactive.
 */
export function EventForm({ timeZones }: { timeZones: string[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const browserZone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : undefined;
  const preset = browserZone && timeZones.includes(browserZone) ? browserZone : 'UTC';

  const action = useFormAction(
    async (form) => {
      const { input, errors: found } = readEventForm(form);
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
    <ActionForm action={action} aria-label="New event" summaryId="event-form-errors">
      {text('title', 'Event title', 120)}
      <div className="form__row">
        {text('venue', 'Venue', 120)}
        {text('city', 'City', 80)}
      </div>
      <div className="form__row">
        <InputField
          id="startsAt"
          label="Date and time"
          hint="As the clocks at the venue read"
          error={errors.startsAt}
          type="datetime-local"
          aria-required
        />
        <SelectField
          key={preset}
          id="timeZone"
          label="Time zone"
          hint={browserZone ? `Where the venue is. Preset to yours (${browserZone}).` : 'Where the venue is.'}
          error={errors.timeZone}
          defaultValue={preset}
          options={timeZones.map((zone) => [zone, zone])}
        />
      </div>
      <div className="form__row">
        <SelectField
          id="category"
          label="Category (optional)"
          error={errors.category}
          defaultValue=""
          options={CATEGORIES}
        />
        <InputField
          id="imageUrl"
          label="Image address (optional)"
          hint="https://…"
          error={errors.imageUrl}
          type="url"
          maxLength={2000}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy || !hydrated}>
          {action.busy ? 'Creating…' : 'Create event'}
        </button>
      </div>
    </ActionForm>
  );
}
