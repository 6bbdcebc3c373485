import Form from 'next/form';
import { getMessages } from '@/lib/messages/server';
import { SORTS, type SearchValues } from '@/lib/search-filters';
import { Collapsible } from './collapsible';
import { Field } from './field';

/**
 * The marketplace filters: words (typos forgiven), then city, dates and order, which on a phone fold away
 * behind "Filters" (open when one is in use or wrong).
 */
export async function SearchForm({
  values,
  errors,
}: {
  values: SearchValues;
  errors: Record<string, string>;
}) {
  const t = await getMessages();
  const say = t.search;
  const refined = Boolean(values.city || values.from || values.to || values.sort);
  const input = (name: keyof SearchValues, extra: Record<string, string> = {}) =>
    function Control(aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) {
      return <input {...aria} name={name} className="input" defaultValue={values[name]} {...extra} />;
    };
  return (
    <Form action="/" className="filters card" role="search" aria-label={say.label}>
      <Field id="q" label={say.q} className="field--search" error={errors.q}>
        {input('q', { type: 'search', placeholder: say.qPlaceholder })}
      </Field>
      <Collapsible
        id="more-filters"
        label={say.filters}
        initiallyOpen={refined || Object.keys(errors).length > 0}
        className="filters__more"
      >
        <Field id="city" label={say.city} error={errors.city}>
          {input('city', { placeholder: say.cityPlaceholder })}
        </Field>
        <Field id="from" label={say.from} error={errors.from}>
          {input('from', { type: 'date' })}
        </Field>
        <Field id="to" label={say.to} error={errors.to}>
          {input('to', { type: 'date' })}
        </Field>
        <Field id="sort" label={say.sort} error={errors.sort}>
          {(aria) => (
            <select {...aria} name="sort" className="select" defaultValue={values.sort ?? 'date'}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t.events.sort[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Collapsible>
      <button type="submit" className="button filters__submit">
        {say.submit}
      </button>
    </Form>
  );
}
