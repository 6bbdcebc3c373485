/** Long because the console is four lists (listings, orders, payments, users), each with its own rows. */
import Link from 'next/link';
import type { ComponentProps } from 'react';
import { notFound } from 'next/navigation';
import { AdminListings, isTicketStatus } from '@/components/admin-listings';
import { LocalDate } from '@/components/locale';
import { MoneyCell, OrderTitleCell, PageHead, TableHead, TableSection } from '@/components/page-parts';
import { Pagination } from '@/components/pagination';
import { OrderStatusBadge } from '@/components/status-badge';
import { AdminActionButton } from '@/components/admin-action-button';
import { requireUser, serverApi } from '@/lib/api/server';
import type { AdminUser, Payment } from '@/lib/api/types';
import type { Messages } from '@/lib/messages';
import { getMessages, pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.adminPage.title);

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
export default async function AdminPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser('/admin');
  if (user.role !== 'admin') notFound();
  const params = await searchParams;
  const status = isTicketStatus(params.status) ? params.status : undefined;
  // Words of a listing's title or venue (tickets' search takes at most 100 characters).
  const q = params.q?.trim().slice(0, 100) || undefined;
  const [listings, orders, payments, users, t] = await Promise.all([
    serverApi.allTickets({ status, q }, params.listings),
    serverApi.allOrders(params.orders),
    serverApi.allPayments(params.payments),
    serverApi.allUsers(params.users),
    getMessages(),
  ]);
  const say = t.adminPage;
  return (
    <>
      <PageHead title={say.title} lede={say.lede} />
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
      <ConsoleTable
        id="admin-orders"
        title={say.orders}
        head={
          <TableHead
            columns={[t.common.ticket, t.common.ordered, say.buyer, t.common.total, t.common.status]}
          />
        }
        pager={
          <Pagination
            nextHref={more(params, 'orders', orders.nextCursor)}
            nextLabel={t.pagination.olderOrders}
          />
        }
      >
        {orders.items.map((order) => (
          <tr key={order.id} data-testid="admin-order">
            <OrderTitleCell order={order} />
            <td data-label={t.common.ordered}>
              <LocalDate iso={order.createdAt} />
            </td>
            <td data-label={say.buyer} className="mono">
              {order.userId.slice(0, 8)}
            </td>
            <MoneyCell label={t.common.total} minor={order.totalCents} currency={order.currency}>
              {order.quantity > 1 && <span className="muted">{say.ticketsInOrder(order.quantity)}</span>}
            </MoneyCell>
            <td data-label={t.common.status}>
              <OrderStatusBadge order={order} />
            </td>
          </tr>
        ))}
      </ConsoleTable>
      <ConsoleTable
        id="admin-payments"
        title={say.payments}
        head={
          <TableHead
            columns={[say.order, t.common.paid, say.amount, t.common.status]}
            actions={t.common.actions}
          />
        }
        pager={
          <Pagination
            nextHref={more(params, 'payments', payments.nextCursor)}
            nextLabel={t.pagination.olderPayments}
          />
        }
      >
        {payments.items.map((payment) => (
          <PaymentRow key={payment.id} payment={payment} t={t} />
        ))}
      </ConsoleTable>
      <ConsoleTable
        id="admin-users"
        title={say.users}
        head={<TableHead columns={[say.name, say.email, say.account]} actions={t.common.actions} />}
        pager={
          <Pagination nextHref={more(params, 'users', users.nextCursor)} nextLabel={t.pagination.moreUsers} />
        }
      >
        {users.items.map((account) => (
          <UserRow key={account.id} account={account} self={account.id === user.id} t={t} />
        ))}
      </ConsoleTable>
    </>
  );
}

/** One of the console's lists: its heading, its table and the link to its next page. */
function ConsoleTable(props: Omit<ComponentProps<typeof TableSection>, 'style'>) {
  return <TableSection {...props} style={{ marginTop: 'var(--space-6)' }} />;
}

/** A payment: its order, when, how much, its status, and a refund for one that succeeded. */
function PaymentRow({ payment, t }: { payment: Payment; t: Messages }) {
  const say = t.adminPage;
  const order = payment.orderId.slice(0, 8);
  return (
    <tr data-testid="admin-payment" data-order-id={payment.orderId}>
      <td>
        <Link href={`/orders/${payment.orderId}`} className="mono">
          {order}
        </Link>
      </td>
      <td data-label={t.common.paid}>
        <LocalDate iso={payment.createdAt} />
      </td>
      <MoneyCell label={say.amount} minor={payment.amountCents} currency={payment.currency} />
      <td data-label={t.common.status}>{say.paymentStatus[payment.status]}</td>
      <td>
        {payment.status === 'succeeded' && (
          <AdminActionButton action="refund" id={payment.id} subject={order} />
        )}
      </td>
    </tr>
  );
}

/** An account: who, its role and state, and lock or unlock (when it is locked); never one's own. */
function UserRow({ account, self, t }: { account: AdminUser; self: boolean; t: Messages }) {
  const say = t.adminPage;
  const action = account.locked ? 'unlock' : 'lock';
  const state = [
    account.role === 'admin' ? say.admin : say.user,
    account.emailVerified ? say.emailConfirmed : say.emailNotConfirmed,
    account.locked ? say.locked : null,
  ];
  return (
    <tr data-testid="admin-user">
      <td>{account.name}</td>
      <td data-label={say.email} className="wrap-anywhere">
        {account.email}
      </td>
      <td data-label={say.account}>{state.filter(Boolean).join(', ')}</td>
      <td>
        {!self && (
          <AdminActionButton
            action={action}
            id={account.id}
            subject={account.email}
            danger={action === 'lock'}
          />
        )}
      </td>
    </tr>
  );
}
