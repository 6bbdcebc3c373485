/** The pages of the site a mail links to (the client's routes), on the site's public address. */
export function siteLinks(publicUrl: string) {
  const at = (path: string) => new URL(path, publicUrl).toString();
  return {
    myTickets: at('/my-tickets'),
    listings: at('/listings'),
    orders: at('/orders'),
    order: (id: string) => at(`/orders/${encodeURIComponent(id)}`),
    resetPassword: (token: string) => at(`/reset-password?token=${encodeURIComponent(token)}`),
    verifyEmail: (token: string) => at(`/verify-email?token=${encodeURIComponent(token)}`),
  };
}

export type SiteLinks = ReturnType<typeof siteLinks>;

/** What the mail use cases need besides the transaction. */
export interface MailDeps {
  links: SiteLinks;
  /** How long before a reservation ends its reminder goes out. */
  reminderLeadMs: number;
}
