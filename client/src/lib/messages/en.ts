/**
 * Every sentence the client says about an error or a status, in one place. A second language is a copy of
 * this file with the same keys (typed by `Messages`), chosen in ./index.ts. The API's error `code` (and, for
 * `invalid`, its `field`) picks the sentence: the API's own wording is never shown.
 */
/** A cancellation window in words: "48 hours", "7 days". */
export const windowText = (hours: number): string =>
  hours % 24 === 0 && hours >= 72 ? `${hours / 24} days` : `${hours} hour${hours === 1 ? '' : 's'}`;

export const en = {
  lang: 'en',
  /** Numbers and dates are formatted in the language of the text around them. */
  locale: 'en-US',
  errors: {
    byCode: {
      not_authorized: 'Please sign in to continue.',
      session_expired: 'Your session has expired. Please sign in again.',
      session_ended: 'Your session has ended. Please sign in again.',
      forbidden: 'Your account is not allowed to do that.',
      csrf_failed: 'This page was open too long to send safely. Reload it and try again.',
      not_found: 'We could not find that. It may have been removed.',
      rate_limited: 'Too many attempts. Please wait a minute and try again.',
      payload_too_large: 'That is more text than we can take. Please shorten it.',
      database_unavailable: 'We are having trouble right now. Please try again in a moment.',
      unavailable: 'We are having trouble right now. Please try again in a moment.',
      unexpected: 'Something went wrong on our side. Please try again.',
      offline: 'We cannot reach the marketplace. Check your connection and try again.',
      ticket_not_available: 'Someone else has just reserved or bought this ticket.',
      not_enough_tickets:
        'Fewer tickets are left than you asked for: others have just reserved them. Choose fewer.',
      quantity_not_allowed:
        'The seller does not sell that number of tickets from this listing. Choose one of the numbers offered.',
      own_ticket: 'This is your own listing, so you cannot buy it.',
      ticket_not_modifiable: 'Some of this listing is reserved or sold now, so it cannot be changed.',
      order_not_cancellable: 'This order has already been paid or cancelled.',
      cancellation_not_offered: 'The seller does not offer cancellation for this ticket.',
      cancellation_window_closed: 'It is too late to cancel this order: the cancellation window has closed.',
      eticket_used: 'This ticket was already used at the entrance, so the order cannot be cancelled.',
      not_your_order: 'This order belongs to another account.',
      order_not_payable: 'This order can no longer be paid: it expired, was cancelled or is already paid.',
      already_paid: 'This order is already paid.',
      payment_in_progress:
        'A payment for this order is already being processed. Wait a moment, then check the order.',
      card_declined: 'Your card was declined. Try another card.',
      payment_required: 'The payment did not go through. Try another card.',
      invalid_payment_method: 'That card cannot be used. Try another card.',
      invalid_credentials: 'That email and password do not match an account.',
      email_taken: 'An account with this email already exists.',
      password_breached:
        'This password is on the lists of leaked passwords that attackers try first. Choose another one.',
      reset_token_invalid:
        'This reset link is no longer valid: it was used, replaced by a newer one, or is over 30 minutes old.',
      password_too_weak:
        'This password is too easy to guess. Make it longer, for example with a few unrelated words.',
      verification_token_invalid:
        'This confirmation link is no longer valid: it was used, replaced by a newer one, or is over 48 hours old.',
      email_not_verified: 'Confirm your email address before listing tickets: follow the link we mailed you.',
      account_locked: 'This account is locked. Contact support if you think this is a mistake.',
      cannot_lock_self: 'You cannot lock your own account.',
      payment_not_refundable: 'This payment is being refunded or was refunded already.',
      email_already_verified: 'Your email address is already confirmed.',
      etickets_not_issued: 'This order has no e-tickets yet: they are issued once it is paid.',
      event_exists:
        'This event is already on the marketplace (same title, venue and start). Search for it above and sell your ticket there.',
      event_not_found: 'That event is no longer on the marketplace. Choose another one.',
      event_started: 'That event has already started, so tickets for it can no longer be listed.',
    },
    /** `invalid` answers name a field: one sentence per field of each form. */
    byField: {
      event: {
        title: 'Enter the event title (up to 120 characters).',
        venue: 'Enter the venue (up to 120 characters).',
        city: 'Enter the city (up to 80 characters).',
        startsAt: 'Choose a date and time in the future.',
        timeZone: 'Choose the time zone of the venue from the list.',
        category: 'Choose a category from the list.',
        imageUrl: 'Enter an image address starting with https://, or leave it empty.',
      },
      ticket: {
        eventId: 'Choose the event this ticket is for.',
        priceCents: 'Enter a price above zero and up to 1,000,000, like 25 or 25.50.',
        currency: 'Choose a currency from the list.',
        description: 'Keep the description under 2,000 characters.',
        section: 'Keep the section to 40 characters on one line.',
        row: 'Keep the row to 40 characters on one line.',
        seat: 'Keep the seat (or seats, like 12-15) to 40 characters on one line.',
        quantity: 'Enter how many tickets the listing holds: a whole number from 1 to 20.',
        split: 'Choose how buyers may split the tickets from the list.',
        cancellationHours: 'Choose until when buyers may cancel from the list.',
      },
      account: {
        name: 'Enter your name (up to 100 characters).',
        email: 'Enter an email address like name@example.com.',
        password: 'Use at least 8 characters for your password (at most 128).',
      },
      signin: {
        email: 'Enter the email address you signed up with.',
        password: 'Enter your password.',
      },
      forgot: {
        email: 'Enter the email address you signed up with, like name@example.com.',
      },
      reset: {
        password: 'Use at least 8 characters for your password (at most 128).',
      },
      checkin: {
        code: 'Enter the code printed under the QR code (letters, digits, "-", "_" and one ".").',
      },
      search: {
        q: 'Search for up to 100 characters.',
        city: 'Enter a city of up to 80 characters.',
        from: 'Choose a valid start date.',
        to: 'Choose an end date on or after the start date.',
        sort: 'Choose an order from the list.',
        cursor: 'That page of results is no longer available. Start again from the first page.',
      },
    },
    generic: 'Something went wrong. Please try again.',
    formSummary: (count: number) =>
      count === 1
        ? 'Please correct the field marked below.'
        : `Please correct the ${count} fields marked below.`,
  },
  passwordReset: {
    sent: 'If an account exists for that email, we sent it a link to choose a new password. The link works for 30 minutes.',
    done: 'Your password is changed and your account was signed out everywhere. Sign in with the new password.',
    askAgain: 'Ask for a new link',
  },
  admin: {
    reasonRequired: 'Give the seller a reason of at least 3 characters.',
    moderationDetail: 'Buyers will no longer see it, and its seller sees your reason on the listing.',
    moderated: (reason: string) => `Withdrawn by moderation: ${reason}`,
    notWithdrawable: 'Tickets of this listing are reserved or sold: it cannot be withdrawn now.',
  },
  verifyEmail: {
    banner: 'Email not verified',
    resend: 'Resend the link',
    resent: (email: string) => `We sent a new link to ${email}. It works for 48 hours.`,
    why: 'Until you confirm your email address you can browse and buy tickets, but not list tickets for sale.',
    checking: 'Confirming your email address…',
    done: 'Your email address is confirmed. You can now list tickets for sale.',
    signInForMore: 'Sign in to list tickets for sale.',
  },
  /** The meter under a new password, by the estimator's score (0–4); auth refuses below "Good". */
  passwordStrength: {
    label: 'Strength',
    levels: { 0: 'Very weak', 1: 'Weak', 2: 'Fair', 3: 'Good', 4: 'Strong' },
  },
  events: {
    /** Before the lowest price: "4 tickets from" £48.00. */
    onSale: (count: number) => (count === 1 ? '1 ticket at' : `${count} tickets from`),
    noneOnSale: 'No tickets on sale yet',
    sort: { date: 'Date, soonest', price: 'Lowest price' },
    categories: {
      concert: 'Concert',
      theatre: 'Theatre',
      sport: 'Sport',
      comedy: 'Comedy',
      festival: 'Festival',
      conference: 'Conference',
      other: 'Other',
    },
  },
  orderStatus: {
    created: 'Awaiting payment',
    complete: 'Paid',
    cancelled: 'Cancelled',
    expired: 'Expired',
    rejected: 'No longer available',
    buyer_cancelled: 'Cancelled and refunded',
  },
  ticketStatus: {
    available: 'Available',
    reserved: 'Reserved',
    sold: 'Sold',
    withdrawn: 'Withdrawn',
  },
  etickets: {
    status: {
      valid: 'Valid',
      used: 'Used',
      voided: 'Void',
    },
    voided: 'This e-ticket is void: the order was refunded. It will not admit anyone.',
    qrUnavailable:
      'The QR code cannot be shown right now. Reload the page, or give the code below at the door.',
  },
  checkIn: {
    admitted: 'Valid — let them in',
    alreadyUsed: 'Already used',
    usedAtLabel: 'Checked in:',
    notValid: 'Not valid',
    notValidUnknown:
      'This code is not a ticket for one of your events. Check it was typed correctly, or ask for another.',
    notValidVoided: 'This ticket was refunded and no longer admits anyone.',
    noCamera: 'Scanning with the camera is not available in this browser: type or paste the code instead.',
    cameraDenied: 'The camera could not be started. Type or paste the code instead.',
  },
  /** How a listing's tickets may be bought, by the seller's split rule. */
  splits: {
    any: 'Any number',
    'no-single': 'Never leave one ticket on its own',
    all: 'All together only',
  },
  quantity: {
    left: (left: number, of: number) => (of === 1 ? '1 ticket' : `${left} of ${of} tickets left`),
    tickets: (n: number) => (n === 1 ? '1 ticket' : `${n} tickets`),
  },
  cancellation: {
    /** What a listing's window means for a buyer, shown before they buy. */
    policy: (hours: number) =>
      hours === 0
        ? 'No cancellation: the seller does not refund this ticket once it is paid.'
        : `You may cancel and be refunded until ${windowText(hours)} before the event.`,
  },
  hold: {
    beforeBuy: (minutes: string) =>
      `Buying holds the ticket for you for ${minutes} while you pay. If you do not pay in time, it goes back on sale.`,
    yours: 'You are holding this ticket. Finish paying before the time runs out.',
    someoneElse:
      'Someone is paying for this ticket right now. If they do not finish in time, it goes back on sale.',
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };

/** The shape every language file has. */
export type Messages = Widen<typeof en>;
