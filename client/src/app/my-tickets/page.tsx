import { EticketCard } from '@/components/eticket-card';
import { EmptyState, PageHead } from '@/components/page-parts';
import { nextPageHref, Pagination } from '@/components/pagination';
import { serverApi } from '@/lib/api/server';
import { pageTitle } from '@/lib/messages/server';
import { ownListPage, type CursorParams } from '@/lib/own-list';

export const generateMetadata = pageTitle((t) => t.myTickets.title);

export default async function MyTicketsPage({ searchParams }: { searchParams: CursorParams }) {
  const [page, t] = await ownListPage('/my-tickets', searchParams, serverApi.myEtickets);
  const qrCodes = await Promise.all(page.items.map((eticket) => serverApi.eticketQrSvg(eticket.id)));
  const say = t.myTickets;
  // An order of several tickets has one e-ticket each: number them within their order.
  const ofOrder = (orderId: string) => page.items.filter((e) => e.orderId === orderId);
  const positionOf = (id: string, orderId: string) => {
    const siblings = ofOrder(orderId);
    return siblings.length > 1
      ? say.position(siblings.findIndex((e) => e.id === id) + 1, siblings.length)
      : undefined;
  };
  return (
    <>
      <PageHead title={say.title} lede={say.lede} />
      {page.items.length === 0 ? (
        <EmptyState title={say.empty} hint={say.emptyHint} href="/orders" action={say.seeOrders} />
      ) : (
        <ul className="eticket-list" aria-label={say.list}>
          {page.items.map((eticket, i) => (
            <li key={eticket.id}>
              <EticketCard
                eticket={eticket}
                qrSvg={qrCodes[i] ?? null}
                position={positionOf(eticket.id, eticket.orderId)}
              />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        nextHref={nextPageHref('/my-tickets', page.nextCursor)}
        nextLabel={t.pagination.olderTickets}
      />
    </>
  );
}
