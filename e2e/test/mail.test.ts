import { waitFor } from '@ticketing/common/testing';
import { listTicket, newUser, pay, untilOrder, type Order } from '../support/journeys';
import { startPlatform, type Platform } from '../support/platform';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
}, 150_000);

afterAll(async () => {
  await platform?.stop();
}, 60_000);

interface CaughtMail {
  subject: string;
  to: Array<{ address: string }>;
}

const inboxOf = async (address: string): Promise<CaughtMail[]> => {
  const all = (await (await fetch(`${platform.inboxUrl}/api/email`)).json()) as CaughtMail[];
  return all.filter((m) => m.to.some((t) => t.address === address));
};

it("when a buyer pays for a listing, then its seller is told by email, through the platform's SMTP catcher", async () => {
  const seller = await newUser(platform, 'mailseller');
  const buyer = await newUser(platform, 'mailbuyer');
  const { currentUser } = (await seller.get<{ currentUser: { email: string } }>('/api/users/currentuser'))
    .body;
  const ticket = await listTicket(seller, 3000);

  const ordered = await buyer.post<Order>('/api/orders', { ticketId: ticket.id });
  expect(ordered.status).toBe(201);
  await pay(buyer, ordered.body.id);
  await untilOrder(buyer, ordered.body.id, 'complete');

  // Sign-up → user.registered (auth's outbox) → notifications; order.completed → the seller's mail.
  // The seller's first mail is the confirmation link mailed at sign-up (they followed it to list).
  const mails = await waitFor(
    async () => {
      const inbox = await inboxOf(currentUser.email);
      return inbox.some((m) => m.subject.startsWith('Sold:')) ? inbox : undefined;
    },
    { timeoutMs: 30_000 },
  );
  expect(mails.map((m) => m.subject).sort()).toEqual([
    'Confirm your email address for Ticketing',
    expect.stringMatching(/^Sold: E2E concert /),
  ]);
});
