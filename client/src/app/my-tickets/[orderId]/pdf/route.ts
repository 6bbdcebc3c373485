import { NextResponse, type NextRequest } from 'next/server';
import { apiUrl } from '@/lib/api/base-url';

/**
 * The PDF of an order's e-tickets, fetched from orders with the browser's cookies. A page route rather
 * than a link to /api: the proxy refreshes an expired session here first, as it does for every page, so
 * a My tickets page left open for a while still downloads.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const res = await fetch(apiUrl(`/api/orders/${encodeURIComponent(orderId)}/etickets/pdf`), {
    headers: { cookie: request.headers.get('cookie') ?? '', accept: 'application/pdf' },
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status === 401) {
    return NextResponse.redirect(
      new URL(`/signin?next=${encodeURIComponent('/my-tickets')}`, request.url),
      303,
    );
  }
  const headers = new Headers({ 'cache-control': 'private, no-store' });
  for (const name of ['content-type', 'content-disposition']) {
    const value = res.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new NextResponse(res.body, { status: res.status, headers });
}
