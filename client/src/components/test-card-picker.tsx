'use client';

import { TEST_CARDS } from '@/lib/payment-mode';

/** Stripe's test payment methods, clearly labelled: nothing here is a real card. */
export function TestCardPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  return (
    <div className="test-mode">
      <span className="test-mode__label">Test mode</span>
      <p className="field__hint">No real card is charged. Pick how the test payment should behave.</p>
      <fieldset className="choices">
        <legend className="visually-hidden">Test card</legend>
        {TEST_CARDS.map((card) => (
          <label key={card.id} className="choice">
            <input
              type="radio"
              name="paymentMethod"
              value={card.id}
              checked={value === card.id}
              onChange={() => onChange(card.id)}
            />
            <span>
              {card.label} <span className="muted nowrap">•••• {card.last4}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
