import Form from 'next/form';
import { CURRENCIES } from '@/lib/format';
import type { SearchValues } from '@/lib/search-filters';
import { Collapsible } from './collapsible';
import { Field } from './field';

/**
 * The marketplace filters. Prices are compared only within the chosen currency; on a phone the dates,
 * currency and prices fold away behind "Filters" (open when one is in use or wrong).
 */
export function SearchForm({ values, errors }: { values: SearchValues; errors: Record<string, string> }) {
  const refined = Boolean(values.from || values.to || values.currency || values.min || values.max);
  const input = (name: keyof SearchValues, extra: Record<string, string> = {}) =>
    function Control(aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) {
      return <input {...aria} name={name} className="input" defaultValue={values[name]} {...extra} />;
    };
  return (
    <Form action="/" className="filters card" role="search" aria-label="Search tickets">
      <Field id="q" label="Search" className="field--search" error={errors.q}>
        {input('q', { type: 'search', placeholder: 'Artist, event or venue' })}
      </Field>
      <Collapsible
        id="more-filters"
        label="Filters"
        initiallyOpen={refined || Object.keys(errors).length > 0}
        className="filters__more"
      >
        <Field id="from" label="From" error={errors.from}>
          {input('from', { type: 'date' })}
        </Field>
        <Field id="to" label="To" error={errors.to}>
          {input('to', { type: 'date' })}
        </Field>
        <Field id="currency" label="Currency" error={errors.currency}>
          {(aria) => (
            <select {...aria} name="currency" className="select" defaultValue={values.currency ?? ''}>
              <option value="">Any currency</option>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="min" label="Min price" error={errors.min}>
          {input('min', { inputMode: 'decimal', placeholder: '0' })}
        </Field>
        <Field id="max" label="Max price" error={errors.max}>
          {input('max', { inputMode: 'decimal', placeholder: 'Any' })}
        </Field>
      </Collapsible>
      <button type="submit" className="button filters__submit">
        Search
      </button>
    </Form>
  );
}
