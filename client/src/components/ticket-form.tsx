'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import type { Ticket } from '@/lib/api/types';
import { CURRENCIES, toMajorInput, toMinorUnits } from '@/lib/format';
import { CANCELLATION_CHOICES, DEFAULT_CANCELLATION_HOURS, readTicketForm } from '@/lib/ticket-input';
import { SellerProceeds } from './fees';
import { ActionForm } from './action-form';
import { Field, fieldsOf, InputField, SelectField } from './field';
import { useMessages } from './messages';
import { LEAVING, useFormAction } from './use-form-action';
import { useHydrated } from './use-hydrated';

type Props = { eventId: string; ticket?: undefined } | { ticket: Ticket; eventId?: undefined };

/**
 * Lists a ticket in an event (`eventId`), or edits a listing (`ticket`): its price, seat and description;
 * the event itself is chosen before. Every field is checked at once, then by the API.
 */
export function TicketForm({ eventId, ticket }: Props) {
  const router = useRouter();
  const t = useMessages();
  const say = t.ticketForm;
  const hydrated = useHydrated();
  // What the seller receives, live: the price and currency as typed.
  const [priceText, setPriceText] = useState(ticket ? toMajorInput(ticket.priceCents, ticket.currency) : '');
  const [currency, setCurrency] = useState(ticket?.currency ?? 'usd');
  // Typed before the page hydrated (a slow phone, a quick hand): no change event reached React then, so
  // the proceeds start from what the fields hold.
  const priceInput = useRef<HTMLInputElement>(null);
  const currencySelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (priceInput.current) setPriceText(priceInput.current.value);
    if (currencySelect.current) setCurrency(currencySelect.current.value);
  }, []);

  const action = useFormAction(
    async (form) => {
      const { input, errors: found } = readTicketForm(form, t);
      if (Object.keys(found).length > 0) return { fields: found };
      const saved = ticket
        ? await browserApi.updateTicket(ticket.id, input)
        : await browserApi.createTicket(eventId!, input);
      router.push(`/tickets/${saved.id}`);
      router.refresh();
      return LEAVING;
    },
    { catalogue: 'ticket', returnTo: ticket ? `/tickets/${ticket.id}/edit` : `/sell?event=${eventId}` },
  );

  const errors = action.fields;
  const field = fieldsOf(say, errors);
  const place = (name: 'section' | 'row' | 'seat') => (
    <InputField {...field(name)} defaultValue={ticket?.[name] ?? ''} maxLength={40} />
  );
  return (
    <ActionForm action={action} summaryId="form-errors">
      <div className="form__row">
        <InputField
          {...field('price')}
          hint={say.priceHint}
          error={errors.priceCents}
          inputMode="decimal"
          defaultValue={ticket ? toMajorInput(ticket.priceCents, ticket.currency) : undefined}
          onChange={(e) => setPriceText(e.target.value)}
          ref={priceInput}
          aria-required
        />
        <SelectField
          {...field('currency')}
          defaultValue={ticket?.currency ?? 'usd'}
          onChange={(e) => setCurrency(e.target.value)}
          ref={currencySelect}
          options={CURRENCIES.map((c) => [c, c.toUpperCase()])}
        />
      </div>
      <div className="form__row">
        <InputField
          {...field('quantity')}
          hint={say.quantityHint}
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          defaultValue={ticket?.quantity ?? 1}
          aria-required
        />
        <SelectField
          {...field('split')}
          defaultValue={ticket?.split ?? 'any'}
          options={Object.entries(t.splits)}
        />
      </div>
      <p className="field__hint" aria-live="polite" data-testid="seller-proceeds">
        <SellerProceeds priceCents={toMinorUnits(priceText.trim(), currency)} currency={currency} />
      </p>
      <SelectField
        id="cancellationHours"
        label={say.cancellation}
        hint={say.cancellationHint}
        error={errors.cancellationHours}
        defaultValue={ticket?.cancellationHours ?? DEFAULT_CANCELLATION_HOURS}
        options={CANCELLATION_CHOICES.map((hours) => [hours, hours === 0 ? say.never : say.until(hours)])}
      />
      <fieldset className="form__row form__fieldset">
        <legend>{say.seats}</legend>
        {place('section')}
        {place('row')}
        {place('seat')}
      </fieldset>
      <Field {...field('description')} hint={say.descriptionHint}>
        {(aria) => (
          <textarea
            {...aria}
            name="description"
            className="textarea"
            defaultValue={ticket?.description}
            maxLength={2000}
          />
        )}
      </Field>
      <div className="actions">
        {/* Until the page is interactive a click would send the bare HTML form. */}
        <button type="submit" className="button" disabled={action.busy || !hydrated}>
          {action.busy ? say.saving : ticket ? say.save : say.list}
        </button>
      </div>
    </ActionForm>
  );
}
