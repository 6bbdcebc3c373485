import Link from 'next/link';
import { redirect } from 'next/navigation';
import { FormErrors } from '@/components/field';
import { Pagination } from '@/components/pagination';
import { SearchForm } from '@/components/search-form';
import { EventCard } from '@/components/event-card';
import { ApiError } from '@/lib/api/errors';
import { serverApi } from '@/lib/api/server';
import type { EventSummary, Page } from '@/lib/api/types';
import { formErrors, type Messages } from '@/lib/messages';
import { getMessages } from '@/lib/messages/server';
import {
  searchHref,
  searchValues,
  toFilters,
  type SearchParams,
  type SearchValues,
} from '@/lib/search-filters';

async function search(values: SearchValues, t: Messages) {
  const { filters, errors } = toFilters(values, t);
  let page: Page<EventSummary> = { items: [], nextCursor: null };
  let general: string[] = [];
  if (Object.keys(errors).length > 0) return { page, errors, general };
  try {
    page = await serverApi.listEvents(filters);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const mapped = formErrors(t, err, 'search');
    for (const [field, text] of Object.entries(mapped.fields)) {
      if (field === 'cursor') general.push(text);
      else errors[field] = text;
    }
    general = [...general, ...mapped.general];
  }
  return { page, errors, general };
}

export default async function MarketplacePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const values = searchValues(params);
  // A submitted form names every field, filled or not: keep the address to the ones that say something.
  if (Object.values(params).some((v) => v === '' || (Array.isArray(v) && v.length > 1)))
    redirect(searchHref(values));
  const t = await getMessages();
  const say = t.marketplace;
  const { page, errors, general } = await search(values, t);
  const { cursor, ...criteria } = values;
  const filtered = Object.keys(criteria).length > 0;
  const firstPage = searchHref(criteria);
  const summary = [...Object.values(errors), ...general];

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{say.title}</h1>
          <p className="lede lede--wide">{say.lede}</p>
        </div>
        <Link href="/sell" className="button button--secondary page-head__action">
          {t.common.sellTicket}
        </Link>
      </div>

      <SearchForm values={values} errors={errors} />
      <FormErrors messages={summary} />
      {general.length > 0 && cursor && (
        <p>
          <Link href={firstPage}>{say.backToFirst}</Link>
        </p>
      )}

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">
          {say.results}
        </h2>
        {page.items.length === 0 && summary.length === 0 ? (
          <div className="card empty">
            <h3>{filtered ? say.noMatch : say.empty}</h3>
            <p className="muted">{filtered ? say.noMatchHint : say.emptyHint}</p>
            {filtered ? (
              <Link href="/" className="button button--secondary">
                {say.clearFilters}
              </Link>
            ) : (
              <Link href="/sell" className="button">
                {t.common.sellTicket}
              </Link>
            )}
          </div>
        ) : (
          <ul className="ticket-grid">
            {page.items.map((event) => (
              <li key={event.id}>
                <EventCard event={event} />
              </li>
            ))}
          </ul>
        )}
        <Pagination
          firstHref={cursor ? firstPage : undefined}
          nextHref={page.nextCursor ? searchHref({ ...criteria, cursor: page.nextCursor }) : undefined}
        />
      </section>
    </>
  );
}
