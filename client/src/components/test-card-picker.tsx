'use client';

import { TEST_CARDS } from '@/lib/payment-mode';
import { useMessages } from './messages';

/** Stripe's test payment methods, clearly labelled: nothing here is a real card. */
export function TestCardPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { payment: t } = useMessages();
  return (
    <div className="test-mode">
      <span className="test-mode__label">{t.testMode}</span>
      <p className="field__hint">{t.testHint}</p>
      <fieldset className="choices">
        <legend className="visually-hidden">{t.testCard}</legend>
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
              {t.testCards[card.id]} <span className="muted nowrap">•••• {card.last4}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
