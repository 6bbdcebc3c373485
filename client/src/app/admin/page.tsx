import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminListings, isTicketStatus } from '@/components/admin-listings';
import { LocalDate, Money } from '@/components/locale';
import { Pagination } from '@/components/pagination';
import { OrderStatusBadge } from '@/components/status-badge';
import { AdminActionButton } from '@/components/admin-action-button';
import { requireUser, serverApi } from '@/lib/api/server';

export const metadata: Metadata = { title: 'Admin' };

type Params = {
  status?: string;
  q?: string;
  listings?: string;
  orders?: string;
  payments?: string;
  users?: string;
};

const more = (params: Params, key: keyof Params, cursor: string | null) =>
  cursor ? `/admin?${new URLSearchParams({ ...params, [key]: cursor }).toString()}` : undefined;

/**
 * The admin console: every listing in every status (filtered by one), with withdraw (moderation with a
 * reason) where tickets allow it, every order, every payment with refund, every user with lock and unlock.
 * An admin reads listings and orders; their pages show them facts, never a buyer's wording or a Pay form.
 */
const PAYMENT_STATUS = {
  succeeded: 'Paid',
  refund_pending: 'Refund under way',
  refunded: 'Refunded',
  refund_failed: 'Refund failed',
} as const;

export default async function AdminPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser('/admin');
  if (user.role !== 'admin') notFound();
  const params = await searchParams;
  const status = isTicketStatus(params.status) ? params.status : undefined;
  // Words of a listing's title or venue (tickets' search takes at most 100 characters).
  const q = params.q?.trim().slice(0, 100) || undefined;
  const [listings, orders, payments, users] = await Promise.all([
    serverApi.allTickets({ status, q }, params.listings),
    serverApi.allOrders(params.orders),
    serverApi.allPayments(params.payments),
    serverApi.allUsers(params.users),
  ]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Admin</h1>
          <p className="lede">Every listing, order and payment, and every account on the marketplace.</p>
        </div>
      </div>
      <AdminListings
        page={listings}
        status={status}
        q={q}
        hrefFor={(next, cursor) => {
          const { status: _shown, q: _words, listings: _page, ...rest } = params;
          const query = {
            ...rest,
            ...(next ? { status: next } : {}),
            ...(q ? { q } : {}),
            ...(cursor ? { listings: cursor } : {}),
          };
          return `/admin?${new URLSearchParams(query).toString()}`;
        }}
      />
      <section className="stack" aria-labelledby="admin-orders" style={{ marginTop: 'var(--space-6)' }}>
        <h2 id="admin-orders">All orders</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Ordered</th>
              <th scope="col">Buyer</th>
              <th scope="col">Total</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.items.map((order) => (
              <tr key={order.id} data-testid="admin-order">
                <td>
                  <Link href={`/orders/${order.id}`}>{order.ticket.title}</Link>
                </td>
                <td data-label="Ordered">
                  <LocalDate iso={order.createdAt} />
                </td>
                <td data-label="Buyer" className="mono">
                  {order.userId.slice(0, 8)}
                </td>
                <td data-label="Total">
                  <Money minor={order.totalCents} currency={order.currency} />
                  {order.quantity > 1 && <span className="muted"> ({order.quantity} tickets)</span>}
                </td>
                <td data-label="Status">
                  <OrderStatusBadge order={order} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination nextHref={more(params, 'orders', orders.nextCursor)} nextLabel="Older orders" />
      </section>
      <section className="stack" aria-labelledby="admin-payments" style={{ marginTop: 'var(--space-6)' }}>
        <h2 id="admin-payments">Payments</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Paid</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {payments.items.map((payment) => (
              <tr key={payment.id} data-testid="admin-payment" data-order-id={payment.orderId}>
                <td>
                  <Link href={`/orders/${payment.orderId}`} className="mono">
                    {payment.orderId.slice(0, 8)}
                  </Link>
                </td>
                <td data-label="Paid">
                  <LocalDate iso={payment.createdAt} />
                </td>
                <td data-label="Amount">
                  <Money minor={payment.amountCents} currency={payment.currency} />
                </td>
                <td data-label="Status">{PAYMENT_STATUS[payment.status]}</td>
                <td>
                  {payment.status === 'succeeded' && (
                    <AdminActionButton
                      action="refund"
                      id={payment.id}
                      label="Refund"
                      ariaLabel={`Refund order ${payment.orderId.slice(0, 8)}`}
                      question={`Refund order ${payment.orderId.slice(0, 8)}?`}
                      detail="The buyer gets the whole amount back through Stripe and their e-tickets stop admitting."
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination nextHref={more(params, 'payments', payments.nextCursor)} nextLabel="Older payments" />
      </section>
      <section className="stack" aria-labelledby="admin-users" style={{ marginTop: 'var(--space-6)' }}>
        <h2 id="admin-users">Users</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Account</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.items.map((account) => (
              <tr key={account.id} data-testid="admin-user">
                <td>{account.name}</td>
                <td data-label="Email" className="wrap-anywhere">
                  {account.email}
                </td>
                <td data-label="Account">
                  {[
                    account.role === 'admin' ? 'Admin' : 'User',
                    account.emailVerified ? 'email confirmed' : 'email not confirmed',
                    account.locked ? 'locked' : null,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </td>
                <td>
                  {account.id === user.id ? null : account.locked ? (
                    <AdminActionButton
                      action="unlock"
                      id={account.id}
                      label="Unlock"
                      ariaLabel={`Unlock ${account.email}`}
                      question={`Unlock ${account.email}?`}
                      detail="They can sign in again."
                      danger={false}
                    />
                  ) : (
                    <AdminActionButton
                      action="lock"
                      id={account.id}
                      label="Lock"
                      ariaLabel={`Lock ${account.email}`}
                      question={`Lock ${account.email}?`}
                      detail="They are signed out everywhere at once and cannot sign in until you unlock the account."
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination nextHref={more(params, 'users', users.nextCursor)} nextLabel="More users" />
      </section>
    </>
  );
}
