import Form from 'next/form';
import Link from 'next/link';
import { Pagination } from '@/components/pagination';
import { FormErrors } from '@/components/field';
import { TicketCard } from '@/components/ticket-card';
import { ApiError } from '@/lib/api/errors';
import { serverApi, type TicketFilters } from '@/lib/api/server';
import type { Page, Ticket } from '@/lib/api/types';
import { toMinorUnits } from '@/lib/format';

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The form speaks in major units and calendar days; the API in minor units and instants. */
function toFilters(params: SearchParams): TicketFilters {
  const min = one(params.min);
  const max = one(params.max);
  const to = one(params.to);
  return {
    q: one(params.q),
    from: one(params.from),
    to: to && /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to,
    minPrice: min === undefined ? undefined : (toMinorUnits(min, 'usd') ?? -1),
    maxPrice: max === undefined ? undefined : (toMinorUnits(max, 'usd') ?? -1),
    cursor: one(params.cursor),
  };
}

const FIELD_LABELS: Record<string, string> = {
  q: 'Search',
  from: 'From',
  to: 'To',
  minPrice: 'Min price',
  maxPrice: 'Max price',
  cursor: 'Page',
};

export default async function MarketplacePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = toFilters(params);
  let page: Page<Ticket> = { items: [], nextCursor: null };
  let errors: string[] = [];
  try {
    page = await serverApi.listTickets(filters);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    errors = err.errors.map((e) =>
      e.field ? `${FIELD_LABELS[e.field] ?? e.field}: ${e.message}` : e.message,
    );
  }
  const filtered = Boolean(filters.q || filters.from || filters.to || one(params.min) || one(params.max));
  const nextParams = new URLSearchParams();
  for (const key of ['q', 'from', 'to', 'min', 'max']) {
    const value = one(params[key]);
    if (value) nextParams.set(key, value);
  }
  const firstPage = `/?${nextParams.toString()}`;
  if (page.nextCursor) nextParams.set('cursor', page.nextCursor);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Find tickets</h1>
          <p className="lede">Events with tickets on sale now, soonest first.</p>
        </div>
        <Link href="/sell" className="button button--secondary">
          Sell a ticket
        </Link>
      </div>

      <Form action="/" className="filters card" role="search" aria-label="Search tickets">
        <div className="field field--search">
          <label htmlFor="q">Search</label>
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            placeholder="Artist, event or venue"
            defaultValue={one(params.q)}
          />
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" className="input" defaultValue={one(params.from)} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" className="input" defaultValue={one(params.to)} />
        </div>
        <div className="field">
          <label htmlFor="min">Min price</label>
          <input
            id="min"
            name="min"
            inputMode="decimal"
            className="input"
            placeholder="0"
            defaultValue={one(params.min)}
          />
        </div>
        <div className="field">
          <label htmlFor="max">Max price</label>
          <input
            id="max"
            name="max"
            inputMode="decimal"
            className="input"
            placeholder="Any"
            defaultValue={one(params.max)}
          />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </Form>

      <FormErrors messages={errors} />

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">
          Results
        </h2>
        {page.items.length === 0 && errors.length === 0 ? (
          <div className="card empty">
            <h3>{filtered ? 'No tickets match your search' : 'No tickets on sale yet'}</h3>
            <p className="muted">
              {filtered ? 'Try other words, dates or prices.' : 'Be the first: list a ticket you cannot use.'}
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
          firstHref={filters.cursor ? firstPage : undefined}
          nextHref={page.nextCursor ? `/?${nextParams.toString()}` : undefined}
        />
      </section>
    </>
  );
}
