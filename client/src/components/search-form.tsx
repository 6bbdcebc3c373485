import Form from 'next/form';
import { messages } from '@/lib/messages';
import { SORTS, type SearchValues } from '@/lib/search-filters';
import { Collapsible } from './collapsible';
import { Field } from './field';

/**
 * The marketplace filters: words (typos forgiven), then city, dates and order, which on a phone fold away
 * behind "Filters" (open when one is in use or wrong).
 */
export function SearchForm({ values, errors }: { values: SearchValues; errors: Record<string, string> }) {
  const refined = Boolean(values.city || values.from || values.to || values.sort);
  const input = (name: keyof SearchValues, extra: Record<string, string> = {}) =>
    function Control(aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) {
      return <input {...aria} name={name} className="input" defaultValue={values[name]} {...extra} />;
    };
  return (
    <Form action="/" className="filters card" role="search" aria-label="Search events">
      <Field id="q" label="Search" className="field--search" error={errors.q}>
        {input('q', { type: 'search', placeholder: 'Artist, event or venue' })}
      </Field>
      <Collapsible
        id="more-filters"
        label="Filters"
        initiallyOpen={refined || Object.keys(errors).length > 0}
        className="filters__more"
      >
        <Field id="city" label="City" error={errors.city}>
          {input('city', { placeholder: 'Any city' })}
        </Field>
        <Field id="from" label="From" error={errors.from}>
          {input('from', { type: 'date' })}
        </Field>
        <Field id="to" label="To" error={errors.to}>
          {input('to', { type: 'date' })}
        </Field>
        <Field id="sort" label="Sort by" error={errors.sort}>
          {(aria) => (
            <select {...aria} name="sort" className="select" defaultValue={values.sort ?? 'date'}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {messages.events.sort[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Collapsible>
      <button type="submit" className="button filters__submit">
        Search
      </button>
    </Form>
  );
}
