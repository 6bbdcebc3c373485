'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import type { Ticket } from '@/lib/api/types';
import { CURRENCIES, toMajorInput, toMinorUnits } from '@/lib/format';
import { CANCELLATION_CHOICES, DEFAULT_CANCELLATION_HOURS, readTicketForm } from '@/lib/ticket-input';
import { SellerProceeds } from './fees';
import { Field, FormErrors } from './field';
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

  const {
    formRef,
    onSubmit,
    busy,
    fields: errors,
    general,
  } = useFormAction(
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

  const hasErrors = Object.keys(errors).length > 0;
  const place = (name: 'section' | 'row' | 'seat', label: string) => (
    <Field id={name} label={label} error={errors[name]}>
      {(aria) => (
        <input {...aria} name={name} className="input" defaultValue={ticket?.[name] ?? ''} maxLength={40} />
      )}
    </Field>
  );
  return (
    <form
      ref={formRef}
      className="form card"
      onSubmit={onSubmit}
      noValidate
      aria-describedby={hasErrors ? 'form-errors' : undefined}
    >
      {hasErrors && (
        <p id="form-errors" className="alert alert--error" role="alert">
          {t.errors.formSummary(Object.keys(errors).length)}
        </p>
      )}
      <FormErrors messages={general} />
      <div className="form__row">
        <Field id="price" label={say.price} hint={say.priceHint} error={errors.priceCents}>
          {(aria) => (
            <input
              {...aria}
              name="price"
              inputMode="decimal"
              className="input"
              defaultValue={ticket ? toMajorInput(ticket.priceCents, ticket.currency) : undefined}
              onChange={(e) => setPriceText(e.target.value)}
              aria-required
            />
          )}
        </Field>
        <Field id="currency" label={say.currency} error={errors.currency}>
          {(aria) => (
            <select
              {...aria}
              name="currency"
              className="select"
              defaultValue={ticket?.currency ?? 'usd'}
              onChange={(e) => setCurrency(e.target.value)}
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field id="quantity" label={say.quantity} hint={say.quantityHint} error={errors.quantity}>
          {(aria) => (
            <input
              {...aria}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={20}
              className="input"
              defaultValue={ticket?.quantity ?? 1}
              aria-required
            />
          )}
        </Field>
        <Field id="split" label={say.split} error={errors.split}>
          {(aria) => (
            <select {...aria} name="split" className="select" defaultValue={ticket?.split ?? 'any'}>
              {Object.entries(t.splits).map(([rule, label]) => (
                <option key={rule} value={rule}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="field__hint" aria-live="polite" data-testid="seller-proceeds">
        <SellerProceeds priceCents={toMinorUnits(priceText.trim(), currency)} currency={currency} />
      </p>
      <Field
        id="cancellationHours"
        label={say.cancellation}
        hint={say.cancellationHint}
        error={errors.cancellationHours}
      >
        {(aria) => (
          <select
            {...aria}
            name="cancellationHours"
            className="select"
            defaultValue={ticket?.cancellationHours ?? DEFAULT_CANCELLATION_HOURS}
          >
            {CANCELLATION_CHOICES.map((hours) => (
              <option key={hours} value={hours}>
                {hours === 0 ? say.never : say.until(hours)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="form__row form__fieldset">
        <legend>{say.seats}</legend>
        {place('section', say.section)}
        {place('row', say.row)}
        {place('seat', say.seat)}
      </fieldset>
      <Field id="description" label={say.description} hint={say.descriptionHint} error={errors.description}>
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
        <button type="submit" className="button" disabled={busy || !hydrated}>
          {busy ? say.saving : ticket ? say.save : say.list}
        </button>
      </div>
    </form>
  );
}
