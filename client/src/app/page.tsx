import Link from 'next/link';
import { redirect } from 'next/navigation';
import { FormErrors } from '@/components/field';
import { Pagination } from '@/components/pagination';
import { SearchForm } from '@/components/search-form';
import { TicketCard } from '@/components/ticket-card';
import { ApiError } from '@/lib/api/errors';
import { serverApi } from '@/lib/api/server';
import type { Page, Ticket } from '@/lib/api/types';
import { formErrors } from '@/lib/messages';
import {
  API_FIELD,
  searchHref,
  searchValues,
  toFilters,
  type SearchParams,
  type SearchValues,
} from '@/lib/search-filters';

async function search(values: SearchValues) {
  const { filters, errors } = toFilters(values);
  let page: Page<Ticket> = { items: [], nextCursor: null };
  let general: string[] = [];
  if (Object.keys(errors).length > 0) return { page, errors, general };
  try {
    page = await serverApi.listTickets(filters);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const mapped = formErrors(err, 'search');
    for (const [field, text] of Object.entries(mapped.fields)) {
      if (field === 'cursor') general.push(text);
      else errors[API_FIELD[field] ?? field] = text;
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
  const { page, errors, general } = await search(values);
  const { cursor, ...criteria } = values;
  const filtered = Object.keys(criteria).length > 0;
  const firstPage = searchHref(criteria);
  const summary = [...Object.values(errors), ...general];

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Find tickets</h1>
          <p className="lede lede--wide">Events with tickets on sale now, soonest first.</p>
        </div>
        <Link href="/sell" className="button button--secondary page-head__action">
          Sell a ticket
        </Link>
      </div>

      <SearchForm values={values} errors={errors} />
      <FormErrors messages={summary} />
      {general.length > 0 && cursor && (
        <p>
          <Link href={firstPage}>Back to the first page</Link>
        </p>
      )}

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">
          Results
        </h2>
        {page.items.length === 0 && summary.length === 0 ? (
          <div className="card empty">
            <h3>{filtered ? 'No tickets match your search' : 'No tickets on sale yet'}</h3>
            <p className="muted">
              {filtered
                ? 'Try other words, dates, a currency or prices.'
                : 'Be the first: list a ticket you cannot use.'}
            </p>
            {filtered ? (
              <Link href="/" className="button button--secondary">
                Clear filters
              </Link>
            ) : (
              <Link href="/sell" className="button">
                Sell a ticket
              </Link>
            )}
          </div>
        ) : (
          <ul className="ticket-grid">
            {page.items.map((ticket) => (
              <li key={ticket.id}>
                <TicketCard ticket={ticket} />
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
