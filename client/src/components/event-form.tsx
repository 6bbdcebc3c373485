'use client';

import { useRouter } from 'next/navigation';
import { browserApi } from '@/lib/api/browser';
import { readEventForm } from '@/lib/event-input';
import { ActionForm } from './action-form';
import { fieldsOf, InputField, SelectField } from './field';
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

  const field = fieldsOf(say, action.fields);
  return (
    <ActionForm action={action} aria-label={say.label} summaryId="event-form-errors">
      <InputField {...field('title')} maxLength={120} aria-required />
      <div className="form__row">
        <InputField {...field('venue')} maxLength={120} aria-required />
        <InputField {...field('city')} maxLength={80} aria-required />
      </div>
      <div className="form__row">
        <InputField {...field('startsAt')} hint={say.startsAtHint} type="datetime-local" aria-required />
        <SelectField
          key={preset}
          {...field('timeZone')}
          hint={browserZone ? say.timeZonePreset(browserZone) : say.timeZoneHint}
          defaultValue={preset}
          options={timeZones.map((zone) => [zone, zone])}
        />
      </div>
      <div className="form__row">
        <SelectField
          {...field('category')}
          defaultValue=""
          options={[['', say.noCategory], ...Object.entries(t.events.categories)]}
        />
        <InputField {...field('imageUrl')} hint="https://…" type="url" maxLength={2000} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy || !hydrated}>
          {action.busy ? say.creating : say.create}
        </button>
      </div>
    </ActionForm>
  );
}
