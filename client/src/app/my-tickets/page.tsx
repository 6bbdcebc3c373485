import type { Metadata } from 'next';
import Link from 'next/link';
import { EticketCard } from '@/components/eticket-card';
import { nextPageHref, Pagination } from '@/components/pagination';
import { requireUser, serverApi } from '@/lib/api/server';

export const metadata: Metadata = { title: 'My tickets' };

export default async function MyTicketsPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  await requireUser('/my-tickets');
  const { cursor } = await searchParams;
  const page = await serverApi.myEtickets(cursor);
  const qrCodes = await Promise.all(page.items.map((eticket) => serverApi.eticketQrSvg(eticket.id)));
  // An order of several tickets has one e-ticket each: number them within their order.
  const ofOrder = (orderId: string) => page.items.filter((e) => e.orderId === orderId);
  const positionOf = (id: string, orderId: string) => {
    const siblings = ofOrder(orderId);
    return siblings.length > 1
      ? `${siblings.findIndex((e) => e.id === id) + 1} of ${siblings.length}`
      : undefined;
  };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>My tickets</h1>
          <p className="lede">
            Show the QR code at the entrance, on your phone or printed. Each one admits once.
          </p>
        </div>
      </div>
      {page.items.length === 0 ? (
        <div className="card empty">
          <h2>No e-tickets yet</h2>
          <p className="muted">When an order is paid, its e-tickets appear here.</p>
          <Link href="/orders" className="button">
            See my orders
          </Link>
        </div>
      ) : (
        <ul className="eticket-list" aria-label="My e-tickets">
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
      <Pagination nextHref={nextPageHref('/my-tickets', page.nextCursor)} nextLabel="Older tickets" />
    </>
  );
}
