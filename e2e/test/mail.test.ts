import { waitFor } from '@ticketing/common/testing';
import { listTicket, newUser, pay, placeOrder, untilOrder } from '../support/journeys';
import { platformForThisFile } from '../support/platform';

const platform = platformForThisFile();

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

  const order = await placeOrder(buyer, ticket.id);
  await pay(buyer, order.id);
  await untilOrder(buyer, order.id, 'complete');

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
