import Link from 'next/link';
import type { CurrentUser } from '@/lib/api/types';
import { getMessages } from '@/lib/messages/server';
import { Collapsible } from './collapsible';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

/** The brand and the main navigation; on a phone the navigation folds behind "Menu" (one line of header). */
export async function SiteHeader({ user }: { user: CurrentUser | null }) {
  const { nav } = await getMessages();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand">
          Ticket<span>ing</span>
        </Link>
        <Collapsible id="main-nav" label={nav.menu} className="site-header__menu">
          <nav className="nav" aria-label={nav.main}>
            <NavLink href="/">{nav.browse}</NavLink>
            <NavLink href="/sell">{nav.sell}</NavLink>
            {user ? (
              <>
                <NavLink href="/listings">{nav.listings}</NavLink>
                <NavLink href="/earnings">{nav.earnings}</NavLink>
                <NavLink href="/orders">{nav.orders}</NavLink>
                <NavLink href="/my-tickets">{nav.myTickets}</NavLink>
                <NavLink href="/checkin">{nav.checkIn}</NavLink>
                {user.role === 'admin' && <NavLink href="/admin">{nav.admin}</NavLink>}
                <span className="nav__user" data-testid="current-user">
                  {nav.signedInAs} <strong>{user.name}</strong>
                </span>
                <SignOutButton label={nav.signOut} />
              </>
            ) : (
              <>
                <NavLink href="/signin">{nav.signIn}</NavLink>
                <NavLink href="/signup">{nav.signUp}</NavLink>
              </>
            )}
          </nav>
        </Collapsible>
      </div>
    </header>
  );
}
